package fr.manche.tna.convention.amendment;

import fr.manche.tna.signature.DocumentType;
import fr.manche.tna.signature.Party;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An amendment to a convention (R04), from its request on.
 *
 * @param number its number within the convention (1, 2, ...), once accepted; null before
 * @param requestedByParty the party that asked for it
 * @param requestedBy login of the person who filed the request
 * @param receivedOn the Paris day the département received the request (R05)
 * @param namedEffectiveDate the later date the amendment names for taking effect, or null (R06)
 * @param effectiveDate the day it takes effect (R06), once signed by both parties
 */
public record Amendment(
    long id,
    long conventionId,
    String processInstanceId,
    Integer number,
    AmendmentStatus status,
    Party requestedByParty,
    String requestedBy,
    LocalDate receivedOn,
    String object,
    String content,
    LocalDate namedEffectiveDate,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionReason,
    LocalDate effectiveDate) {

  /** An amendment as a document both parties sign (R04). */
  public static final DocumentType DOCUMENT_TYPE = new DocumentType("AVENANT");
  /** R05: whether the request reached the département in time (a late one is refused at once). */
  public boolean receivedInTime() {
    return status != AmendmentStatus.REFUSEE_HORS_DELAI;
  }

  /** "Avenant n° 2" */
  public String title() {
    return "Avenant n° " + number;
  }
}
