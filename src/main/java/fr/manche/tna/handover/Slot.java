package fr.manche.tna.handover;

import fr.manche.tna.platform.time.ParisTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A handover slot at the Maison du Département: its start and end, Europe/Paris wall-clock times. */
public record Slot(ZonedDateTime start, ZonedDateTime end) {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm", Locale.FRENCH);

  /** « le lundi 29 mars 2027 de 9h00 à 9h30 ». */
  public String french() {
    return "le " + start.toLocalDate().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.FRENCH) + " "
        + ParisTime.formatDate(start.toLocalDate()) + " de " + start.format(HOUR) + " à " + end.format(HOUR);
  }
}
