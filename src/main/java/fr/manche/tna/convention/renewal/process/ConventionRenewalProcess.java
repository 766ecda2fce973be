package fr.manche.tna.convention.renewal.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;

/**
 * The process {@code ConventionRenewal} (bpmn/convention/ConventionRenewal.bpmn), R03: staff propose the
 * renewal of a convention in force, the member accepts (naming its signatory) or declines before the
 * convention's end; an accepted renewal starts the new convention's life (process {@code Convention}:
 * signature, then entry into force right after the current one, R02). Also uses
 * {@link CommonVariables#ORGANISATION_ID}, {@link CommonVariables#MEMBER_GROUP_ID} and
 * {@link CommonVariables#ORGANISATION_NAME}, set when the proposal is recorded.
 */
public final class ConventionRenewalProcess {

  public static final String KEY = "ConventionRenewal";

  /** Fields of the start form {@code ConventionRenewalStart} (checked on the server). */
  public static final ProcessVariable<String> SIRET = CommonVariables.SIRET;
  public static final ProcessVariable<String> PROPOSAL_MESSAGE = ProcessVariable.ofString("proposalMessage");

  /** Set when the proposal is recorded. */
  public static final ProcessVariable<Long> RENEWAL_ID = ProcessVariable.ofLong("renewalId");
  /** The convention in force that is to be renewed (not the new one). */
  public static final ProcessVariable<Long> RENEWED_CONVENTION_ID = ProcessVariable.ofLong("renewedConventionId");
  /** The current convention's last day in force, in French words, shown on the answer form. */
  public static final ProcessVariable<String> CURRENT_LAST_DAY = ProcessVariable.ofString("currentLastDay");
  /** When the proposal lapses without an answer (the timer's date): the day after the last day, 00:00 Paris. */
  public static final ProcessVariable<Instant> EXPIRES_AT = ProcessVariable.ofInstant("proposalExpiresAt");

  /** Fields of the answer form; the signatory fields are prefilled with the current convention's signatory. */
  public static final ProcessVariable<String> ANSWER = ProcessVariable.ofString("answer");
  public static final ProcessVariable<String> SIGNATORY_NAME = ProcessVariable.ofString("signatoryName");
  public static final ProcessVariable<String> SIGNATORY_ROLE = ProcessVariable.ofString("signatoryRole");
  public static final ProcessVariable<String> SIGNATORY_EMAIL = ProcessVariable.ofString("signatoryEmail");
  public static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.ofString("declineReason");

  /** Set when the member answers. */
  public static final ProcessVariable<Boolean> RENEWAL_ACCEPTED = ProcessVariable.ofBoolean("renewalAccepted");
  public static final ProcessVariable<String> ANSWERED_BY = ProcessVariable.ofString("answeredBy");
  /**
   * The renewed convention, created when the member accepts; the call of its life passes it on as
   * {@link fr.manche.tna.convention.ConventionVariables#CONVENTION_ID}.
   */
  public static final ProcessVariable<Long> NEW_CONVENTION_ID = ProcessVariable.ofLong("newConventionId");

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
