package fr.manche.tna.signature;

/** A PDF as it was sent: the draft to sign (PROJET) or the signed document (SIGNE). */
public record ArchivedDocument(DocumentType type, long documentId, String version, String fileName, byte[] content) {

  public static final String DRAFT = "PROJET";
  public static final String SIGNED = "SIGNE";
}
