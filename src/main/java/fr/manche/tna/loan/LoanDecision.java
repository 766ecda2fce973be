package fr.manche.tna.loan;

import fr.manche.tna.platform.InvalidInputException;

/** The answer to a loan request (R10): approve, or refuse with a reason the member reads. */
public enum LoanDecision {
  APPROVE("approuver"),
  REFUSE("refuser");

  /** The shortest reason a refusal may give, in characters. */
  public static final int MIN_REASON = 10;

  private final String formValue;

  LoanDecision(String formValue) {
    this.formValue = formValue;
  }

  /**
   * Reads the answer of the approval form; a refusal needs a reason of at least {@value #MIN_REASON} characters.
   *
   * @throws InvalidInputException in French otherwise
   */
  public static LoanDecision fromSubmitted(String decision, String reason) {
    for (LoanDecision candidate : values()) {
      if (candidate.formValue.equals(decision)) {
        if (candidate == REFUSE && (reason == null || reason.trim().length() < MIN_REASON)) {
          throw new InvalidInputException(
              "Expliquez à la structure pourquoi vous refusez le prêt (au moins " + MIN_REASON + " caractères).");
        }
        return candidate;
      }
    }
    throw new InvalidInputException("Choisissez une réponse : approuver ou refuser le prêt.");
  }
}
