package fr.manche.tna.test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text of a PDF, as a reader would copy it (whitespace collapsed), to check what a document says. */
public final class PdfText {

  private PdfText() {}

  public static String of(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString().replaceAll("\\s+", " ");
      } finally {
        reader.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
