package fr.manche.tna.inventory;

/** Why an item is reserved: every path that reserves names its kind. */
public enum ReservationKind {
  LOAN("prêt"),
  OWN_USE("usage du Département"),
  MAINTENANCE("maintenance");

  private final String label;

  ReservationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
