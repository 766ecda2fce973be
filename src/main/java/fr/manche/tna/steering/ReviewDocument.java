package fr.manche.tna.steering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.signature.PdfLayout;
import fr.manche.tna.steering.Reviews.Review;
import java.io.ByteArrayOutputStream;

/** The year-end review's summary (R23), sent to the member as a PDF: the self-assessment, the results, the plans. */
public final class ReviewDocument {

  private ReviewDocument() {}

  public static byte[] pdf(Review review, String yearSummary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      PdfLayout.title(document, "Entretien annuel " + review.year() + " — " + review.organisationName());
      PdfLayout.paragraph(document, "Réseau des territoires numériques apprenants, Département de la Manche (article 7 de la"
          + " convention : un entretien bilatéral en fin d'année, sur les résultats de l'année et les projets de l'année"
          + " suivante).");
      if (review.interviewAt() != null) {
        PdfLayout.paragraph(document, "Entretien du " + ParisTime.formatDateTime(review.interviewAt())
            + (review.interviewPlace() == null ? "" : ", " + review.interviewPlace()) + ".");
      }
      PdfLayout.heading(document, "Le bilan de la structure");
      for (var commitment : Reviews.COMMITMENTS.entrySet()) {
        Reviews.Kept kept = review.commitments().get(commitment.getKey());
        PdfLayout.paragraph(document, commitment.getValue() + " : " + (kept == null ? "non renseigné" : kept.label()) + ".");
      }
      if (review.workshops() != null) {
        PdfLayout.paragraph(document, "Ateliers tenus dans l'année : " + review.workshops() + ".");
      }
      if (review.people() != null) {
        PdfLayout.paragraph(document, "Personnes accueillies dans l'année : " + review.people() + ".");
      }
      if (yearSummary != null && !yearSummary.isBlank()) {
        PdfLayout.paragraph(document, "D'après les comptes rendus de prêt : " + yearSummary);
      }
      if (review.highlights() != null) {
        PdfLayout.paragraph(document, "Temps forts : " + review.highlights());
      }
      if (review.difficulties() != null) {
        PdfLayout.paragraph(document, "Difficultés : " + review.difficulties());
      }
      PdfLayout.heading(document, "Résultats de l'année");
      PdfLayout.paragraph(document, review.results() == null ? "" : review.results());
      PdfLayout.heading(document, "Projets pour l'année prochaine");
      PdfLayout.paragraph(document, review.plans() == null ? "" : review.plans());
      if (Boolean.TRUE.equals(review.renewalProposed())) {
        PdfLayout.paragraph(document, "Le renouvellement de la convention est proposé : la proposition vous est envoyée"
            + " séparément.");
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The review's summary cannot be written", e);
    }
    return out.toByteArray();
  }
}
