package fr.manche.tna.steering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.PdfLayout;
import fr.manche.tna.steering.Figures.Breakdown;
import fr.manche.tna.steering.Figures.Count;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The committee's pack of indicators (R23, R24) as a PDF document in French: the period and its limits, then the same
 * figures as the page and the CSV, one line each. Only characters of the standard fonts (WinAnsi) are written.
 */
public final class IndicatorsDocument {

  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);

  private IndicatorsDocument() {}

  public static byte[] pdf(Figures figures) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Indicateurs de suivi — " + figures.period().label());
      document.open();
      PdfLayout.title(document, "Indicateurs de suivi du réseau");
      Paragraph subtitle = new Paragraph(figures.period().label() + " — " + figures.organisation() + " — "
          + figures.equipmentType(), SUBTITLE);
      subtitle.setAlignment(Element.ALIGN_CENTER);
      subtitle.setSpacingAfter(12);
      document.add(subtitle);
      PdfLayout.paragraph(document, "Dossier pour le comité du réseau, établi le " + ParisTime.formatDate(ParisTime.today())
          + " (article 7 de la convention : type et nombre d'actions, type et nombre de publics, appréciation du public),"
          + " d'après les comptes rendus des prêts (au jour du retour du matériel), ceux des opérations de communication"
          + " communes (au jour de la diffusion) et les bilans annuels des structures.");
      PdfLayout.paragraph(document, "Comptes rendus : " + figures.reports() + ".");

      PdfLayout.heading(document, "Actions menées");
      counts(document, figures.actions(), "actions", figures.totalActions());
      PdfLayout.heading(document, "Publics touchés (nombre de personnes)");
      counts(document, figures.audiences(), "personnes", figures.totalPeople());
      PdfLayout.heading(document, "Appréciation du public (nombre de comptes rendus)");
      counts(document, figures.appreciations(), "comptes rendus", figures.reports());
      PdfLayout.heading(document, "Par semestre");
      breakdown(document, figures.byHalfYear());
      PdfLayout.heading(document, "Par structure");
      breakdown(document, figures.byMember());
      PdfLayout.heading(document, "Par type de matériel");
      PdfLayout.paragraph(document, "Un compte rendu compte pour chaque type de matériel de son prêt.");
      breakdown(document, figures.byEquipmentType());
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the indicators of " + figures.period().label(), e);
    }
    return out.toByteArray();
  }

  /** « Séances d'initiation : 8 », one line a category, then the total. */
  private static void counts(Document document, List<Count> counts, String unit, long total) {
    for (Count count : counts) {
      line(document, TEXT, count.label() + " : " + count.number());
    }
    line(document, BOLD, "Total : " + total + " " + unit);
  }

  /** « Médiathèque de Pontorson : 2 comptes rendus, 6 actions, 199 personnes », one line a row. */
  private static void breakdown(Document document, List<Breakdown> rows) {
    if (rows.isEmpty()) {
      line(document, TEXT, "Aucun compte rendu.");
    }
    for (Breakdown row : rows) {
      line(document, TEXT, row.label() + " : " + row.reports() + " " + (row.reports() <= 1 ? "compte rendu" : "comptes rendus")
          + ", " + row.actions() + " " + (row.actions() <= 1 ? "action" : "actions") + ", " + row.people() + " "
          + (row.people() <= 1 ? "personne" : "personnes"));
    }
  }

  private static void line(Document document, Font font, String text) {
    Paragraph line = new Paragraph(text, font);
    line.setIndentationLeft(12);
    line.setSpacingAfter(2);
    document.add(line);
  }
}
