package fr.manche.tna.handover;

import fr.manche.tna.platform.time.ParisTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * A handover appointment of a loan at the Maison du Département (R12). Its id makes the calendar invitation's uid:
 * moved, it keeps its id and its {@code sequence} grows, so that the member's calendar updates the same event.
 */
public record Booking(
    long id,
    long loanRequestId,
    HandoverKind kind,
    String processInstanceId,
    Slot slot,
    BookingStatus status,
    int sequence,
    String bookedBy,
    OffsetDateTime bookedAt,
    OffsetDateTime changedAt,
    OffsetDateTime remindedAt) {

  /** What a booking becomes. */
  public enum BookingStatus {
    RESERVE("réservé"), ANNULE("annulé"), MANQUE("manqué : la structure n'est pas venue"), FAIT("fait");

    private final String label;

    BookingStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The invitation's uid, the same whatever the booking's later moves. */
  public String calendarUid() {
    return "remise-" + id + "@reseau-tna.manche.fr";
  }

  /** Held and to come. */
  public boolean held() {
    return status == BookingStatus.RESERVE;
  }

  /** When it was last booked or moved: a reminder due before that moment is not needed (the confirmation just went). */
  public OffsetDateTime lastSetAt() {
    return changedAt != null ? changedAt : bookedAt;
  }

  /** The member may move or cancel it until the day before (R12: handovers are fixed in advance). */
  public boolean changeableOn(java.time.LocalDate today) {
    return held() && today.isBefore(slot.start().toLocalDate());
  }

  /** The day before at 10:00, Paris time: when the member is reminded of the appointment. */
  public ZonedDateTime reminderAt() {
    return slot.start().toLocalDate().minusDays(1).atTime(10, 0).atZone(ParisTime.ZONE);
  }
}
