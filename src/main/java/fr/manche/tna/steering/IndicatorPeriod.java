package fr.manche.tna.steering;

import java.time.LocalDate;

/**
 * The period the indicators cover: a calendar year, or one of its half-years (« 1er semestre »: January to June,
 * « 2nd semestre »: July to December), in Paris days.
 *
 * @param half 1 or 2 for a half-year, 0 for the whole year
 */
public record IndicatorPeriod(int year, int half) {

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2100;

  public IndicatorPeriod {
    if (year < FIRST_YEAR || year > LAST_YEAR || half < 0 || half > 2) {
      throw new IllegalArgumentException("No such period: " + year + ", half " + half);
    }
  }

  public static IndicatorPeriod year(int year) {
    return new IndicatorPeriod(year, 0);
  }

  public static IndicatorPeriod half(int year, int half) {
    return new IndicatorPeriod(year, half);
  }

  /** The half-year a day falls in. */
  public static IndicatorPeriod halfOf(LocalDate day) {
    return new IndicatorPeriod(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
  }

  public boolean wholeYear() {
    return half == 0;
  }

  public LocalDate first() {
    return LocalDate.of(year, half == 2 ? 7 : 1, 1);
  }

  public LocalDate last() {
    return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first()) && !day.isAfter(last());
  }

  /** « Année 2031 », « 1er semestre 2031 », « 2nd semestre 2031 ». */
  public String label() {
    return switch (half) {
      case 1 -> "1er semestre " + year;
      case 2 -> "2nd semestre " + year;
      default -> "Année " + year;
    };
  }
}
