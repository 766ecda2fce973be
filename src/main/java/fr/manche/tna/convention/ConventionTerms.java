package fr.manche.tna.convention;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The dates the cooperation convention sets (articles 5, 8 and 9), computed in one place, on Paris dates.
 *
 * <ul>
 *   <li>R02: the convention takes effect on the date of the last signature and lasts three years: it is in
 *       force from that day through the day before its third anniversary. Signed on 29 February, whose
 *       anniversary does not exist three years later, it is in force through 28 February.
 *   <li>R05: an amendment request must reach the département no later than three months before the last
 *       day in force (same day of the month; the month's last day when that day does not exist).
 *   <li>R06: unless it names a later date, an amendment takes effect on the first day of the month after
 *       its last signature.
 *   <li>R07: thirty days after the formal notice is acknowledged, the convention may be terminated: from
 *       the start (Paris time) of the thirtieth day after the acknowledgement.
 *   <li>Reminders of the end go to both parties six and four months before the last day in force, at 9:00.
 * </ul>
 */
public final class ConventionTerms {

  public static final int YEARS = 3;
  public static final int AMENDMENT_NOTICE_MONTHS = 3;
  public static final int FORMAL_NOTICE_DAYS = 30;
  public static final List<Integer> REMINDER_MONTHS_BEFORE_END = List.of(6, 4);
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private ConventionTerms() {}

  /** R02: the date of the last signature. */
  public static LocalDate effectiveDate(LocalDate... signatures) {
    return Arrays.stream(signatures).max(LocalDate::compareTo).orElseThrow(() -> new IllegalArgumentException("No signature"));
  }

  /** R02: the last day the convention is in force. */
  public static LocalDate lastDayInForce(LocalDate effectiveDate) {
    LocalDate anniversary = effectiveDate.plusYears(YEARS);
    boolean anniversaryMissing = MonthDay.from(effectiveDate).equals(MonthDay.of(Month.FEBRUARY, 29))
        && !anniversary.isLeapYear();
    // LocalDate.plusYears turns a missing 29 February into 28 February: then that day is the last one.
    return anniversaryMissing ? anniversary : anniversary.minusDays(1);
  }

  /** R02: whether the convention is in force on the given day. */
  public static boolean inForce(LocalDate effectiveDate, LocalDate day) {
    return !day.isBefore(effectiveDate) && !day.isAfter(lastDayInForce(effectiveDate));
  }

  /** R05: the last day an amendment request may be received. */
  public static LocalDate amendmentRequestDeadline(LocalDate lastDayInForce) {
    return lastDayInForce.minusMonths(AMENDMENT_NOTICE_MONTHS);
  }

  /**
   * R05: checks that an amendment request received on that day is in time.
   *
   * @throws InvalidInputException in French when it is too late: the deadline and the convention's end (the
   *     mail that tells the refusal says what happens next)
   */
  public static void checkAmendmentRequestInTime(LocalDate receivedOn, LocalDate lastDayInForce) {
    LocalDate deadline = amendmentRequestDeadline(lastDayInForce);
    if (receivedOn.isAfter(deadline)) {
      throw new InvalidInputException(
          "Une demande d'avenant doit parvenir au Département au moins trois mois avant la fin de la convention "
              + "(article 9) : la convention s'achève le " + ParisTime.formatDate(lastDayInForce)
              + ", la demande devait arriver au plus tard le " + ParisTime.formatDate(deadline) + ".");
    }
  }

  /** R06: the first day of the month after the last signature, or the later date the amendment names. */
  public static LocalDate amendmentEffectiveDate(LocalDate lastSignature, LocalDate namedDate) {
    LocalDate firstOfNextMonth = lastSignature.withDayOfMonth(1).plusMonths(1);
    return namedDate != null && namedDate.isAfter(firstOfNextMonth) ? namedDate : firstOfNextMonth;
  }

  /** R07: from when the convention may be terminated, the notice being acknowledged on that day. */
  public static ZonedDateTime terminationPossibleFrom(LocalDate acknowledgedOn) {
    return acknowledgedOn.plusDays(FORMAL_NOTICE_DAYS).atStartOfDay(ParisTime.ZONE);
  }

  /** R02: when the convention has reached its end: the day after its last day in force, at midnight in Paris. */
  public static ZonedDateTime endsAt(LocalDate lastDayInForce) {
    return lastDayInForce.plusDays(1).atStartOfDay(ParisTime.ZONE);
  }

  /** When both parties are reminded of the end: six, then four months before the last day in force. */
  public static List<ZonedDateTime> endReminders(LocalDate lastDayInForce) {
    return REMINDER_MONTHS_BEFORE_END.stream()
        .map(months -> lastDayInForce.minusMonths(months).atTime(REMINDER_TIME).atZone(ParisTime.ZONE))
        .toList();
  }
}
