package fr.manche.tna.demo;

import fr.manche.tna.platform.time.ParisTime;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The demo's mail view: {@code /courriels} lists the mails received by the mail catcher, newest first. */
@Controller
@Profile("demo")
class MailCatcherController {

  /** What the pages show of a mail. */
  record MailView(
      int number,
      String from,
      String to,
      String subject,
      String sentAt,
      String text,
      String html,
      List<String> attachments) {}

  private final MailCatcher catcher;

  MailCatcherController(MailCatcher catcher) {
    this.catcher = catcher;
  }

  @GetMapping("/courriels")
  String list(Model model) throws MessagingException, IOException {
    List<MimeMessage> messages = catcher.received();
    List<MailView> mails = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      mails.add(view(messages.size() - i, messages.get(i)));
    }
    model.addAttribute("mails", mails);
    return "demo/courriels";
  }

  @GetMapping("/courriels/{number}")
  String show(@PathVariable int number, Model model) throws MessagingException, IOException {
    model.addAttribute("mail", view(number, message(number)));
    return "demo/courriel";
  }

  /** The HTML part alone, shown in a frame of the mail page. */
  @GetMapping(value = "/courriels/{number}/html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  @ResponseBody
  String html(@PathVariable int number) throws MessagingException, IOException {
    return view(number, message(number)).html();
  }

  @GetMapping("/courriels/{number}/pieces/{name}")
  ResponseEntity<byte[]> attachment(@PathVariable int number, @PathVariable String name)
      throws MessagingException, IOException {
    Part part = findAttachment(message(number), name);
    if (part == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Pièce jointe introuvable");
    }
    try (InputStream in = part.getInputStream()) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
          .contentType(MediaType.parseMediaType(part.getContentType().split(";")[0].trim()))
          .body(in.readAllBytes());
    }
  }

  private MimeMessage message(int number) {
    List<MimeMessage> messages = catcher.received();
    int index = messages.size() - number;
    if (number < 1 || index < 0) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Courriel introuvable");
    }
    return messages.get(index);
  }

  private static MailView view(int number, MimeMessage message) throws MessagingException, IOException {
    Parts parts = new Parts();
    parts.collect(message);
    return new MailView(
        number,
        readable(message.getFrom()),
        readable(message.getAllRecipients()),
        message.getSubject(),
        message.getSentDate() == null
            ? ""
            : ParisTime.formatDateTime(message.getSentDate().toInstant().atZone(ParisTime.ZONE)),
        parts.text,
        parts.html,
        parts.attachments);
  }

  /** Addresses as a person reads them ("Réseau …" rather than "=?UTF-8?Q?R=C3=A9seau…"). */
  private static String readable(Address[] addresses) {
    return Arrays.stream(addresses)
        .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
        .collect(Collectors.joining(", "));
  }

  private static Part findAttachment(Part part, String name) throws MessagingException, IOException {
    if (name.equals(part.getFileName())) {
      return part;
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        Part found = findAttachment(multipart.getBodyPart(i), name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Walks a MIME tree and keeps its text part, HTML part and attachment names. */
  private static final class Parts {
    String text = "";
    String html = "";
    final List<String> attachments = new ArrayList<>();

    void collect(Part part) throws MessagingException, IOException {
      if (part.getFileName() != null) {
        attachments.add(part.getFileName());
      } else if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      } else if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      }
    }
  }
}
