package fr.manche.tna.notification;

import fr.manche.tna.platform.Logs;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mails of every process, exactly once per event.
 *
 * <p>Processes call it from an asynchronous service task (see {@link ProcessMails}), so that sending
 * runs in its own job after the business step has committed: a failing SMTP server fails the job, which the
 * engine retries on the schedule {@code camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle}
 * and turns into an incident visible in Cockpit when the retries are exhausted; the person's completed task
 * stands. Once the SMTP server has accepted a mail, the event is written in {@code notification_delivery}
 * in a transaction of its own: if the job then fails (database down, later step failing), its retry finds
 * the event there and does not send it again. The Message-ID is derived from the event, so that a mail
 * client would also merge a copy. SMTP timeouts ({@code spring.mail.properties.mail.smtp.*timeout}) are
 * well below the job lock time, so that no second job executor can pick up a job whose mail is still in
 * flight.
 */
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final JavaMailSenderImpl mailSender;
  private final MailRenderer renderer;
  private final DeliveryLog deliveryLog;
  private final TransactionTemplate ownTransaction;
  private final String from;

  NotificationService(
      JavaMailSenderImpl mailSender,
      MailRenderer renderer,
      DeliveryLog deliveryLog,
      PlatformTransactionManager transactionManager,
      @Value("${tna.mail.from}") String from) {
    this.mailSender = mailSender;
    this.renderer = renderer;
    this.deliveryLog = deliveryLog;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  /**
   * Sends the notification unless the same event was already sent.
   *
   * @param eventKey identifies the event; the same key never produces a second mail
   * @throws org.springframework.mail.MailException when the SMTP server refuses or cannot be reached
   */
  public void send(String eventKey, Mail mail) {
    send(eventKey, () -> mail);
  }

  /**
   * Same, for a mail whose content is made only when it is really sent (e.g. one that carries a fresh
   * one-time link): the supplier is not called when the event was already sent.
   */
  public void send(String eventKey, Supplier<Mail> content) {
    if (deliveryLog.wasSent(eventKey)) {
      LOG.info("Notification {} déjà envoyée : pas de second envoi.", eventKey);
      return;
    }
    Mail mail = content.get();
    MailRenderer.Rendered rendered = renderer.render(mail);
    if (mail.recipients().isEmpty()) {
      // Becomes the Cockpit incident's message: staff read it.
      throw new IllegalArgumentException(
          "Aucun destinataire pour le courriel « " + rendered.subject() + " » : vérifiez les adresses des personnes concernées.");
    }
    String messageId = "<" + eventKey.replaceAll("[^A-Za-z0-9._-]", "-") + "@reseau-tna.manche.fr>";
    MimeMessage message = compose(mail, rendered, messageId);
    mailSender.send(message);
    ownTransaction.executeWithoutResult(
        status -> deliveryLog.recordSent(eventKey, mail, rendered, messageId, OffsetDateTime.now()));
    LOG.info("Notification {} envoyée à {} : {}", eventKey, Logs.safe(String.valueOf(mail.recipients())),
        Logs.safe(rendered.subject()));
  }

  private MimeMessage compose(Mail mail, MailRenderer.Rendered rendered, String messageId) {
    try {
      MimeMessage message = new FixedIdMimeMessage(mailSender.getSession(), messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.recipients().toArray(String[]::new));
      helper.setSubject(rendered.subject());
      helper.setText(rendered.text(), rendered.html());
      if (rendered.invitation() != null) {
        helper.addAttachment(
            "invitation.ics",
            new ByteArrayResource(IcsWriter.write(rendered.invitation(), senderAddress(), mail.recipients())),
            "text/calendar; charset=UTF-8; method=REQUEST");
      }
      for (Mail.Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      }
      return message;
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot compose " + rendered.subject(), e);
    }
  }

  private String senderAddress() {
    try {
      return new InternetAddress(from).getAddress();
    } catch (AddressException e) {
      throw new IllegalStateException("tna.mail.from is not an address: " + from, e);
    }
  }

  /** A message whose Message-ID is the one derived from the event, not a random one. */
  private static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
