package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.AMENDMENT_ID;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification tasks of {@code ConventionAmendment} (each asynchronous, sent once per event). */
@Configuration
class AmendmentNotifications {

  @Bean("notifyAmendmentTooLate")
  JavaDelegate notifyAmendmentTooLate(AmendmentMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.late(amendmentId(execution)));
  }

  @Bean("notifyAmendmentReferents")
  JavaDelegate notifyAmendmentReferents(AmendmentMails mails, NotificationService notifications) {
    return execution -> notifications.send(
        ProcessNotifications.eventKey(execution), () -> mails.toReview(amendmentId(execution), execution.getProcessInstanceId()));
  }

  @Bean("notifyAmendmentRefused")
  JavaDelegate notifyAmendmentRefused(AmendmentMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.refused(amendmentId(execution)));
  }

  @Bean("notifyAmendmentSigned")
  JavaDelegate notifyAmendmentSigned(AmendmentMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.signed(amendmentId(execution)));
  }

  private static long amendmentId(DelegateExecution execution) {
    return AMENDMENT_ID.get(execution);
  }
}
