package fr.manche.tna.inventory;

/**
 * An item as a person submits it, from the catalogue's form or a row of a CSV file: every field as typed, the
 * type by its name, the accessories one per line (or separated by « | » in a CSV cell), the status by its French
 * label. {@link Catalogue} checks it.
 */
public record ItemDraft(
    String inventoryNumber, String serialNumber, String type, String accessories, String status, String notes) {

  public static ItemDraft of(Item item) {
    return new ItemDraft(item.inventoryNumber(), item.serialNumber(), item.typeName(),
        String.join("\n", item.accessories()), item.status().label(), item.notes());
  }
}
