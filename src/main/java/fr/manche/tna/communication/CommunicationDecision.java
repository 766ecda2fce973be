package fr.manche.tna.communication;

import fr.manche.tna.platform.InvalidInputException;

/** Where a communication request stands; the last three are the referent's possible answers (R21). */
public enum CommunicationDecision {
  EN_EXAMEN(null, "en cours d'examen"),
  ACCORDEE("accorder", "accordée"),
  A_MODIFIER("modifier", "à modifier"),
  REFUSEE("refuser", "refusée");

  private final String formValue;
  private final String label;

  CommunicationDecision(String formValue, String label) {
    this.formValue = formValue;
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the member is to amend the request, which then comes back for review. */
  public boolean changesRequested() {
    return this == A_MODIFIER;
  }

  /**
   * Reads the referent's answer; asking for changes or refusing needs a comment for the member.
   *
   * @throws InvalidInputException in French otherwise
   */
  public static CommunicationDecision fromSubmitted(String decision, String comment) {
    for (CommunicationDecision candidate : values()) {
      if (candidate.formValue != null && candidate.formValue.equals(decision)) {
        if (candidate != ACCORDEE && (comment == null || comment.trim().length() < 10)) {
          throw new InvalidInputException(
              "Expliquez à la structure ce qu'il faut modifier ou pourquoi vous refusez (au moins 10 caractères).");
        }
        return candidate;
      }
    }
    throw new InvalidInputException("Choisissez une réponse : accorder, demander des modifications ou refuser.");
  }
}
