package fr.manche.tna.requests;

import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUESTER;
import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUEST_INSTANCE_ID;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.notification.Message;
import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import fr.manche.tna.platform.web.TasklistLinks;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of {@code RequestAcknowledgement}: the mail that confirms a member's request and says where to follow it. */
@Configuration
class RequestAcknowledgementSteps {

  @Bean("notifyRequestReceived")
  JavaDelegate notifyRequestReceived(
      MemberRequests requests, Directory directory, NotificationService notifications, TasklistLinks links) {
    return execution -> {
      MemberRequests.Acknowledgement acknowledgement =
          requests.acknowledgement(REQUEST_INSTANCE_ID.get(execution), REQUESTER.get(execution));
      String email = acknowledgement.email();
      String firstName = acknowledgement.firstName();
      String organisation = acknowledgement.organisation();
      String name = acknowledgement.requestName();
      String receivedAt = acknowledgement.receivedAt();
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
