package fr.manche.tna.convention;

/** Where a convention stands. */
public enum ConventionStatus {
  /** Application filed, awaiting the network referent's review. */
  EN_EXAMEN,
  /** The network referent asked the organisation for more information; staff complete the application. */
  A_COMPLETER,
  /** Application accepted by the network referent: the convention can be prepared for signature. */
  ACCEPTEE,
  /** Application refused, with a reason. */
  REFUSEE
}
