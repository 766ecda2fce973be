package fr.manche.tna.loan;

/** Where a loan request stands. */
public enum LoanRequestStatus {
  EN_EXAMEN("en cours d'examen"),
  APPROUVEE("approuvée"),
  REFUSEE("refusée");

  private final String label;

  LoanRequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
