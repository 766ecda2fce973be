package fr.manche.tna.inventory;

import fr.manche.tna.platform.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where an item stands in the catalogue. Only an available item can be free: one in maintenance or retired never is. */
public enum ItemStatus {
  AVAILABLE("Disponible"),
  IN_MAINTENANCE("En maintenance"),
  RETIRED("Réformé");

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status a person wrote (its French label, or its name as the pages' lists post it), whatever the case. */
  public static ItemStatus fromSubmitted(String value) {
    String wanted = value == null ? "" : value.trim();
    return Arrays.stream(values())
        .filter(status -> status.label.equalsIgnoreCase(wanted) || status.name().equalsIgnoreCase(wanted))
        .findFirst()
        .orElseThrow(() -> new InvalidInputException("Statut « " + wanted + " » inconnu : "
            + Arrays.stream(values()).map(ItemStatus::label).collect(Collectors.joining(", ", "", "")) + "."));
  }
}
