package fr.manche.tna.handover;

/** Which way the equipment goes at a handover (R12, R13): to the member at the start of the loan, or back. */
public enum HandoverKind {
  RETRAIT("retrait", "retirer le matériel", "Remettre le matériel à la structure : état des lieux de départ"),
  RETOUR("retour", "rendre le matériel", "Reprendre le matériel : état des lieux de retour");

  private final String noun;
  private final String memberAction;
  private final String staffTaskName;

  HandoverKind(String noun, String memberAction, String staffTaskName) {
    this.noun = noun;
    this.memberAction = memberAction;
    this.staffTaskName = staffTaskName;
  }

  /** « retrait », « retour ». */
  public String noun() {
    return noun;
  }

  /** The member's task in Tasklist: « Réserver un créneau pour retirer le matériel ». */
  public String bookingTaskName() {
    return "Réserver un créneau pour " + memberAction;
  }

  /** The equipment managers' task at the appointment. */
  public String staffTaskName() {
    return staffTaskName;
  }
}
