package fr.manche.tna.inventory;

import java.util.List;

/**
 * One piece of equipment of the catalogue: its inventory number (unique), serial number, type, the accessories
 * that make up its kit (each checked at every handover), its status and notes.
 */
public record Item(
    long id,
    String inventoryNumber,
    String serialNumber,
    long typeId,
    String typeName,
    ItemStatus status,
    List<String> accessories,
    String notes) {

  /** How a French sentence names the item: « le matériel n° INV-004 (Casque de réalité virtuelle) ». */
  public String named() {
    return "le matériel n° " + inventoryNumber + " (" + typeName + ")";
  }
}
