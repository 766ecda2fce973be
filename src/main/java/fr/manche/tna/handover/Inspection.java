package fr.manche.tna.handover;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The condition inspection (état des lieux) recorded at a handover (R13): each item's condition, its kit's missing
 * accessories and notes; who was there for the member, and how they acknowledged it.
 */
public record Inspection(
    long id,
    long bookingId,
    long loanRequestId,
    HandoverKind kind,
    String recordedBy,
    OffsetDateTime recordedAt,
    String representative,
    boolean acknowledgedOnSite,
    String acknowledgedBy,
    OffsetDateTime acknowledgedAt,
    String memberRemarks,
    String notes,
    List<ItemRecord> items) {

  /** One item as found: its condition, the accessories of its kit missing, notes. */
  public record ItemRecord(long itemId, String inventoryNumber, String typeName, Condition condition,
      List<String> missingAccessories, String notes) {

    /** « INV-011 (Drone) ». */
    public String named() {
      return inventoryNumber + " (" + typeName + ")";
    }
  }

  /** Whether the member acknowledged it, on the spot or in Tasklist. */
  public boolean acknowledged() {
    return acknowledgedOnSite || acknowledgedAt != null;
  }

  public java.util.Optional<ItemRecord> item(long itemId) {
    return items.stream().filter(record -> record.itemId() == itemId).findFirst();
  }
}
