package fr.manche.tna.convention.termination;

import fr.manche.tna.convention.TerminationScope;
import fr.manche.tna.platform.Inputs;
import fr.manche.tna.platform.InvalidInputException;

/** R07: what staff decide once the thirty days after the acknowledgement are over. */
public enum NoticeDecision {
  /** Terminate the whole convention. */
  RESILIER_TOTALEMENT("resilier_totalement", TerminationScope.TOTALE),
  /** Terminate the loan of equipment only (article 4). */
  RESILIER_PARTIELLEMENT("resilier_partiellement", TerminationScope.PARTIELLE),
  /** The failure has been remedied: the notice is lifted. */
  REGULARISEE("regularisee", null),
  /** The convention has ended meanwhile (its last day passed, or terminated otherwise): nothing left to decide. */
  CLASSEE("classer", null);

  private final String formValue;
  private final TerminationScope scope;

  NoticeDecision(String formValue, TerminationScope scope) {
    this.formValue = formValue;
    this.scope = scope;
  }

  /** The value the decision form submits. */
  public String formValue() {
    return formValue;
  }

  /** What a termination ends, or null when the failure was remedied. */
  public TerminationScope scope() {
    return scope;
  }

  /**
   * @throws InvalidInputException in French when the choice is missing or unknown
   */
  public static NoticeDecision fromSubmitted(String submitted) {
    String value = Inputs.required(submitted, "Décision");
    for (NoticeDecision decision : values()) {
      if (decision.formValue.equals(value) || decision.name().equals(value)) {
        return decision;
      }
    }
    throw new InvalidInputException("Choisissez une décision : résilier en totalité, résilier le prêt de matériel seulement, manquement régularisé, "
        + "ou classer sans suite si la convention a pris fin.");
  }
}
