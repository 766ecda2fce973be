package fr.manche.tna.inventory;

import java.time.LocalDate;

/** A period an item is free, first and last day both counted: what a member reads instead of a bare refusal. */
public record FreePeriod(long itemId, String inventoryNumber, String typeName, LocalDate first, LocalDate last) {

  /** « Casque de réalité virtuelle n° INV-004 : du 10 au 16 mars 2027 ». */
  public String french() {
    return typeName + " n° " + inventoryNumber + " : " + Periods.french(first, last);
  }
}
