package fr.manche.tna.handover;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The French public holidays (jours fériés) of a year, computed, never typed: the eight fixed days, and Easter
 * Monday, Ascension and Whit Monday from Easter Sunday (R12: no handover on those days). Alsace-Moselle's two extra
 * days do not apply in the Manche.
 */
public final class PublicHolidays {

  private PublicHolidays() {}

  /** The holidays of the year, by day, with their French names. */
  public static Map<LocalDate, String> of(int year) {
    Map<LocalDate, String> days = new TreeMap<>();
    days.put(LocalDate.of(year, Month.JANUARY, 1), "le jour de l'An");
    LocalDate easter = easterSunday(year);
    days.put(easter.plusDays(1), "le lundi de Pâques");
    days.put(LocalDate.of(year, Month.MAY, 1), "la fête du Travail");
    days.put(LocalDate.of(year, Month.MAY, 8), "la Victoire de 1945");
    days.put(easter.plusDays(39), "l'Ascension");
    days.put(easter.plusDays(50), "le lundi de Pentecôte");
    days.put(LocalDate.of(year, Month.JULY, 14), "la fête nationale");
    days.put(LocalDate.of(year, Month.AUGUST, 15), "l'Assomption");
    days.put(LocalDate.of(year, Month.NOVEMBER, 1), "la Toussaint");
    days.put(LocalDate.of(year, Month.NOVEMBER, 11), "l'Armistice de 1918");
    days.put(LocalDate.of(year, Month.DECEMBER, 25), "Noël");
    return days;
  }

  /** The holiday's French name when the day is one (« le lundi de Pâques »). */
  public static Optional<String> on(LocalDate day) {
    return Optional.ofNullable(of(day.getYear()).get(day));
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous algorithm, « Meeus/Jones/Butcher »). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
