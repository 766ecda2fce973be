package fr.manche.tna.signature;

import fr.manche.tna.platform.security.StaffGroup;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A kind of document signed through the process {@code DocumentSignature} (a Spring bean per {@link
 * DocumentType}): it says what the document is, who signs it, and how its PDF looks. A new kind of document
 * (an inspection report, a committee's minutes) adds a bean; neither the process nor this package changes.
 */
public interface SignableDocument {

  DocumentType type();

  Signing signing(long documentId);

  /** The PDF, showing the signatures given so far (none for the draft). */
  byte[] render(long documentId, List<Signature> signatures);

  /**
   * The parties who sign, each in their own task: both by default (R02, R04); a document the member only
   * acknowledges names {@link Party#MEMBRE} alone, one the département alone signs {@link Party#DEPARTEMENT}.
   */
  default Set<Party> parties() {
    return EnumSet.allOf(Party.class);
  }

  /** The staff group whose members sign for the département (the task's candidate group). */
  default StaffGroup departmentSignatories() {
    return StaffGroup.SIGNATORIES;
  }
}
