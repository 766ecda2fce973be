package fr.manche.tna.convention;

import fr.manche.tna.signature.DocumentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A convention between the département and one organisation, from its application on.
 *
 * @param predecessorId the convention this one renews (R03), or null
 * @param effectiveDate first day in force (R02), once both parties have signed
 * @param lastDay last day in force (R02)
 * @param endedOn the day it ended early (termination) or its last day once passed
 * @param terminationScope {@link TerminationScope} name once terminated (R07), else null
 */
public record Convention(
    long id,
    long organisationId,
    ConventionStatus status,
    String processInstanceId,
    OffsetDateTime appliedAt,
    OffsetDateTime decidedAt,
    String decidedBy,
    String decisionReason,
    OffsetDateTime welcomeMeetingAt,
    String memberSignatoryName,
    String memberSignatoryRole,
    String memberSignatoryEmail,
    Long predecessorId,
    LocalDate effectiveDate,
    LocalDate lastDay,
    LocalDate endedOn,
    TerminationScope terminationScope) {

  /** A convention as a document both parties sign (R02). */
  public static final DocumentType DOCUMENT_TYPE = new DocumentType("CONVENTION");

  /** R08: whether the member may borrow under this convention on that day. */
  public boolean allowsLoansOn(LocalDate day) {
    return status == ConventionStatus.SIGNEE
        && terminationScope == null
        && effectiveDate != null
        && !day.isBefore(effectiveDate)
        && !day.isAfter(lastDay);
  }

  /** Who hears about the convention on the member's side: the organisation's referent contact and its signatory. */
  public java.util.List<String> memberEmails(fr.manche.tna.membership.Organisation organisation) {
    java.util.List<String> recipients = new java.util.ArrayList<>();
    recipients.add(organisation.contactEmail());
    if (memberSignatoryEmail != null) {
      recipients.add(memberSignatoryEmail);
    }
    return recipients;
  }

  /** "Jean Dupuis, maire" */
  public String memberSignatory() {
    return memberSignatoryName + ", " + memberSignatoryRole;
  }
}
