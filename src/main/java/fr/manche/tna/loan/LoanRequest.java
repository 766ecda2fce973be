package fr.manche.tna.loan;

import fr.manche.tna.inventory.Periods;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A member's loan request (R09: the planned activities, the expected audience, the wished period, first and last
 * day both counted) and its decision (R10).
 */
public record LoanRequest(
    long id,
    long organisationId,
    String processInstanceId,
    String requestedBy,
    String activities,
    String expectedAudience,
    LocalDate firstDay,
    LocalDate lastDay,
    String longerNeedReason,
    List<RequestedItem> items,
    LoanRequestStatus status,
    String decisionReason,
    String decidedBy,
    java.time.OffsetDateTime decidedAt,
    String proposal,
    LocalDate returnedOn,
    java.time.OffsetDateTime pickedUpAt) {

  /** An item asked for; its reservation once the request is approved. */
  public record RequestedItem(long itemId, String inventoryNumber, String typeName, Long reservationId) {
    /** « INV-004 (Casque de réalité virtuelle) ». */
    public String named() {
      return inventoryNumber + " (" + typeName + ")";
    }
  }

  /** How many days the loan lasts, both ends counted. */
  public long days() {
    return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
  }

  /** « 1 jour », « 7 jours ». */
  public String daysLabel() {
    return days() == 1 ? "1 jour" : days() + " jours";
  }

  /** R10: beyond 30 days the département examines the request itself. */
  public boolean longLoan() {
    return LoanRules.isLong(firstDay, lastDay);
  }

  /** « du 3 au 9 mars 2027 ». */
  public String period() {
    return Periods.french(firstDay, lastDay);
  }

  /** Whether the first day has come (the loan is in progress once approved). */
  public boolean hasBegun(LocalDate today) {
    return !today.isBefore(firstDay);
  }

  /** Whether the member may still cancel: not decided yet, or approved, not begun and not picked up (R08). */
  public boolean cancellable(LocalDate today) {
    return status.pending() || (status == LoanRequestStatus.APPROUVEE && !hasBegun(today) && pickedUpAt == null);
  }

  /** Whether the equipment was handed to the member (the pickup handover done, issue 11). */
  public boolean pickedUp() {
    return pickedUpAt != null;
  }

  /** Whether the member may ask for a later last day: an approved loan not past its last day. */
  public boolean extensible(LocalDate today) {
    return status == LoanRequestStatus.APPROUVEE && !today.isAfter(lastDay);
  }

  /** « INV-004 (Casque de réalité virtuelle), INV-007 (Drone) ». */
  public String itemsNamed() {
    return items.stream().map(RequestedItem::named).collect(Collectors.joining(", "));
  }
}
