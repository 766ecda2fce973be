package fr.manche.tna.loan;

/** Where a request for a later last day stands. */
public enum LoanExtensionStatus {
  EN_EXAMEN("en cours d'examen"),
  ACCORDEE("accordée"),
  REFUSEE("refusée");

  private final String label;

  LoanExtensionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
