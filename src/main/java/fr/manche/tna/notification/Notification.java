package fr.manche.tna.notification;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to send: rendered from the French templates {@code templates/mail/<template>.html} and
 * {@code .txt}. Every mail names the organisation concerned and the subject of the request, and links to
 * the Tasklist page where the reader acts or follows up; the common layout prints all three.
 *
 * @param template the template's name, e.g. {@code convention-application-accepted}
 * @param recipients e-mail addresses, at least one
 * @param subject the mail's subject line
 * @param organisationName the member organisation the mail is about
 * @param requestSubject what the request is about, e.g. "Demande de convention de coopération"
 * @param link absolute address of the page to open
 * @param model further values the template shows
 * @param invitation an appointment to attach as an iCalendar invitation, or {@code null}
 * @param attachments documents attached as they are (e.g. the convention's PDF)
 */
public record Notification(
    String template,
    List<String> recipients,
    String subject,
    String organisationName,
    String requestSubject,
    String link,
    Map<String, Object> model,
    CalendarInvitation invitation,
    List<Attachment> attachments) {

  /** A file attached to the mail. */
  public record Attachment(String fileName, String contentType, byte[] content) {}

  public Notification(
      String template,
      List<String> recipients,
      String subject,
      String organisationName,
      String requestSubject,
      String link,
      Map<String, Object> model,
      CalendarInvitation invitation) {
    this(template, recipients, subject, organisationName, requestSubject, link, model, invitation, List.of());
  }

  /** The same notification with one more attached file. */
  public Notification with(Attachment attachment) {
    List<Attachment> all = new java.util.ArrayList<>(attachments);
    all.add(attachment);
    return new Notification(template, recipients, subject, organisationName, requestSubject, link, model, invitation, all);
  }

  public Notification {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(organisationName, "organisationName");
    Objects.requireNonNull(requestSubject, "requestSubject");
    Objects.requireNonNull(link, "link");
    recipients = recipients.stream().distinct().toList();
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    if (recipients.isEmpty()) {
      // Becomes the Cockpit incident's message: staff read it.
      throw new IllegalArgumentException(
          "Aucun destinataire pour le courriel « " + subject + " » : vérifiez les adresses des personnes concernées.");
    }
    // Values may be null (an optional reason): Map.copyOf would refuse them.
    model = model == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(model));
  }
}
