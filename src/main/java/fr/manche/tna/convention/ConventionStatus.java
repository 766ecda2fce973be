package fr.manche.tna.convention;

/** Where a convention stands. */
public enum ConventionStatus {
  /** Application filed, awaiting the network referent's review. */
  EN_EXAMEN,
  /** The network referent asked the organisation for more information; staff complete the application. */
  A_COMPLETER,
  /** Accepted (an application, or a renewal the member agreed to): awaiting both signatures. */
  ACCEPTEE,
  /** Application refused, with a reason. */
  REFUSEE,
  /**
   * Signed by both parties: in force from its effective date through its last day (R02), unless it is
   * partially terminated (R07), which keeps it alive but ends the loans.
   */
  SIGNEE,
  /** A party refused to sign it, with a reason: it never took effect. */
  NON_SIGNEE,
  /** Its last day has passed (R02), renewed or not. */
  ARRIVEE_A_TERME,
  /** Wholly terminated after a formal notice (R07). */
  RESILIEE
}
