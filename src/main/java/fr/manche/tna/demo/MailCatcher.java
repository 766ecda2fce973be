package fr.manche.tna.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo run's mail server: a real SMTP server (GreenMail) in the same process, which keeps every mail it
 * receives in memory so that {@link MailCatcherController} can show them. It starts before the engine's job
 * executor sends anything and stops after it.
 */
@Component
@Profile("demo")
public class MailCatcher implements SmartLifecycle {

  private final GreenMail server;
  private volatile boolean running;
  /** Mails by Message-ID, in the order first seen. */
  private final java.util.LinkedHashMap<String, MimeMessage> seen = new java.util.LinkedHashMap<>();

  MailCatcher(@Value("${tna.demo.mail-catcher.smtp-port}") int smtpPort) {
    this.server =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /**
   * Every mail received since start-up, newest first, once each (GreenMail keeps one copy per recipient's
   * mailbox and lists mailbox by mailbox). The order is the order in which this catcher first saw them, so
   * a mail keeps its number in the mail view while new ones arrive.
   */
  public synchronized List<MimeMessage> received() {
    List<MimeMessage> arrived = new ArrayList<>(List.of(server.getReceivedMessages()));
    arrived.sort(Comparator.comparing(MailCatcher::sentDate).thenComparing(MailCatcher::messageId));
    for (MimeMessage message : arrived) {
      seen.putIfAbsent(messageId(message), message);
    }
    List<MimeMessage> messages = new ArrayList<>(seen.values());
    Collections.reverse(messages);
    return messages;
  }

  private static java.util.Date sentDate(MimeMessage message) {
    try {
      java.util.Date sent = message.getSentDate();
      return sent == null ? new java.util.Date(0) : sent;
    } catch (jakarta.mail.MessagingException e) {
      return new java.util.Date(0);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      String id = message.getMessageID();
      return id == null ? String.valueOf(System.identityHashCode(message)) : id;
    } catch (jakarta.mail.MessagingException e) {
      return String.valueOf(System.identityHashCode(message));
    }
  }

  @Override
  public void start() {
    server.start();
    running = true;
  }

  @Override
  public void stop() {
    server.stop();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Earlier than the web server and the job executor: up first, down last.
    return Integer.MIN_VALUE + 100;
  }
}
