package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.notification.NotificationService;
import fr.manche.tna.notification.ProcessNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the network referents that an application awaits their review (asynchronous task). */
@Component("notifyConventionReviewers")
class NotifyReviewersDelegate implements JavaDelegate {

  private final ConventionMails mails;
  private final NotificationService notifications;

  NotifyReviewersDelegate(ConventionMails mails, NotificationService notifications) {
    this.mails = mails;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.send(
        ProcessNotifications.eventKey(execution),
        mails.reviewRequested(CONVENTION_ID.get(execution)));
  }
}
