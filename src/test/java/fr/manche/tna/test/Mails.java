package fr.manche.tna.test;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads received mails in tests: parts, recipients, subject. */
public final class Mails {

  private Mails() {}

  /** The mails received by this address (one per mail sent, whoever else it went to). */
  public static List<MimeMessage> to(String address) {
    return TestMailServer.inbox(address);
  }

  public static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The content of the first part of the given MIME type (e.g. text/plain, text/html, text/calendar). */
  public static String part(MimeMessage mail, String mimeType) {
    List<Part> parts = new ArrayList<>();
    collect(mail, parts);
    return parts.stream()
        .filter(part -> isType(part, mimeType))
        .findFirst()
        .map(Mails::content)
        .orElseThrow(() -> new AssertionError("No " + mimeType + " part in " + subject(mail)));
  }

  public static List<String> attachmentNames(MimeMessage mail) {
    List<Part> parts = new ArrayList<>();
    collect(mail, parts);
    return parts.stream().map(Mails::fileName).filter(name -> name != null).toList();
  }

  /** The text of the mail's first PDF attachment. */
  public static String pdfText(MimeMessage mail) {
    List<Part> parts = new ArrayList<>();
    collect(mail, parts);
    Part pdf = parts.stream().filter(part -> isType(part, "application/pdf")).findFirst()
        .orElseThrow(() -> new AssertionError("No PDF attached to " + subject(mail)));
    try (java.io.InputStream in = pdf.getInputStream()) {
      return PdfText.of(in.readAllBytes());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(Part part, List<Part> parts) {
    try {
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, parts);
        }
      } else {
        parts.add(part);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isType(Part part, String mimeType) {
    try {
      return part.isMimeType(mimeType);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fileName(Part part) {
    try {
      return part.getFileName();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String content(Part part) {
    try {
      Object content = part.getContent();
      if (content instanceof String text) {
        return text;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      part.getInputStream().transferTo(out);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
