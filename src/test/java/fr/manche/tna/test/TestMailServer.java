package fr.manche.tna.test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the tests, on one port for the whole JVM so that a test can stop it
 * (the mail server is down) and start it again (it is back) while the application keeps its settings.
 */
public final class TestMailServer {

  private static final int PORT = freePort();
  private static GreenMail server = start();

  private TestMailServer() {}

  public static int port() {
    return PORT;
  }

  /** The mails in one recipient's mailbox (GreenMail keeps one copy per recipient). */
  public static synchronized List<MimeMessage> inbox(String address) {
    GreenMailUser user = server == null ? null : server.getUserManager().getUserByEmail(address);
    if (user == null) {
      return List.of();
    }
    try {
      return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
          .map(StoredMessage::getMimeMessage)
          .toList();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  public static synchronized void reset() {
    ensureUp();
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail server goes down: connections are refused. */
  public static synchronized void shutDown() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The mail server is back, with an empty mailbox. */
  public static synchronized void ensureUp() {
    if (server == null) {
      server = start();
    }
  }

  private static GreenMail start() {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    return greenMail;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
