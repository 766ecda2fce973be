package fr.manche.tna.convention.renewal.process;

/**
 * The process {@code ConventionRenewal} (bpmn/convention/ConventionRenewal.bpmn), R03: staff propose the
 * renewal of a convention in force, the member accepts (naming its signatory) or declines before the
 * convention's end; an accepted renewal starts the new convention's life (process {@code Convention}:
 * signature, then entry into force right after the current one, R02).
 */
public final class ConventionRenewalProcess {

  public static final String KEY = "ConventionRenewal";

  /** Variables of the start form (strings). */
  public static final String SIRET = "siret";
  public static final String PROPOSAL_MESSAGE = "proposalMessage";

  /** Set when the proposal is recorded. */
  public static final String RENEWAL_ID = "renewalId";
  /** The convention in force that is to be renewed (not the new one). */
  public static final String RENEWED_CONVENTION_ID = "renewedConventionId";
  public static final String ORGANISATION_NAME = "organisationName";
  /** The current convention's last day in force, in French words, shown on the answer form. */
  public static final String CURRENT_LAST_DAY = "currentLastDay";
  /** When the proposal lapses without an answer (java.util.Date): the day after the last day, 00:00 Paris. */
  public static final String EXPIRES_AT = "proposalExpiresAt";

  /** Fields of the answer form; the signatory fields are prefilled with the current convention's signatory. */
  public static final String ANSWER = "answer";
  public static final String SIGNATORY_NAME = "signatoryName";
  public static final String SIGNATORY_ROLE = "signatoryRole";
  public static final String SIGNATORY_EMAIL = "signatoryEmail";
  public static final String DECLINE_REASON = "declineReason";

  /** Set when the member answers. */
  public static final String RENEWAL_ACCEPTED = "renewalAccepted";
  public static final String ANSWERED_BY = "answeredBy";
  /** The renewed convention, created when the member accepts (its life is started with it). */
  public static final String NEW_CONVENTION_ID = "newConventionId";

  public static final String START = "StartEvent_RenewalProposed";
  public static final String NOTIFY_MEMBER = "ServiceTask_NotifyMemberOfProposal";
  public static final String ANSWER_TASK = "UserTask_AnswerProposal";
  public static final String CONVENTION_END = "BoundaryEvent_ConventionEnd";
  public static final String OPEN_SIGNATURE = "ServiceTask_OpenSignature";
  public static final String NOTIFY_ACCEPTED = "ServiceTask_NotifyReferentsAccepted";
  public static final String NOTIFY_DECLINED = "ServiceTask_NotifyReferentsDeclined";
  public static final String NOTIFY_EXPIRED = "ServiceTask_NotifyReferentsExpired";

  public static String businessKey(long renewalId) {
    return "renouvellement-" + renewalId;
  }

  private ConventionRenewalProcess() {}
}
