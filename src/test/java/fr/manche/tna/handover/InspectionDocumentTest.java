package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.handover.Inspection.ItemRecord;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequest.RequestedItem;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.test.PdfText;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The condition report a member receives: both records side by side, the differences flagged, read back as text. */
class InspectionDocumentTest {

  static final Organisation MEDIATHEQUE =
      new Organisation(3L, "Médiathèque de Périers", LegalForm.COLLECTIVITE_TERRITORIALE, "21500394700011",
          "Rue de la Mairie, 50190 Périers", null, "Élise Morel", "elise.morel@periers.example.fr", "membre-3");

  static final LoanRequest LOAN = new LoanRequest(42L, 3L, "pi-42", "emorel", "Ateliers drone", "Collégiens",
      LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 12), null,
      List.of(new RequestedItem(11L, "INV-011", "Drone", 1L), new RequestedItem(4L, "INV-004", "Tablette", 2L)),
      LoanRequestStatus.APPROUVEE, null, "aduval", null, null, null, null);

  /** Monday 1 March 2027, 10:15 in Paris (UTC+1). */
  static final OffsetDateTime PICKED_UP = OffsetDateTime.of(2027, 3, 1, 9, 15, 0, 0, ZoneOffset.UTC);
  /** Friday 12 March 2027, 16:30 in Paris. */
  static final OffsetDateTime RETURNED = OffsetDateTime.of(2027, 3, 12, 15, 30, 0, 0, ZoneOffset.UTC);

  static final Inspection PICKUP = new Inspection(1L, 10L, 42L, HandoverKind.RETRAIT, "Paul Lenoir", PICKED_UP,
      "Élise Morel", true, null, PICKED_UP, null, "Matériel remis dans sa valise.",
      List.of(new ItemRecord(4L, "INV-004", "Tablette", Condition.BON, List.of(), null),
          new ItemRecord(11L, "INV-011", "Drone", Condition.BON, List.of(), "Rayure légère sur une hélice")));

  @Test
  void aPickupAloneListsEachItemAsFoundWithoutTheReturnColumn() {
    Inspection pending = new Inspection(1L, 10L, 42L, HandoverKind.RETRAIT, "Paul Lenoir", PICKED_UP, "Élise Morel",
        false, null, null, null, null, PICKUP.items());

    String text = PdfText.of(InspectionDocument.pdf(LOAN, MEDIATHEQUE, pending, Optional.empty(), List.of()));

    assertThat(text)
        .contains("État des lieux du matériel prêté")
        .contains("Prêt n° 42 — Médiathèque de Périers — du 1er au 12 mars 2027")
        .contains("Maison du Département de la Manche, Saint-Lô")
        .contains("État des lieux de départ")
        .contains("lundi 1er mars 2027 à 10h15 par Paul Lenoir, en présence de Élise Morel")
        .contains("En attente de la reconnaissance de la structure")
        .contains("Matériel", "État", "Accessoires manquants", "Remarques")
        .contains("INV-011 (Drone)", "INV-004 (Tablette)", "Bon état", "aucun", "Rayure légère sur une hélice")
        .contains("référent du réseau")
        .doesNotContain("Au retour", "État des lieux de retour", "Différences relevées");
  }

  @Test
  void withTheReturnBothRecordsStandSideBySideAndTheDifferencesAreFlagged() {
    Inspection back = new Inspection(2L, 11L, 42L, HandoverKind.RETOUR, "Paul Lenoir", RETURNED, "Marc Lebrun", false,
        "emorel", OffsetDateTime.of(2027, 3, 13, 8, 0, 0, 0, ZoneOffset.UTC), null, "Rendu en avance.",
        List.of(new ItemRecord(4L, "INV-004", "Tablette", Condition.BON, List.of(), null),
            new ItemRecord(11L, "INV-011", "Drone", Condition.ABIME, List.of("Chargeur"), "Hélice cassée")));
    List<Inspections.Difference> differences = List.of(new Inspections.Difference(11L, "INV-011 (Drone)",
        "état « Abîmé » au retour, « Bon état » au départ ; accessoire manquant : Chargeur"));

    String text = PdfText.of(InspectionDocument.pdf(LOAN, MEDIATHEQUE, PICKUP, Optional.of(back), differences));

    assertThat(text)
        .contains("État des lieux de départ")
        .contains("lundi 1er mars 2027 à 10h15 par Paul Lenoir")
        .contains("Reconnu sur place par Élise Morel")
        .contains("Remarques générales : Matériel remis dans sa valise.")
        .contains("État des lieux de retour")
        .contains("vendredi 12 mars 2027 à 16h30 par Paul Lenoir, en présence de Marc Lebrun")
        .contains("Reconnu par la structure le 13 mars 2027")
        .contains("Remarques générales : Rendu en avance.")
        .contains("Matériel", "Au départ", "Au retour")
        .contains("Bon état", "Abîmé", "Accessoires manquants : Chargeur", "Hélice cassée", "À examiner")
        .contains("Différences relevées")
        .contains("INV-011 (Drone) : état « Abîmé » au retour, « Bon état » au départ ; accessoire manquant : Chargeur")
        .contains("dossier de dommage", "article 4 de la convention")
        .doesNotContain("Aucune différence relevée");
    // the drone's row: flagged, then its pickup record, then its return record
    assertThat(text).containsPattern("INV-011 \\(Drone\\)\\s*À examiner\\s*Bon état.*Rayure légère sur une hélice"
        + "\\s*Abîmé\\s*Accessoires manquants : Chargeur");
    // only the drone is flagged: the tablet, unchanged, is not
    assertThat(text.split("À examiner", -1)).hasSize(2);
  }

  @Test
  void aReturnLikeThePickupSaysNoDifferenceWasFound() {
    Inspection back = new Inspection(2L, 11L, 42L, HandoverKind.RETOUR, "Paul Lenoir", RETURNED, "Élise Morel", true,
        null, RETURNED, null, null, PICKUP.items());

    String text = PdfText.of(InspectionDocument.pdf(LOAN, MEDIATHEQUE, PICKUP, Optional.of(back), List.of()));

    assertThat(text).contains("Au retour").contains("Aucune différence relevée entre le départ et le retour.")
        .doesNotContain("À examiner", "dossier de dommage");
  }
}
