package fr.manche.tna.loan;

import fr.manche.tna.platform.time.ParisTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The loans' own rules on periods (R10). */
public final class LoanRules {

  /** R10: the longest loan the equipment managers approve, in days (both ends counted). */
  public static final int MAX_ORDINARY_DAYS = 30;

  /** The reminders' hour, Europe/Paris. */
  static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  /** How many days after the last day an equipment manager follows a late return up. */
  public static final int FOLLOW_UP_DAYS = 4;

  private LoanRules() {}

  /** Two days before the first day, 9 a.m. in Paris: the member is reminded that the loan begins. */
  public static Instant firstDayReminderAt(LocalDate firstDay) {
    return at(firstDay.minusDays(2));
  }

  /** The day before the last day, 9 a.m. in Paris: the member is reminded to bring the equipment back. */
  public static Instant lastDayReminderAt(LocalDate lastDay) {
    return at(lastDay.minusDays(1));
  }

  /** The day after the last day, 9 a.m. in Paris: the equipment is late, the member is reminded. */
  public static Instant overdueReminderAt(LocalDate lastDay) {
    return at(lastDay.plusDays(1));
  }

  /** {@value #FOLLOW_UP_DAYS} days after the last day, 9 a.m. in Paris: an equipment manager follows up. */
  public static Instant followUpAt(LocalDate lastDay) {
    return at(lastDay.plusDays(FOLLOW_UP_DAYS));
  }

  private static Instant at(LocalDate day) {
    return day.atTime(REMINDER_TIME).atZone(ParisTime.ZONE).toInstant();
  }

  /** Whether the period, both ends counted, is beyond {@value #MAX_ORDINARY_DAYS} days: 30 days is within, 31 beyond. */
  public static boolean isLong(LocalDate first, LocalDate last) {
    return ChronoUnit.DAYS.between(first, last) + 1 > MAX_ORDINARY_DAYS;
  }
}
