package fr.manche.tna.inventory;

/** The fields of an item, with their French labels: the form's labels and the CSV file's header. */
public enum ItemField {
  INVENTORY_NUMBER("Numéro d'inventaire"),
  SERIAL_NUMBER("Numéro de série"),
  TYPE("Type"),
  ACCESSORIES("Accessoires"),
  STATUS("Statut"),
  NOTES("Notes");

  private final String label;

  ItemField(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
