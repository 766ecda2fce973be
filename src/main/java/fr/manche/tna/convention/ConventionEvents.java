package fr.manche.tna.convention;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a convention besides its own signature (amendments, renewal, formal notices), for the
 * staff's and the member's convention pages: each area provides a bean, the pages list them by date.
 */
public interface ConventionEvents {

  /**
   * One line of a convention's history.
   *
   * @param date when it happened or takes effect
   * @param label in French, e.g. "Avenant n° 1 « Horaires » : signé, en vigueur le 1er mars 2027"
   * @param documentLink the PDF's address, or null
   * @param upcoming a deadline still to come (shown with the next deadlines)
   */
  record Event(LocalDate date, String label, String documentLink, boolean upcoming) {}

  List<Event> of(Convention convention);
}
