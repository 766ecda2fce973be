package fr.manche.tna.notification;

import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Dates in mails, the French way and in Paris time ({@link ParisTime}): a template writes
 * {@code ${paris.date(convention.lastDay)}} ("1er mars 2027") or {@code ${paris.dateTime(meeting)}}
 * ("lundi 1er mars 2027 à 10h15").
 */
public final class MailFormats {

  static final MailFormats INSTANCE = new MailFormats();

  private MailFormats() {}

  public String date(LocalDate date) {
    return date == null ? "" : ParisTime.formatDate(date);
  }

  /** The day, in Paris, of an instant. */
  public String date(OffsetDateTime instant) {
    return instant == null ? "" : ParisTime.formatDate(instant.atZoneSameInstant(ParisTime.ZONE).toLocalDate());
  }

  public String dateTime(ZonedDateTime dateTime) {
    return dateTime == null ? "" : ParisTime.formatDateTime(dateTime);
  }

  public String dateTime(OffsetDateTime instant) {
    return instant == null ? "" : ParisTime.formatDateTime(instant.atZoneSameInstant(ParisTime.ZONE));
  }
}
