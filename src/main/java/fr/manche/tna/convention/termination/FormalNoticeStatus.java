package fr.manche.tna.convention.termination;

/** R07: where a formal notice stands, from the registered letter to its outcome. */
public enum FormalNoticeStatus {
  /** The registered letter is sent; its acknowledgement of receipt is awaited. */
  ENVOYEE("Envoyée, accusé de réception attendu"),
  /** The member received it: the thirty days run from the acknowledgement (article 8). */
  ACCUSEE("Reçue, délai de trente jours en cours"),
  /** The member remedied the failure: the notice is lifted, the convention goes on. */
  REGULARISEE("Levée : manquement régularisé"),
  /** The convention was wholly terminated. */
  RESILIEE_TOTALE("Convention résiliée en totalité"),
  /** Only the loan of equipment (article 4) was terminated. */
  RESILIEE_PARTIELLE("Convention résiliée partiellement : prêt de matériel (article 4)"),
  /** The convention ended before a decision was due: the notice is closed without further action. */
  CLASSEE("Classée sans suite : la convention a pris fin");

  private final String label;

  FormalNoticeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Still running: sent or acknowledged, no outcome yet. */
  public boolean open() {
    return this == ENVOYEE || this == ACCUSEE;
  }
}
