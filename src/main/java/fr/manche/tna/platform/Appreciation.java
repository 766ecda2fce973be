package fr.manche.tna.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the audience found an action (R24: « l'appréciation du public »), on one small fixed scale, best first: the
 * loans' reports, the joint operations' reports and the indicators share it.
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
