package fr.manche.tna.signature;

/** The two parties to the convention. */
public enum Party {
  MEMBRE("pour l'organisation"),
  DEPARTEMENT("pour le Département de la Manche");

  private final String label;

  Party(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
