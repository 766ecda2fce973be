package fr.manche.tna.loan;

import fr.manche.tna.platform.InvalidInputException;

/**
 * The answer to a loan request: approve (R10), refuse with a reason, refuse because the département needs the
 * equipment itself (R11), or offer other dates or items, which the member then chooses again.
 */
public enum LoanDecision {
  APPROVE("approuver"),
  PROPOSE("proposer"),
  REFUSE("refuser"),
  REFUSE_OWN_USE("usage-departement");

  /** The shortest reason a refusal or a proposal may give, in characters. */
  public static final int MIN_REASON = 10;

  private final String formValue;

  LoanDecision(String formValue) {
    this.formValue = formValue;
  }

  /**
   * Reads the answer of the approval form; a refusal or a proposal needs a reason of at least {@value #MIN_REASON}
   * characters.
   *
   * @throws InvalidInputException in French otherwise
   */
  public static LoanDecision fromSubmitted(String decision, String reason) {
    for (LoanDecision candidate : values()) {
      if (candidate.formValue.equals(decision)) {
        if (candidate != APPROVE && (reason == null || reason.trim().length() < MIN_REASON)) {
          throw new InvalidInputException(candidate == PROPOSE
              ? "Dites à la structure quelles dates ou quel matériel vous proposez (au moins " + MIN_REASON + " caractères)."
              : "Expliquez à la structure pourquoi vous refusez le prêt (au moins " + MIN_REASON + " caractères).");
        }
        return candidate;
      }
    }
    throw new InvalidInputException("Choisissez une réponse : approuver, proposer autre chose ou refuser le prêt.");
  }

  /** Whether the request ends refused. */
  public boolean refuses() {
    return this == REFUSE || this == REFUSE_OWN_USE;
  }
}
