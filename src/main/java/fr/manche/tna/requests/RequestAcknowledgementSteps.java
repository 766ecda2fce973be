package fr.manche.tna.requests;

import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUESTER;
import static fr.manche.tna.requests.RequestAcknowledgementProcess.REQUEST_INSTANCE_ID;

import fr.manche.tna.membership.Directory;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The step of {@code RequestAcknowledgement}: the mail that confirms a member's request and says where to follow
 * it (template {@code templates/mail/request-received.html}).
 */
@Configuration
class RequestAcknowledgementSteps {

  @Bean("notifyRequestReceived")
  JavaDelegate notifyRequestReceived(ProcessMails mails, MemberRequests requests, Directory directory) {
    return mails.sending(execution -> {
      MemberRequests.Acknowledgement acknowledgement =
          requests.acknowledgement(REQUEST_INSTANCE_ID.get(execution), REQUESTER.get(execution));
      return Mail.of("request-received")
          .to(Optional.ofNullable(acknowledgement.email()).stream().toList())
          .with("firstName", acknowledgement.firstName())
          .with("organisationName", acknowledgement.organisation())
          .with("requestName", acknowledgement.requestName())
          .with("receivedAt", acknowledgement.receivedAt())
          .with("referentContact", directory.networkReferentContact(null));
    });
  }
}
