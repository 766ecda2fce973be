package fr.manche.tna.convention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.PdfText;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.signature.Party;
import fr.manche.tna.signature.Signature;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The convention PDF is readable text naming the parties, the articles and the dates. */
class ConventionDocumentTest {

  static final Organisation COMMUNE =
      new Organisation(1L, "Commune de Périers", LegalForm.COLLECTIVITE_TERRITORIALE, "21500394700011",
          "Mairie, 50190 Périers", null, "Élise Morel", "elise.morel@periers.example.fr", "membre-1");

  @Test
  void aSignedConventionNamesThePartiesTheArticlesAndItsDatesLeapDayIncluded() throws Exception {
    byte[] pdf =
        ConventionDocument.render(
            new ConventionDocument.Content(COMMUNE, "Jean Dupuis, maire", "Claire Lemoine",
                new Signature(Party.MEMBRE, "jdupuis", "Jean Dupuis", "maire", LocalDate.of(2028, 2, 20)),
                new Signature(Party.DEPARTEMENT, "aduval", "Anne Duval", "présidente", LocalDate.of(2028, 2, 29)),
                LocalDate.of(2028, 2, 29), null));
    String text = text(pdf);
    assertThat(text)
        .contains("Convention de coopération")
        .contains("Commune de Périers")
        .contains("SIRET 21500394700011")
        .contains("Article 5 : Durée")
        .contains("Article 10 : Litiges")
        .contains("tribunal administratif de Caen")
        .contains("représenté par son ou sa signataire habilité(e) (Anne Duval, présidente)")
        .contains("Signature pour l'organisation : Jean Dupuis, maire, le 20 février 2028")
        .contains("Signature pour le Département : Anne Duval, présidente, le 29 février 2028")
        .contains("en vigueur du 29 février 2028 au 28 février 2031 inclus");
  }

  @Test
  void anUnsignedConventionSaysItTakesEffectAtTheLastSignature() throws Exception {
    String text = text(ConventionDocument.render(
        new ConventionDocument.Content(COMMUNE, "Jean Dupuis, maire", "Claire Lemoine", null, null, null, null)));
    assertThat(text).contains("Signature pour l'organisation : en attente").contains("prendra effet à la date de la dernière signature");
  }

  private static String text(byte[] pdf) {
    return PdfText.of(pdf);
  }
}
