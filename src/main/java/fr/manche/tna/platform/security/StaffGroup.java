package fr.manche.tna.platform.security;

/** The département's staff roles, as Camunda groups (ids are what BPMN candidate groups name). */
public enum StaffGroup {
  NETWORK_REFERENTS("tna-referents-reseau", "Référents du réseau"),
  EQUIPMENT_MANAGERS("tna-gestionnaires-materiel", "Gestionnaires du matériel"),
  SIGNATORIES("tna-signataires", "Signataires du Département"),
  ADMINISTRATORS("camunda-admin", "Administrateurs");

  private final String groupId;
  private final String label;

  StaffGroup(String groupId, String label) {
    this.groupId = groupId;
    this.label = label;
  }

  public String groupId() {
    return groupId;
  }

  public String label() {
    return label;
  }
}
