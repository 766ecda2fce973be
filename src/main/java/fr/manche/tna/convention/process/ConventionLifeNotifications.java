package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The notification tasks of the process {@code Convention} (each asynchronous, sent once per event). */
final class ConventionLifeNotifications {

  private ConventionLifeNotifications() {}

  private static long conventionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CONVENTION_ID)).longValue();
  }

  @Component("notifyConventionSigned")
  static class Signed implements JavaDelegate {
    private final ConventionLifeMails mails;
    private final NotificationService notifications;

    Signed(ConventionLifeMails mails, NotificationService notifications) {
      this.mails = mails;
      this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
      notifications.send(ProcessNotifications.eventKey(execution), () -> mails.signed(conventionId(execution)));
    }
  }

  @Component("notifyConventionEndReminder")
  static class EndReminder implements JavaDelegate {
    private final ConventionLifeMails mails;
    private final NotificationService notifications;

    EndReminder(ConventionLifeMails mails, NotificationService notifications) {
      this.mails = mails;
      this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
      notifications.send(ProcessNotifications.eventKey(execution), () -> mails.endReminder(conventionId(execution)));
    }
  }

  @Component("notifyConventionEnded")
  static class Ended implements JavaDelegate {
    private final ConventionLifeMails mails;
    private final NotificationService notifications;

    Ended(ConventionLifeMails mails, NotificationService notifications) {
      this.mails = mails;
      this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
      String event = ProcessNotifications.eventKey(execution);
      boolean renewed = Boolean.TRUE.equals(execution.getVariable(ConventionLifeProcess.RENEWED));
      notifications.send(event + "-membre", () -> mails.endedToMember(conventionId(execution), renewed));
      if (!renewed) {
        notifications.send(event + "-personnel", () -> mails.endedToStaff(conventionId(execution)));
      }
    }
  }
}
