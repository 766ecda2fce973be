package fr.manche.tna.platform.requests;

import static fr.manche.tna.platform.requests.RequestAcknowledgementProcess.REQUESTER;
import static fr.manche.tna.platform.requests.RequestAcknowledgementProcess.REQUEST_INSTANCE_ID;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of {@code RequestAcknowledgement}: the mail that confirms a member's request and says where to follow it. */
@Configuration
class RequestAcknowledgementSteps {

  @Bean("notifyRequestReceived")
  JavaDelegate notifyRequestReceived(
      HistoryService historyService, IdentityService identityService, AccountService accounts,
      OrganisationRepository organisations, Directory directory, NotificationService notifications, TasklistLinks links) {
    return execution -> {
      String requestInstanceId = REQUEST_INSTANCE_ID.get(execution);
      String requester = REQUESTER.get(execution);
      HistoricProcessInstance request =
          historyService.createHistoricProcessInstanceQuery().processInstanceId(requestInstanceId).singleResult();
      Optional<Person> person = accounts.personOfUser(requester);
      User user = identityService.createUserQuery().userId(requester).singleResult();
      String email = person.map(Person::email).orElse(user == null ? null : user.getEmail());
      String firstName = person.map(Person::firstName).orElse(user == null ? null : user.getFirstName());
      String organisation = person.flatMap(p -> organisations.findById(p.organisationId()))
          .map(found -> found.name()).orElse("Réseau des territoires numériques apprenants");
      String name = request.getProcessDefinitionName();
      String receivedAt = ParisTime.formatDateTime(request.getStartTime().toInstant().atZone(ParisTime.ZONE));
      notifications.send(
          ProcessNotifications.eventKey(execution),
          () -> Message.of(
              email == null ? List.of() : List.of(email),
              "Votre demande a bien été reçue : " + name,
              organisation,
              name,
              links.memberRequests(),
              "Suivre mes demandes",
              firstName == null || firstName.isBlank() || "-".equals(firstName) ? "Bonjour," : "Bonjour " + firstName + ",",
              "Le Département de la Manche a bien reçu votre demande « " + name + " » pour " + organisation + ", le "
                  + receivedAt + ".",
              "Chaque suite qui lui sera donnée vous sera annoncée par courriel. Si une action vous est demandée (compléter, "
                  + "modifier ou signer), elle apparaîtra dans votre liste des tâches.",
              "Vous pouvez suivre cette demande, et toutes celles de votre organisation, sur la page « Mes demandes » : "
                  + links.memberRequests(),
              "Pour toute question, écrivez au référent du réseau : " + directory.networkReferentContact(null) + "."));
    };
  }
}
