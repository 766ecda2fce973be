package fr.manche.tna.inventory;

import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalDate;

/** Periods told in French: « du 3 au 9 mars 2027 », « du 28 février au 2 mars 2027 », « le 3 mars 2027 ». */
public final class Periods {

  private Periods() {}

  public static String french(LocalDate first, LocalDate last) {
    if (first.equals(last)) {
      return "le " + ParisTime.formatDate(first);
    }
    String from = ParisTime.formatDate(first);
    String to = ParisTime.formatDate(last);
    if (first.getYear() == last.getYear()) {
      String tail = first.getMonth() == last.getMonth() ? to.substring(to.indexOf(' ')) : " " + last.getYear();
      if (from.endsWith(tail)) {
        from = from.substring(0, from.length() - tail.length());
      }
    }
    return "du " + from + " au " + to;
  }
}
