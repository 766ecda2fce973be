package fr.manche.tna.communication;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the audience found a joint operation (R22, R24), on the same small fixed scale and with the same codes as the
 * loans' reports ({@code handover.Appreciation}), best first: the indicators add both up.
 */
public enum Appreciation {
  TRES_SATISFAIT("Très satisfait"),
  SATISFAIT("Satisfait"),
  PEU_SATISFAIT("Peu satisfait"),
  PAS_SATISFAIT("Pas satisfait");

  private final String label;

  Appreciation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The appreciation a form posted (its name), or empty. */
  public static Optional<Appreciation> fromSubmitted(String value) {
    return Arrays.stream(values()).filter(each -> each.name().equals(value == null ? "" : value.strip())).findFirst();
  }
}
