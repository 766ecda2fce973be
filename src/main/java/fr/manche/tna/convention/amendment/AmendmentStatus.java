package fr.manche.tna.convention.amendment;

/** Where an amendment stands (R04-R06), with the French label shown to people. */
public enum AmendmentStatus {
  /** Received in time, under review by the network referent. */
  EN_EXAMEN("en cours d'examen"),
  /** R05: received later than three months before the convention's end: not examined. */
  REFUSEE_HORS_DELAI("refusée : demande reçue hors délai"),
  /** Refused by the network referent. */
  REFUSEE("refusée"),
  /** Accepted and numbered, awaiting both signatures. */
  ACCEPTEE("acceptée, en cours de signature"),
  /** R04: signed by both parties; part of the convention from its effective date (R06). */
  SIGNE("signé"),
  /** A party refused to sign it: it never takes effect. */
  NON_SIGNE("non signé : signature refusée");

  private final String label;

  AmendmentStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
