package fr.manche.tna.convention.renewal.process;

import static fr.manche.tna.convention.renewal.process.RenewalSteps.renewalId;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification tasks of the renewal (each asynchronous, sent once per event). */
@Configuration
class RenewalNotifications {

  @Bean("notifyRenewalProposed")
  JavaDelegate notifyRenewalProposed(RenewalMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.proposed(renewalId(execution)));
  }

  @Bean("notifyRenewalAccepted")
  JavaDelegate notifyRenewalAccepted(RenewalMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.accepted(renewalId(execution)));
  }

  @Bean("notifyRenewalDeclined")
  JavaDelegate notifyRenewalDeclined(RenewalMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.declined(renewalId(execution)));
  }

  @Bean("notifyRenewalExpired")
  JavaDelegate notifyRenewalExpired(RenewalMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.expired(renewalId(execution)));
  }
}
