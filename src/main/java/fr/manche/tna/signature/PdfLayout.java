package fr.manche.tna.signature;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import fr.manche.tna.platform.time.ParisTime;

/** The look shared by the documents both parties sign (convention, amendment): title, headings, text, signatures. */
public final class PdfLayout {

  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

  private PdfLayout() {}

  /** The centred title, over the network's name. */
  public static void title(Document document, String text) {
    Paragraph title = new Paragraph(text + "\nRéseau des territoires numériques apprenants", TITLE);
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(18);
    document.add(title);
  }

  public static void heading(Document document, String text) {
    Paragraph heading = new Paragraph(text, HEADING);
    heading.setSpacingBefore(10);
    document.add(heading);
  }

  public static void paragraph(Document document, String text) {
    Paragraph paragraph = new Paragraph(text, TEXT);
    paragraph.setSpacingAfter(4);
    paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
    document.add(paragraph);
  }

  /** "Jean Dupuis, maire, le 20 février 2028", or "en attente". */
  public static String signed(Signature signature) {
    return signature == null
        ? "en attente"
        : signature.signerName() + ", " + signature.signerRole() + ", le " + ParisTime.formatDate(signature.signedOn());
  }
}
