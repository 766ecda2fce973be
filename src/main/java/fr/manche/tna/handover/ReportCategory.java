package fr.manche.tna.handover;

import java.util.Arrays;
import java.util.List;

/**
 * What a loan's report counts (R24): the actions led with the equipment (how many of each) and the audiences reached
 * (how many people of each), each with the label of its field on the member's form.
 */
public enum ReportCategory {
  SEANCE(Kind.ACTION, "Séances d'initiation", "Nombre de séances d'initiation"),
  ATELIER(Kind.ACTION, "Ateliers thématiques", "Nombre d'ateliers thématiques"),
  MISE_A_DISPOSITION(Kind.ACTION, "Mise à disposition", "Nombre de mises à disposition"),
  EVENEMENT(Kind.ACTION, "Événements", "Nombre d'événements"),
  SCOLAIRES(Kind.PUBLIC, "Scolaires", "Nombre de scolaires"),
  DEMANDEURS_EMPLOI(Kind.PUBLIC, "Demandeurs d'emploi", "Nombre de demandeurs d'emploi"),
  ENSEIGNANTS(Kind.PUBLIC, "Enseignants", "Nombre d'enseignants"),
  SENIORS(Kind.PUBLIC, "Seniors", "Nombre de seniors"),
  TOUT_PUBLIC(Kind.PUBLIC, "Tout public", "Nombre de personnes tout public"),
  AUTRE(Kind.PUBLIC, "Autres publics", "Nombre de personnes d'autres publics");

  /** An action led with the equipment, or an audience reached. */
  public enum Kind {
    ACTION,
    PUBLIC
  }

  private final Kind kind;
  private final String label;
  private final String fieldLabel;

  ReportCategory(Kind kind, String label, String fieldLabel) {
    this.kind = kind;
    this.label = label;
    this.fieldLabel = fieldLabel;
  }

  public Kind kind() {
    return kind;
  }

  /** « Séances d'initiation ». */
  public String label() {
    return label;
  }

  /** The form's field, « Nombre de séances d'initiation », as refusals name it. */
  public String fieldLabel() {
    return fieldLabel;
  }

  public static List<ReportCategory> of(Kind kind) {
    return Arrays.stream(values()).filter(category -> category.kind == kind).toList();
  }
}
