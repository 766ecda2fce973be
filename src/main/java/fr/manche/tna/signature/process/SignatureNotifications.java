package fr.manche.tna.signature.process;

import static fr.manche.tna.signature.process.DocumentSignatureProcess.documentId;
import static fr.manche.tna.signature.process.DocumentSignatureProcess.documentType;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification tasks of the process {@code DocumentSignature} (each asynchronous, sent once per event). */
@Configuration
class SignatureNotifications {

  @Bean("notifySignatories")
  JavaDelegate notifySignatories(SignatureMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution),
        () -> mails.toSign(documentType(execution), documentId(execution), execution.getProcessInstanceId()));
  }

  @Bean("notifySignatureRefused")
  JavaDelegate notifySignatureRefused(SignatureMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution),
        () -> mails.refused(documentType(execution), documentId(execution)));
  }
}
