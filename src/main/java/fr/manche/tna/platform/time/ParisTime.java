package fr.manche.tna.platform.time;

import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one place where dates and times are read from forms and told to people.
 *
 * <p>Camunda Forms submit dates and times as strings: {@code 2025-12-24} from a date picker or
 * {@code 24/12/2025} typed in a text field (French order, day first), for a date;
 * {@code 2025-12-01T10:15} (no zone), {@code 2025-12-01T10:15+01:00} or {@code 2025-12-01T09:15Z} for a date
 * and time. A value without zone is a wall-clock time in Europe/Paris. "Now" is the engine's clock
 * ({@link ClockUtil}), so that tests that move the engine's clock move the business rules too.
 */
public final class ParisTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** How French people type a date: 31/12/2026. */
  private static final DateTimeFormatter TYPED_DATE_FR = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm");
  /** French writes the first day of a month "1er" (premier), the others as plain numbers: "1er mars", "2 mars". */
  private static final Map<Long, String> DAY_OF_MONTH_FR =
      LongStream.rangeClosed(1, 31).boxed().collect(Collectors.toMap(day -> day, day -> day == 1 ? "1er" : Long.toString(day)));
  private static final DateTimeFormatter DATE_FR = new DateTimeFormatterBuilder()
      .appendText(ChronoField.DAY_OF_MONTH, DAY_OF_MONTH_FR)
      .appendPattern(" MMMM uuuu")
      .toFormatter(Locale.FRANCE);
  private static final DateTimeFormatter DATE_TIME_FR = new DateTimeFormatterBuilder()
      .appendPattern("EEEE ")
      .append(DATE_FR)
      .appendPattern(" 'à' HH'h'mm")
      .toFormatter(Locale.FRANCE);

  private ParisTime() {}

  /** The current instant in Paris, as the engine sees it. */
  public static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
  }

  /** Today's date in Paris, as the engine sees it. */
  public static LocalDate today() {
    return now().toLocalDate();
  }

  /**
   * Reads a date submitted by a form.
   *
   * @param value the submitted string, e.g. {@code 2026-02-28}; a date and time is cut to its Paris date
   * @param fieldLabel the label of the field, as the person saw it, for the error message
   * @throws InvalidInputException in French when the value is missing or not a date
   */
  public static LocalDate parseDate(String value, String fieldLabel) {
    String text = Inputs.required(value, fieldLabel);
    try {
      if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        String[] parts = text.split("/");
        return LocalDate.parse(String.format("%02d/%02d/%s", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]),
            TYPED_DATE_FR);
      }
      if (text.length() <= 10) {
        return LocalDate.parse(text);
      }
      return parseDateTime(text, fieldLabel).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "Le champ « " + fieldLabel + " » doit contenir une date qui existe, écrite jour/mois/année (JJ/MM/AAAA) : « "
              + text + " » n'en est pas une.");
    }
  }

  /**
   * Reads a date and time submitted by a form. Without a zone the value is a Paris wall-clock time; a
   * wall-clock time that does not exist in Paris (the hour skipped when clocks go forward in March) is
   * refused rather than silently moved.
   *
   * @throws InvalidInputException in French when the value is missing, malformed or does not exist in Paris
   */
  public static ZonedDateTime parseDateTime(String value, String fieldLabel) {
    String text = Inputs.required(value, fieldLabel);
    try {
      if (hasZone(text)) {
        return OffsetDateTime.parse(normaliseOffset(text)).atZoneSameInstant(ZONE);
      }
      return atParis(LocalDateTime.parse(text), fieldLabel);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "Le champ « " + fieldLabel + " » doit contenir une date et une heure valides : « " + text
              + " » n'en est pas une.");
    }
  }

  /**
   * Reads a date and a time typed in two fields ({@code 30/03/2026} and {@code 10:15} or {@code 10h15}), a
   * Paris wall-clock time. Both blank gives {@code null}.
   *
   * @throws InvalidInputException in French when only one is given, either is malformed, or the time does
   *     not exist in Paris
   */
  public static ZonedDateTime parseOptionalDateAndTime(String date, String time, String dateLabel, String timeLabel) {
    if (Inputs.optional(date) == null && Inputs.optional(time) == null) {
      return null;
    }
    LocalDate day = parseDate(date, dateLabel);
    String typed = Inputs.required(time, timeLabel).replace('h', ':').replace('H', ':');
    try {
      LocalTime clock = LocalTime.parse(typed.endsWith(":") ? typed + "00" : typed, TYPED_TIME);
      return atParis(LocalDateTime.of(day, clock), timeLabel);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "Le champ « " + timeLabel + " » doit contenir une heure (par exemple 14:30) : « " + time.trim() + " » n'en est pas une.");
    }
  }

  /** A Paris wall-clock time; one that does not exist (skipped in March) is refused. */
  private static ZonedDateTime atParis(LocalDateTime local, String fieldLabel) {
    ZonedDateTime zoned = ZonedDateTime.ofLocal(local, ZONE, null);
    if (!zoned.toLocalDateTime().equals(local)) {
      throw new InvalidInputException(
          "L'heure indiquée dans le champ « " + fieldLabel + " » ("
              + local.toLocalTime() + " le " + local.toLocalDate().format(DATE_FR)
              + ") n'existe pas en France : c'est l'heure sautée lors du passage à l'heure d'été. "
              + "Choisissez une autre heure.");
    }
    return zoned;
  }

  /** "28 février 2026", "1er mars 2026": every date told to people (mails, PDFs, pages) goes through here. */
  public static String formatDate(LocalDate date) {
    return date.format(DATE_FR);
  }

  /** "lundi 1er décembre 2025 à 10h15", in Paris time. */
  public static String formatDateTime(ZonedDateTime dateTime) {
    return dateTime.withZoneSameInstant(ZONE).format(DATE_TIME_FR);
  }

  private static boolean hasZone(String text) {
    int timeStart = text.indexOf('T');
    if (timeStart < 0) {
      return false;
    }
    String time = text.substring(timeStart);
    return time.endsWith("Z") || time.contains("+") || time.contains("-");
  }

  /** form-js writes offsets as {@code +01:00}; tolerate {@code +0100} too. */
  private static String normaliseOffset(String text) {
    if (text.matches(".*[+-]\\d{4}$")) {
      int cut = text.length() - 2;
      return text.substring(0, cut) + ":" + text.substring(cut);
    }
    return text;
  }
}
