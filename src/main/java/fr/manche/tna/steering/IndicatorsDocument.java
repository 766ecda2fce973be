package fr.manche.tna.steering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.PdfLayout;
import fr.manche.tna.steering.Figures.Breakdown;
import fr.manche.tna.steering.Figures.Count;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The committee's pack of indicators (R23, R24) as a PDF document in French: the period and its limits, then the same
 * tables as the page and the CSV. Only characters of the standard fonts (WinAnsi) are written.
 */
public final class IndicatorsDocument {

  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Color HEADER = new Color(230, 230, 230);

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
          + ", d'après les comptes rendus des prêts (article R24 : type et nombre d'actions, type et nombre de publics, "
          + "appréciation du public). Un compte rendu compte le jour du retour du matériel prêté.");
      PdfLayout.paragraph(document, "Comptes rendus : " + figures.reports() + ".");

      PdfLayout.heading(document, "Actions menées");
      document.add(counts("Type d'action", "Nombre", figures.actions(), figures.totalActions()));
      PdfLayout.heading(document, "Publics touchés");
      document.add(counts("Type de public", "Personnes", figures.audiences(), figures.totalPeople()));
      PdfLayout.heading(document, "Appréciation du public");
      document.add(counts("Appréciation", "Comptes rendus", figures.appreciations(), figures.reports()));
      PdfLayout.heading(document, "Par semestre");
      document.add(breakdown("Semestre", figures.byHalfYear()));
      PdfLayout.heading(document, "Par structure");
      document.add(breakdown("Structure", figures.byMember()));
      PdfLayout.heading(document, "Par type de matériel");
      PdfLayout.paragraph(document, "Un compte rendu compte pour chaque type de matériel de son prêt.");
      document.add(breakdown("Type de matériel", figures.byEquipmentType()));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the indicators of " + figures.period().label(), e);
    }
    return out.toByteArray();
  }

  private static PdfPTable counts(String what, String number, List<Count> counts, long total) {
    PdfPTable table = table(new float[] {3, 1}, what, number);
    for (Count count : counts) {
      cells(table, TEXT, count.label(), String.valueOf(count.number()));
    }
    cells(table, BOLD, "Total", String.valueOf(total));
    return table;
  }

  private static PdfPTable breakdown(String what, List<Breakdown> rows) {
    PdfPTable table = table(new float[] {3, 1, 1, 1}, what, "Comptes rendus", "Actions", "Personnes");
    if (rows.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("Aucun compte rendu.", TEXT));
      none.setColspan(4);
      table.addCell(none);
    }
    for (Breakdown row : rows) {
      cells(table, TEXT, row.label(), String.valueOf(row.reports()), String.valueOf(row.actions()),
          String.valueOf(row.people()));
    }
    return table;
  }

  private static PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    table.setHeaderRows(1);
    for (String header : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(header, BOLD));
      cell.setBackgroundColor(HEADER);
      table.addCell(cell);
    }
    return table;
  }

  private static void cells(PdfPTable table, Font font, String... values) {
    for (String value : values) {
      table.addCell(new PdfPCell(new Phrase(value, font)));
    }
  }
}
