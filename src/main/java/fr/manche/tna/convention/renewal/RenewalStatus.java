package fr.manche.tna.convention.renewal;

/** Where a renewal proposal stands (R03). */
public enum RenewalStatus {
  /** Proposed by the département's staff, awaiting the member's answer. */
  PROPOSEE("Proposé, en attente de la réponse de l'organisation"),
  /** Accepted by the member: the renewed convention awaits both signatures, then follows the current one. */
  ACCEPTEE("Accepté par l'organisation"),
  /** Declined by the member: the convention ends at its last day. */
  DECLINEE("Refusé par l'organisation"),
  /** Not answered before the convention's end. */
  EXPIREE("Proposition expirée sans réponse");

  private final String label;

  RenewalStatus(String label) {
    this.label = label;
  }

  /** In French, for the convention pages. */
  public String label() {
    return label;
  }
}
