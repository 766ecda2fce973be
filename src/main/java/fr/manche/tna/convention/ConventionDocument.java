package fr.manche.tna.convention;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.time.ParisTime;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import fr.manche.tna.signature.PdfLayout;
import fr.manche.tna.signature.Signature;

/**
 * The cooperation convention as a PDF document in French: the parties, their signatories and referents,
 * the dates, and the articles in the project's own words, citing the model convention's article numbers.
 */
public final class ConventionDocument {

  /**
   * Who signs and who follows the convention, and the dates known so far.
   *
   * @param memberSignatory "Jean Dupuis, maire"
   * @param memberSignature the member's signature, null while unsigned
   * @param departmentSignature the département's signature, null while unsigned
   * @param effectiveDate first day in force, null until both have signed
   * @param renews "la convention en vigueur jusqu'au 28 février 2029" when this convention renews another
   */
  public record Content(
      Organisation organisation,
      String memberSignatory,
      String networkReferent,
      Signature memberSignature,
      Signature departmentSignature,
      LocalDate effectiveDate,
      String renews) {}


  /** The articles, summarised; numbers are those of the model convention. */
  private static final List<String[]> ARTICLES =
      List.of(
          new String[] {"Article 1 : Objectifs", "Soutenir, conforter et développer la médiation numérique de proximité dans la Manche, pour que chacun puisse utiliser les services numériques de base de manière autonome et approfondir ses compétences."},
          new String[] {"Article 2 : Le réseau", "Le membre est une collectivité territoriale, un établissement public de coopération intercommunale ou une association à but non lucratif de découverte et d'initiation aux usages numériques. Son lieu est ouvert à tous les publics."},
          new String[] {"Article 3 : Engagements des parties", "Le membre garantit l'accès de tous, des ordinateurs connectés et des équipements adaptés, au moins un animateur sur place, des ateliers réguliers d'initiation et d'approfondissement, et sa participation aux événements du réseau."},
          new String[] {"Article 4 : Prêt du matériel départemental", "Le matériel reste la propriété du Département, qui l'entretient. Le prêt est gratuit et réservé aux membres dont la convention est en vigueur ; il dure au plus 30 jours, un besoin plus long fait l'objet d'une demande examinée par le Département, qui reste prioritaire sur son matériel. Le membre retire et rapporte le matériel à la Maison du Département aux créneaux convenus ; un état des lieux est fait au départ et au retour. Le membre le conserve dans un lieu sûr, l'assure contre le vol et les dommages, en supporte les coûts de vol, de perte ou de dommage, ne le répare pas et signale toute panne."},
          new String[] {"Article 5 : Durée", "La convention prend effet à la date de la dernière signature, pour trois ans. Elle peut être renouvelée ; le renouvellement se prépare avec le membre, notamment lors de l'entretien bilatéral de fin d'année."},
          new String[] {"Article 6 : Communication", "Toute communication sur la coopération suppose l'accord préalable de l'autre partie, demandé par courriel au référent du réseau. Après chaque opération commune, les parties échangent un bref bilan qualitatif et quantitatif."},
          new String[] {"Article 7 : Comité de pilotage", "Le Département assure le secrétariat du pilotage : un entretien bilatéral en fin d'année et un comité du réseau à mi-année, avec des indicateurs sur les actions menées, les publics accueillis et leur appréciation."},
          new String[] {"Article 8 : Résiliation", "Si une partie manque à ses obligations, l'autre peut la mettre en demeure par lettre recommandée avec accusé de réception ; trente jours après, si le manquement persiste, la convention peut être résiliée en tout ou partie."},
          new String[] {"Article 9 : Modification", "La convention peut être modifiée par avenant signé des deux parties. La demande doit parvenir au Département au moins trois mois avant la fin de la convention ; sauf mention contraire, l'avenant prend effet le premier jour du mois qui suit sa signature."},
          new String[] {"Article 10 : Litiges", "Les parties recherchent d'abord un règlement amiable ; à défaut, le litige est porté devant le tribunal administratif de Caen."});

  private ConventionDocument() {}

  public static byte[] render(Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Convention de coopération — " + content.organisation().name());
      document.open();
      PdfLayout.title(document, "Convention de coopération");
      Organisation organisation = content.organisation();
      PdfLayout.paragraph(document, "Entre le Département de la Manche, représenté par son ou sa signataire habilité(e)"
          + (content.departmentSignature() == null
              ? ""
              : " (" + content.departmentSignature().signerName() + ", " + content.departmentSignature().signerRole() + ")")
          + ", et " + organisation.name() + " (" + organisation.legalForm().label() + ", SIRET " + organisation.siret()
          + ", " + organisation.address() + "), représenté(e) par " + content.memberSignatory() + ".");
      PdfLayout.paragraph(document, "Référent du réseau pour le Département : " + content.networkReferent()
          + ". Référent pour le membre : " + organisation.contactName() + " (" + organisation.contactEmail() + ").");
      for (String[] article : ARTICLES) {
        PdfLayout.heading(document, article[0]);
        PdfLayout.paragraph(document, article[1]);
      }
      PdfLayout.heading(document, "Dates");
      if (content.renews() != null) {
        PdfLayout.paragraph(document, "Cette convention renouvelle " + content.renews() + " et lui fait suite sans interruption.");
      }
      PdfLayout.paragraph(document, "Signature pour l'organisation : " + PdfLayout.signed(content.memberSignature()) + ".");
      PdfLayout.paragraph(document, "Signature pour le Département : " + PdfLayout.signed(content.departmentSignature()) + ".");
      LocalDate effective = content.effectiveDate();
      PdfLayout.paragraph(document, effective == null
          ? (content.renews() == null
              ? "La convention prendra effet à la date de la dernière signature, pour trois ans."
              : "Signée avant la fin de la convention qu'elle renouvelle, la convention prendra effet le lendemain de son "
                  + "dernier jour ; signée plus tard, à la date de la dernière signature ; dans les deux cas pour trois ans.")
          : "La convention est en vigueur du " + ParisTime.formatDate(effective) + " au "
              + ParisTime.formatDate(ConventionTerms.lastDayInForce(effective)) + " inclus.");
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the convention of " + content.organisation().name(), e);
    }
    return out.toByteArray();
  }


}
