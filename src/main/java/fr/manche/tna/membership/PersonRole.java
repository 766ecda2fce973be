package fr.manche.tna.membership;

/** What a member organisation's person does for the network. */
public enum PersonRole {
  SIGNATAIRE("Signataire de la convention"),
  REFERENT("Référent de la structure"),
  ANIMATEUR("Animateur ou animatrice");

  private final String label;

  PersonRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
