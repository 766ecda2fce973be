package fr.manche.tna.notification;

import java.lang.reflect.RecordComponent;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to send: its template, its recipients and the facts it tells. Every word people read is in the
 * template {@code templates/mail/<template>.html} (subject, organisation, what it is about, the paragraphs,
 * the button); the Java side only says to whom and about which record:
 *
 * <pre>{@code
 * Mail.of("amendment-refused").to(organisation.contactEmail()).with(facts)
 * }</pre>
 *
 * <p>Immutable: each method returns a new mail.
 */
public final class Mail {

  /**
   * When an appointment is; what and where, the template says.
   *
   * @param sequence its version: each change of the same appointment (same {@code uid}) sends a higher one
   * @param cancelled whether this mail cancels it in the calendar (iCalendar {@code METHOD:CANCEL})
   */
  public record Appointment(String uid, int sequence, boolean cancelled, ZonedDateTime start, ZonedDateTime end) {
    public Appointment {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (sequence < 0) {
        throw new IllegalArgumentException("An appointment's sequence starts at 0");
      }
    }
  }

  /** A file attached to the mail as it is (e.g. a signed PDF). */
  public record Attachment(String fileName, String contentType, byte[] content) {
    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }

    /** A PDF document. */
    public static Attachment pdf(String fileName, byte[] content) {
      return new Attachment(fileName, "application/pdf", content);
    }
  }

  private final String template;
  private final List<String> recipients;
  private final Map<String, Object> facts;
  private final Appointment invitation;
  private final List<Attachment> attachments;

  private Mail(
      String template, List<String> recipients, Map<String, Object> facts, Appointment invitation,
      List<Attachment> attachments) {
    this.template = template;
    this.recipients = recipients;
    this.facts = facts;
    this.invitation = invitation;
    this.attachments = attachments;
  }

  /** @param template the template's name, e.g. {@code amendment-late} for {@code templates/mail/amendment-late.html} */
  public static Mail of(String template) {
    Objects.requireNonNull(template, "template");
    return new Mail(template, List.of(), Map.of(), null, List.of());
  }

  /** Adds recipients (e-mail addresses); a mail goes once to each address, however often it is named. */
  public Mail to(Collection<String> addresses) {
    LinkedHashSet<String> all = new LinkedHashSet<>(recipients);
    addresses.stream().filter(Objects::nonNull).map(String::trim).filter(address -> !address.isEmpty()).forEach(all::add);
    return new Mail(template, List.copyOf(all), facts, invitation, attachments);
  }

  public Mail to(String... addresses) {
    return to(java.util.Arrays.asList(addresses));
  }

  /** A fact the template shows, as {@code ${name}}; a null value is allowed (an optional reason). */
  public Mail with(String name, Object value) {
    Map<String, Object> all = new LinkedHashMap<>(facts);
    all.put(name, value);
    return new Mail(template, recipients, Collections.unmodifiableMap(all), invitation, attachments);
  }

  /** Each component of the record becomes a fact of its name: {@code with(new Facts(amendment, ...))} gives {@code ${amendment}}. */
  public Mail with(Record record) {
    Mail mail = this;
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        component.getAccessor().setAccessible(true);
        mail = mail.with(component.getName(), component.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
      }
    }
    return mail;
  }

  /**
   * An appointment attached as an iCalendar invitation ({@code invitation.ics}, Europe/Paris time); what and
   * where it is, the template says: {@code <meta name="rendez-vous">}, {@code "rendez-vous-details"},
   * {@code "rendez-vous-lieu"}.
   *
   * @param uid stable identifier: sending the same appointment again updates it in the calendar
   */
  public Mail appointment(String uid, ZonedDateTime start, ZonedDateTime end) {
    return appointment(uid, 0, start, end);
  }

  /**
   * The same appointment changed (moved): same {@code uid}, a higher {@code sequence} than the last one sent, so that
   * the calendar updates its event instead of adding a second one.
   */
  public Mail appointment(String uid, int sequence, ZonedDateTime start, ZonedDateTime end) {
    return new Mail(template, recipients, facts, new Appointment(uid, sequence, false, start, end), attachments);
  }

  /** The appointment cancelled: the calendar removes its event ({@code METHOD:CANCEL}, same uid, higher sequence). */
  public Mail appointmentCancelled(String uid, int sequence, ZonedDateTime start, ZonedDateTime end) {
    return new Mail(template, recipients, facts, new Appointment(uid, sequence, true, start, end), attachments);
  }

  public Mail attach(Attachment attachment) {
    List<Attachment> all = new ArrayList<>(attachments);
    all.add(attachment);
    return new Mail(template, recipients, facts, invitation, List.copyOf(all));
  }

  public String template() {
    return template;
  }

  public List<String> recipients() {
    return recipients;
  }

  public Map<String, Object> facts() {
    return facts;
  }

  public Appointment appointment() {
    return invitation;
  }

  public List<Attachment> attachments() {
    return attachments;
  }
}
