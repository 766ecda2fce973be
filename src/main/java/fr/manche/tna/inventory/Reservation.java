package fr.manche.tna.inventory;

import java.time.LocalDate;

/**
 * An item held over a period, first and last day both counted (Europe/Paris dates), for a loan, the
 * département's own use or maintenance; {@code reference} says which (a loan's id...). Released, it holds no day.
 */
public record Reservation(
    long id, long itemId, LocalDate first, LocalDate last, ReservationKind kind, String reference, boolean released) {

  /** Number of days, both ends counted. */
  public long days() {
    return last.toEpochDay() - first.toEpochDay() + 1;
  }
}
