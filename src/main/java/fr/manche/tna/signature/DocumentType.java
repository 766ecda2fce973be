package fr.manche.tna.signature;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A kind of document signed or acknowledged in the application, open to every capability: each {@link
 * SignableDocument} bean declares its own (the convention's {@code CONVENTION}, the amendment's {@code AVENANT};
 * later an inspection report or a committee's minutes). The name is stored with the signatures and the archived
 * PDFs, passed to the process {@code DocumentSignature} as {@code documentType}, and written in lower case in
 * the document's address ({@code /documents/convention/12}).
 */
public record DocumentType(String name) {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]{1,39}");

  public DocumentType {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A document type is named in capitals, e.g. CONVENTION: " + name);
    }
  }

  /** The name in the document's address, e.g. {@code convention}. */
  public String pathName() {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
