package fr.manche.tna.requests;

import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUESTER;
import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUEST_INSTANCE_ID;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Directory;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The step of {@code RequestAcknowledgement}: the mail that confirms a member's request and says where to follow
 * it (template {@code templates/mail/request-received.html}).
 */
@Configuration
class RequestAcknowledgementSteps {

  @Bean("notifyRequestReceived")
  JavaDelegate notifyRequestReceived(
      ProcessMails mails, HistoryService historyService, IdentityService identityService, AccountService accounts,
      OrganisationRepository organisations, Directory directory) {
    return mails.sending(execution -> {
      String requester = variable(execution, REQUESTER);
      HistoricProcessInstance request = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(variable(execution, REQUEST_INSTANCE_ID)).singleResult();
      Optional<Person> person = accounts.personOfUser(requester);
      User user = identityService.createUserQuery().userId(requester).singleResult();
      String firstName = person.map(Person::firstName).orElse(user == null ? null : user.getFirstName());
      return Mail.of("request-received")
          .to(person.map(Person::email).or(() -> Optional.ofNullable(user).map(User::getEmail)).stream().toList())
          .with("firstName", firstName == null || firstName.isBlank() || "-".equals(firstName) ? null : firstName)
          .with("organisationName", person.flatMap(p -> organisations.findById(p.organisationId())).map(found -> found.name()).orElse(null))
          .with("requestName", request.getProcessDefinitionName())
          .with("receivedAt", request.getStartTime().toInstant().atZone(ParisTime.ZONE))
          .with("referentContact", directory.networkReferentContact(null));
    });
  }

  private static String variable(DelegateExecution execution, String name) {
    return (String) execution.getVariable(name);
  }
}
