package fr.manche.tna.convention;

/** R07: how much of the convention a termination ends. */
public enum TerminationScope {
  /** The whole convention ends: the organisation leaves the network. */
  TOTALE("résiliée en totalité"),
  /**
   * Only the loan of equipment (article 4) ends: the organisation stays in the network (events, steering),
   * but may no longer borrow.
   */
  PARTIELLE("résiliée partiellement : prêt de matériel (article 4)");

  private final String label;

  TerminationScope(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
