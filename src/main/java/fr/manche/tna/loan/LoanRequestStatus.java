package fr.manche.tna.loan;

/** Where a loan request stands, from the member's first form to the equipment's return. */
public enum LoanRequestStatus {
  A_COMPLETER("matériel à choisir"),
  EN_EXAMEN("en cours d'examen"),
  APPROUVEE("approuvée"),
  REFUSEE("refusée"),
  ANNULEE("annulée"),
  RENDUE("matériel rendu");

  private final String label;

  LoanRequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the request still waits for the member or the examiners (not yet decided). */
  public boolean pending() {
    return this == A_COMPLETER || this == EN_EXAMEN;
  }
}
