package fr.manche.tna.signature;

import java.util.List;

/** A kind of document both parties sign (a Spring bean per {@link DocumentType}). */
public interface SignableDocument {

  DocumentType type();

  Signing signing(long documentId);

  /** The PDF, showing the signatures given so far (none for the draft). */
  byte[] render(long documentId, List<Signature> signatures);
}
