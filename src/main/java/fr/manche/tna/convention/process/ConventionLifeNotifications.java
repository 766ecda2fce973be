package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notification tasks of the process {@code Convention} (each asynchronous, sent once per event). */
@Configuration
class ConventionLifeNotifications {

  @Bean("notifyConventionSigned")
  JavaDelegate notifyConventionSigned(ConventionLifeMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.signed(conventionId(execution)));
  }

  @Bean("notifyConventionEndReminder")
  JavaDelegate notifyConventionEndReminder(ConventionLifeMails mails, NotificationService notifications) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mails.endReminder(conventionId(execution)));
  }

  /** To the member; to staff as well when no renewal follows (equipment to recover). */
  @Bean("notifyConventionEnded")
  JavaDelegate notifyConventionEnded(ConventionLifeMails mails, NotificationService notifications) {
    return execution -> {
      String event = ProcessNotifications.eventKey(execution);
      boolean renewed = ConventionLifeProcess.RENEWED.getOptional(execution).orElse(false);
      notifications.send(event + "-membre", () -> mails.endedToMember(conventionId(execution), renewed));
      if (!renewed) {
        notifications.send(event + "-personnel", () -> mails.endedToStaff(conventionId(execution)));
      }
    };
  }

  private static long conventionId(DelegateExecution execution) {
    return CONVENTION_ID.get(execution);
  }
}
