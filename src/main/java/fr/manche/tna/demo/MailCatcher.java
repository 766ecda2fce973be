package fr.manche.tna.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
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

  MailCatcher(@Value("${tna.demo.mail-catcher.smtp-port}") int smtpPort) {
    this.server =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  /** Every mail received since start-up, newest first. */
  public List<MimeMessage> received() {
    List<MimeMessage> messages = new ArrayList<>(List.of(server.getReceivedMessages()));
    Collections.reverse(messages);
    return messages;
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
