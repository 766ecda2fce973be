package fr.manche.tna.convention.amendment.process;

/**
 * The process {@code ConventionAmendment} (bpmn/convention/ConventionAmendment.bpmn), R04-R06: either party
 * asks for an amendment; a request received too late is refused and a renewal suggested (R05); in time, the
 * network referent accepts or refuses it; accepted, it is numbered, signed by both parties
 * ({@code DocumentSignature}) and takes effect (R06); the signed PDF goes to both parties.
 */
public final class ConventionAmendmentProcess {

  public static final String KEY = "ConventionAmendment";

  /** Fields of the start form {@code ConventionAmendmentStart} (strings, checked on the server). */
  public static final class StartForm {
    public static final String OBJECT = "amendmentObject";
    public static final String CONTENT = "amendmentContent";
    /** Optional, {@code JJ/MM/AAAA}: the later date from which the amendment takes effect (R06). */
    public static final String NAMED_EFFECTIVE_DATE = "namedEffectiveDate";
    /** Staff only: the organisation concerned. Ignored for a member, whose own organisation is used. */
    public static final String SIRET = "siret";

    private StartForm() {}
  }

  /** Fields of the review form {@code ConventionAmendmentReview} (also shows the start form's fields). */
  public static final class ReviewForm {
    public static final String DECISION = "decision";
    public static final String DECISION_REASON = "decisionReason";

    private ReviewForm() {}
  }

  /** Set by the process. */
  public static final String ORGANISATION_ID = "organisationId";
  public static final String MEMBER_GROUP_ID = "memberGroupId";
  public static final String ORGANISATION_NAME = "organisationName";
  public static final String CONVENTION_ID = "conventionId";
  public static final String AMENDMENT_ID = "amendmentId";
  /** R05: whether the request arrived in time (Boolean). */
  public static final String IN_TIME = "amendmentInTime";
  /** The referent's decision (Boolean). */
  public static final String ACCEPTED = "amendmentAccepted";
  public static final String REVIEWER = "reviewer";

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
