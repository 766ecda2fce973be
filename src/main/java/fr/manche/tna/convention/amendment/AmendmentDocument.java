package fr.manche.tna.convention.amendment;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.time.ParisTime;
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

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

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
      Paragraph title = new Paragraph(title(amendment) + "\nRéseau des territoires numériques apprenants", TITLE);
      title.setAlignment(Element.ALIGN_CENTER);
      title.setSpacingAfter(18);
      document.add(title);

      heading(document, "Les parties");
      paragraph(document, "Entre le Département de la Manche, représenté par son ou sa signataire habilité(e)"
          + (content.departmentSignature() == null
              ? ""
              : " (" + content.departmentSignature().signerName() + ", " + content.departmentSignature().signerRole() + ")")
          + ", et " + organisation.name() + " (" + organisation.legalForm().label() + ", SIRET " + organisation.siret()
          + ", " + organisation.address() + "), représenté(e) par " + convention.memberSignatory() + ".");

      heading(document, "Convention modifiée");
      paragraph(document, "Le présent avenant modifie la convention de coopération n° " + convention.id() + " conclue entre les parties, "
          + "en vigueur du " + ParisTime.formatDate(convention.effectiveDate()) + " au " + ParisTime.formatDate(convention.lastDay())
          + " inclus. Conformément à l'article 9, il fait partie intégrante de la convention ; les autres stipulations de la convention "
          + "restent inchangées.");
      paragraph(document, "Demande reçue par le Département le " + ParisTime.formatDate(amendment.receivedOn())
          + " (" + (amendment.requestedByParty() == fr.manche.tna.signature.Party.MEMBRE ? "à la demande de l'organisation" : "à la demande du Département")
          + ").");

      heading(document, "Article 1 : Objet");
      paragraph(document, amendment.object());
      heading(document, "Article 2 : Modifications apportées à la convention");
      paragraph(document, amendment.content());
      heading(document, "Article 3 : Prise d'effet");
      paragraph(document, effect(amendment, content.memberSignature(), content.departmentSignature()));

      heading(document, "Signatures");
      paragraph(document, "Signature pour l'organisation : " + signed(content.memberSignature()) + ".");
      paragraph(document, "Signature pour le Département : " + signed(content.departmentSignature()) + ".");
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

  private static void heading(Document document, String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(10);
    document.add(heading);
  }

  private static void paragraph(Document document, String text) {
    Paragraph paragraph = new Paragraph(text, TEXT);
    paragraph.setSpacingAfter(4);
    paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
    document.add(paragraph);
  }

  private static String signed(Signature signature) {
    return signature == null
        ? "en attente"
        : signature.signerName() + ", " + signature.signerRole() + ", le " + ParisTime.formatDate(signature.signedOn());
  }
}
