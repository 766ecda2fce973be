package fr.manche.tna.convention.amendment;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.PdfLayout;
import fr.manche.tna.signature.Signature;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

/**
 * An amendment as a PDF document in French (R04, R06): the parties, the convention it modifies, its object
 * and content, when it takes effect, and the signatures with name, capacity and date.
 */
final class AmendmentDocument {

  /**
   * @param memberSignature the member's signature, null while unsigned
   * @param departmentSignature the département's signature, null while unsigned
   */
  record Content(
      Amendment amendment,
      Convention convention,
      Organisation organisation,
      Signature memberSignature,
      Signature departmentSignature) {}


  private AmendmentDocument() {}

  static String title(Amendment amendment) {
    return "Avenant n° " + amendment.number() + " à la convention de coopération";
  }

  static byte[] render(Content content) {
    Amendment amendment = content.amendment();
    Convention convention = content.convention();
    Organisation organisation = content.organisation();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(title(amendment) + " — " + organisation.name());
      document.open();
      PdfLayout.title(document, title(amendment));

      PdfLayout.heading(document, "Les parties");
      PdfLayout.paragraph(document, "Entre le Département de la Manche, représenté par son ou sa signataire habilité(e)"
          + (content.departmentSignature() == null
              ? ""
              : " (" + content.departmentSignature().signerName() + ", " + content.departmentSignature().signerRole() + ")")
          + ", et " + organisation.name() + " (" + organisation.legalForm().label() + ", SIRET " + organisation.siret()
          + ", " + organisation.address() + "), représenté(e) par " + convention.memberSignatory() + ".");

      PdfLayout.heading(document, "Convention modifiée");
      PdfLayout.paragraph(document, "Le présent avenant modifie la convention de coopération n° " + convention.id() + " conclue entre les parties, "
          + "en vigueur du " + ParisTime.formatDate(convention.effectiveDate()) + " au " + ParisTime.formatDate(convention.lastDay())
          + " inclus. Conformément à l'article 9, il fait partie intégrante de la convention ; les autres stipulations de la convention "
          + "restent inchangées.");
      PdfLayout.paragraph(document, "Demande reçue par le Département le " + ParisTime.formatDate(amendment.receivedOn())
          + " (" + (amendment.requestedByParty() == fr.manche.tna.signature.Party.MEMBRE ? "à la demande de l'organisation" : "à la demande du Département")
          + ").");

      PdfLayout.heading(document, "Article 1 : Objet");
      PdfLayout.paragraph(document, amendment.object());
      PdfLayout.heading(document, "Article 2 : Modifications apportées à la convention");
      PdfLayout.paragraph(document, amendment.content());
      PdfLayout.heading(document, "Article 3 : Prise d'effet");
      PdfLayout.paragraph(document, effect(amendment, content.memberSignature(), content.departmentSignature()));

      PdfLayout.heading(document, "Signatures");
      PdfLayout.paragraph(document, "Signature pour l'organisation : " + PdfLayout.signed(content.memberSignature()) + ".");
      PdfLayout.paragraph(document, "Signature pour le Département : " + PdfLayout.signed(content.departmentSignature()) + ".");
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write amendment " + amendment.id(), e);
    }
    return out.toByteArray();
  }

  /** R06, in the amendment's own words. */
  static String effect(Amendment amendment, Signature member, Signature department) {
    if (member != null && department != null) {
      LocalDate lastSignature = member.signedOn().isAfter(department.signedOn()) ? member.signedOn() : department.signedOn();
      LocalDate effective = ConventionTerms.amendmentEffectiveDate(lastSignature, amendment.namedEffectiveDate());
      return "Le présent avenant prend effet le " + ParisTime.formatDate(effective)
          + (effective.equals(amendment.namedEffectiveDate())
              ? ", date qu'il fixe."
              : ", premier jour du mois qui suit sa dernière signature (article 9).");
    }
    if (amendment.namedEffectiveDate() != null) {
      return "Le présent avenant prend effet le " + ParisTime.formatDate(amendment.namedEffectiveDate())
          + ", ou, si sa dernière signature intervient plus tard, le premier jour du mois qui suit cette signature (article 9).";
    }
    return "Le présent avenant prend effet le premier jour du mois qui suit sa dernière signature (article 9).";
  }



}
