package fr.manche.tna.loan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The loans' own rules on periods (R10). */
public final class LoanRules {

  /** R10: the longest loan the equipment managers approve, in days (both ends counted). */
  public static final int MAX_ORDINARY_DAYS = 30;

  private LoanRules() {}

  /** Whether the period, both ends counted, is beyond {@value #MAX_ORDINARY_DAYS} days: 30 days is within, 31 beyond. */
  public static boolean isLong(LocalDate first, LocalDate last) {
    return ChronoUnit.DAYS.between(first, last) + 1 > MAX_ORDINARY_DAYS;
  }
}
