package fr.manche.tna.handover;

import java.util.Arrays;
import java.util.Optional;

/** An item's condition at a handover (R13), on a small fixed scale, best first: a higher rank is worse. */
public enum Condition {
  COMME_NEUF("Comme neuf"),
  BON("Bon état"),
  USAGE("Usure normale"),
  ABIME("Abîmé"),
  HORS_USAGE("Hors d'usage");

  private final String label;

  Condition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this condition is worse than another (a return worse than its pickup opens a damage case, R15). */
  public boolean worseThan(Condition other) {
    return ordinal() > other.ordinal();
  }

  /** The condition a form posted (its name), or empty. */
  public static Optional<Condition> fromSubmitted(String value) {
    return Arrays.stream(values()).filter(condition -> condition.name().equals(value == null ? "" : value.strip()))
        .findFirst();
  }
}
