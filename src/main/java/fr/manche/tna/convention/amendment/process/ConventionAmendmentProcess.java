package fr.manche.tna.convention.amendment.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code ConventionAmendment} (bpmn/convention/ConventionAmendment.bpmn), R04-R06: either party
 * asks for an amendment; a request received too late is refused and a renewal suggested (R05); in time, the
 * network referent accepts or refuses it; accepted, it is numbered, signed by both parties
 * ({@code DocumentSignature}) and takes effect (R06); the signed PDF goes to both parties. Also uses
 * {@link CommonVariables#ORGANISATION_ID}, {@link CommonVariables#MEMBER_GROUP_ID},
 * {@link CommonVariables#ORGANISATION_NAME}, {@link fr.manche.tna.convention.ConventionVariables#CONVENTION_ID}
 * (set when it starts) and {@link CommonVariables#REVIEWER}.
 */
public final class ConventionAmendmentProcess {

  public static final String KEY = "ConventionAmendment";

  /** Fields of the start form {@code ConventionAmendmentStart} (strings, checked on the server). */
  public static final class StartForm {
    public static final ProcessVariable<String> OBJECT = ProcessVariable.ofString("amendmentObject");
    public static final ProcessVariable<String> CONTENT = ProcessVariable.ofString("amendmentContent");
    /** Optional, {@code JJ/MM/AAAA}: the later date from which the amendment takes effect (R06). */
    public static final ProcessVariable<String> NAMED_EFFECTIVE_DATE = ProcessVariable.ofString("namedEffectiveDate");
    /** Staff only: the organisation concerned. Ignored for a member, whose own organisation is used. */
    public static final ProcessVariable<String> SIRET = CommonVariables.SIRET;

    private StartForm() {}
  }

  /** Fields of the review form {@code ConventionAmendmentReview} (also shows the start form's fields). */
  public static final class ReviewForm {
    public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("decision");
    public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.ofString("decisionReason");

    private ReviewForm() {}
  }

  /** Set by the process. */
  public static final ProcessVariable<Long> AMENDMENT_ID = ProcessVariable.ofLong("amendmentId");
  /** R05: whether the request arrived in time. */
  public static final ProcessVariable<Boolean> IN_TIME = ProcessVariable.ofBoolean("amendmentInTime");
  /** The referent's decision. */
  public static final ProcessVariable<Boolean> ACCEPTED = ProcessVariable.ofBoolean("amendmentAccepted");

  public static final String NOTIFY_LATE = "ServiceTask_NotifyLateRequest";
  public static final String NOTIFY_REFERENTS = "ServiceTask_NotifyReferents";
  public static final String REVIEW_TASK = "UserTask_ReviewAmendment";
  public static final String NOTIFY_REFUSED = "ServiceTask_NotifyRefusal";
  public static final String SIGN = "CallActivity_SignAmendment";
  public static final String APPLY = "ServiceTask_ApplyAmendment";
  public static final String NOTIFY_SIGNED = "ServiceTask_NotifyAmendmentSigned";
  public static final String END_LATE = "EndEvent_RequestTooLate";
  public static final String END_REFUSED = "EndEvent_AmendmentRefused";
  public static final String END_SIGNED = "EndEvent_AmendmentSigned";

  public static String businessKey(long amendmentId) {
    return "avenant-" + amendmentId;
  }

  private ConventionAmendmentProcess() {}
}
