package fr.manche.tna.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one way a process sends a mail: the delegate of an asynchronous notification task, made from a line
 * that says which template goes to whom about which record.
 *
 * <pre>{@code
 * @Bean("notifyAmendmentRefused")
 * JavaDelegate notifyAmendmentRefused(ProcessMails mails) {
 *   return mails.sending(execution -> Mail.of("amendment-refused").to(...).with(facts(amendmentId(execution))));
 * }
 * }</pre>
 *
 * <p>The mail is sent once per event, whose key is the job's id ({@link ProcessNotifications}): the task must
 * be {@code camunda:asyncBefore}. The mail is made only when it is really sent, not on a retry after it went.
 */
@Component
public class ProcessMails {

  private final NotificationService notifications;

  ProcessMails(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** A notification task that sends one mail. */
  public JavaDelegate sending(Function<DelegateExecution, Mail> mail) {
    return execution -> notifications.send(ProcessNotifications.eventKey(execution), () -> mail.apply(execution));
  }

  /**
   * A notification task that sends several mails (each its own template, e.g. one to the member and one to
   * staff), each once: its event is the job's plus the template's name.
   */
  public JavaDelegate sendingEach(Function<DelegateExecution, List<Mail>> mails) {
    return execution -> {
      String event = ProcessNotifications.eventKey(execution);
      for (Mail mail : mails.apply(execution)) {
        notifications.send(event + "-" + mail.template(), mail);
      }
    };
  }

  /**
   * A notification task that sends one mail per record (e.g. one per appointment cancelled), each once: its event is
   * the job's plus the record's key. The records are read again on a retry; those already mailed are not mailed twice.
   */
  public JavaDelegate sendingEachOnce(Function<DelegateExecution, Map<String, Mail>> mails) {
    return execution -> {
      String event = ProcessNotifications.eventKey(execution);
      mails.apply(execution).forEach((key, mail) -> notifications.send(event + "-" + key, mail));
    };
  }
}
