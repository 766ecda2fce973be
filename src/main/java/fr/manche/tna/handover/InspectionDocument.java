package fr.manche.tna.handover;

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
import fr.manche.tna.handover.Inspection.ItemRecord;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.PdfLayout;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition report (état des lieux, issue 11, items 3 and 4, R13, R15) as a PDF document in French, sent to the
 * member: the pickup's record and, once the equipment is back, the return's record beside it, the items found worse
 * flagged, and the differences that open damage cases. Only characters of the standard fonts (WinAnsi) are written.
 */
public final class InspectionDocument {

  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  /** The light background of the rows of items found worse at the return. */
  private static final Color FLAGGED = new Color(255, 228, 196);
  private static final Color HEADER = new Color(230, 230, 230);

  private InspectionDocument() {}

  /**
   * The report of a loan's inspections.
   *
   * @param pickup the record made when the member took the equipment
   * @param back the record made when the member brought it back, empty until then
   * @param differences what the return found worse than the pickup ({@link Inspections#differences(long)})
   */
  public static byte[] pdf(LoanRequest loan, Organisation organisation, Inspection pickup, Optional<Inspection> back,
      List<Inspections.Difference> differences) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("État des lieux — prêt n° " + loan.id() + " — " + organisation.name());
      document.open();
      PdfLayout.title(document, "État des lieux du matériel prêté");
      Paragraph subtitle = new Paragraph("Prêt n° " + loan.id() + " — " + organisation.name() + " — " + loan.period(),
          SUBTITLE);
      subtitle.setAlignment(Element.ALIGN_CENTER);
      document.add(subtitle);
      Paragraph place = new Paragraph("Maison du Département de la Manche, Saint-Lô", TEXT);
      place.setAlignment(Element.ALIGN_CENTER);
      place.setSpacingAfter(12);
      document.add(place);
      PdfLayout.paragraph(document, "Matériel prêté : " + loan.itemsNamed() + ".");

      record(document, "État des lieux de départ", pickup);
      if (back.isEmpty()) {
        document.add(pickupTable(pickup));
      } else {
        record(document, "État des lieux de retour", back.get());
        PdfLayout.heading(document, "Le matériel au départ et au retour");
        document.add(sideBySide(pickup, back.get(), differences));
        PdfLayout.heading(document, "Différences relevées");
        if (differences.isEmpty()) {
          PdfLayout.paragraph(document, "Aucune différence relevée entre le départ et le retour.");
        } else {
          for (Inspections.Difference difference : differences) {
            PdfLayout.paragraph(document, "- " + difference.itemNamed() + " : " + difference.description());
          }
          PdfLayout.paragraph(document, "Chaque différence ouvre un dossier de dommage, examiné par le Département. "
              + "Selon l'article 4 de la convention, la structure supporte les coûts des dommages causés au matériel "
              + "pendant le prêt ; le matériel concerné reste en maintenance jusqu'à cet examen.");
        }
      }
      Paragraph footer = new Paragraph("Pour toute remarque sur cet état des lieux, vous pouvez écrire au référent du "
          + "réseau au Département.", TEXT);
      footer.setSpacingBefore(14);
      document.add(footer);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot write the condition report of loan " + loan.id(), e);
    }
    return out.toByteArray();
  }

  /** Who recorded it, when, in whose presence, its acknowledgement and its general notes. */
  private static void record(Document document, String heading, Inspection inspection) {
    PdfLayout.heading(document, heading);
    PdfLayout.paragraph(document, "Établi le " + dateTime(inspection.recordedAt()) + " par " + inspection.recordedBy()
        + ", en présence de " + inspection.representative() + " pour la structure.");
    PdfLayout.paragraph(document, acknowledgement(inspection) + ".");
    if (present(inspection.notes())) {
      PdfLayout.paragraph(document, "Remarques générales : " + inspection.notes());
    }
    if (present(inspection.memberRemarks())) {
      PdfLayout.paragraph(document, "Remarques de la structure : " + inspection.memberRemarks());
    }
  }

  /** « Reconnu sur place par … », « Reconnu par la structure le … », « En attente de la reconnaissance … ». */
  static String acknowledgement(Inspection inspection) {
    if (inspection.acknowledgedOnSite()) {
      return "Reconnu sur place par " + inspection.representative();
    }
    if (inspection.acknowledgedAt() != null) {
      return "Reconnu par la structure le "
          + ParisTime.formatDate(inspection.acknowledgedAt().atZoneSameInstant(ParisTime.ZONE).toLocalDate());
    }
    return "En attente de la reconnaissance de la structure";
  }

  private static PdfPTable pickupTable(Inspection pickup) throws DocumentException {
    PdfPTable table = table(new float[] {3, 2, 3, 4}, "Matériel", "État", "Accessoires manquants", "Remarques");
    for (ItemRecord item : pickup.items()) {
      table.addCell(cell(new Phrase(item.named(), TEXT), null));
      table.addCell(cell(new Phrase(item.condition().label(), TEXT), null));
      table.addCell(cell(new Phrase(missing(item), TEXT), null));
      table.addCell(cell(new Phrase(present(item.notes()) ? item.notes() : "", TEXT), null));
    }
    return table;
  }

  private static PdfPTable sideBySide(Inspection pickup, Inspection back, List<Inspections.Difference> differences)
      throws DocumentException {
    Set<Long> flagged = differences.stream().map(Inspections.Difference::itemId).collect(Collectors.toSet());
    List<ItemRecord> rows = new ArrayList<>(pickup.items());
    back.items().stream().filter(item -> pickup.item(item.itemId()).isEmpty()).forEach(rows::add);
    PdfPTable table = table(new float[] {3, 4, 4}, "Matériel", "Au départ", "Au retour");
    for (ItemRecord row : rows) {
      boolean worse = flagged.contains(row.itemId());
      Color background = worse ? FLAGGED : null;
      Phrase named = new Phrase(row.named(), TEXT);
      if (worse) {
        named.add(new Phrase("\nÀ examiner", BOLD));
      }
      table.addCell(cell(named, background));
      table.addCell(cell(state(pickup.item(row.itemId())), background));
      table.addCell(cell(state(back.item(row.itemId())), background));
    }
    return table;
  }

  /** « Bon état », its missing accessories and notes, in one cell. */
  private static Phrase state(Optional<ItemRecord> record) {
    if (record.isEmpty()) {
      return new Phrase("Non relevé", TEXT);
    }
    ItemRecord item = record.get();
    Phrase phrase = new Phrase(item.condition().label(), BOLD);
    phrase.add(new Phrase("\nAccessoires manquants : " + missing(item), TEXT));
    if (present(item.notes())) {
      phrase.add(new Phrase("\nRemarques : " + item.notes(), TEXT));
    }
    return phrase;
  }

  private static PdfPTable table(float[] widths, String... headers) throws DocumentException {
    PdfPTable table = new PdfPTable(widths.length);
    table.setWidthPercentage(100);
    table.setWidths(widths);
    table.setSpacingBefore(8);
    table.setSpacingAfter(8);
    table.setHeaderRows(1);
    for (String header : headers) {
      table.addCell(cell(new Phrase(header, BOLD), HEADER));
    }
    return table;
  }

  private static PdfPCell cell(Phrase content, Color background) {
    PdfPCell cell = new PdfPCell(content);
    cell.setPadding(4);
    if (background != null) {
      cell.setBackgroundColor(background);
    }
    return cell;
  }

  private static String missing(ItemRecord item) {
    return item.missingAccessories().isEmpty() ? "aucun" : String.join(", ", item.missingAccessories());
  }

  private static String dateTime(OffsetDateTime at) {
    return ParisTime.formatDateTime(at.atZoneSameInstant(ParisTime.ZONE));
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
