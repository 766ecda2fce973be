package fr.manche.tna.signature;

/** What is signed by both parties: the convention itself (R02) or one of its amendments (R04). */
public enum DocumentType {
  CONVENTION,
  AVENANT
}
