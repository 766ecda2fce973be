package fr.manche.tna.steering;

/**
 * Where a fact of the indicators comes from (R24): the loans' reports today; the year-end self-assessments (R23) and
 * the joint operations' reports (R22) plug in through their own {@link IndicatorSource}.
 */
public enum SourceKind {
  LOAN_REPORT("Compte rendu de prêt"),
  SELF_ASSESSMENT("Auto-évaluation annuelle"),
  JOINT_REPORT("Compte rendu d'opération commune");

  private final String label;

  SourceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
