package fr.manche.tna.convention.termination.process;

/**
 * The process {@code ConventionTermination} (bpmn/convention/ConventionTermination.bpmn), R07 (article 8):
 * staff record a formal notice sent to a member, then its acknowledgement of receipt; during the thirty days
 * that follow, they may note that the failure is remedied; afterwards they decide: terminate wholly, terminate
 * the loan of equipment only, or note the remedy.
 */
public final class ConventionTerminationProcess {

  public static final String KEY = "ConventionTermination";

  /** Variables of the start form {@code ConventionTerminationStart} (strings, checked on the server). */
  public static final class StartForm {
    public static final String SIRET = "siret";
    public static final String FAILURE = "failure";
    public static final String LETTER_REFERENCE = "letterReference";
    public static final String SENT_ON = "sentOn";

    private StartForm() {}
  }

  /** Variable of the form {@code ConventionTerminationAcknowledgement}. */
  public static final String ACKNOWLEDGED_ON = "acknowledgedOn";

  /** Variables of the form {@code ConventionTerminationRemedy}. */
  public static final String REMEDIED = "remedied";
  public static final String REMEDY_COMMENT = "remedyComment";

  /** Variables of the form {@code ConventionTerminationDecision}. */
  public static final String DECISION = "decision";
  public static final String DECISION_REASON = "decisionReason";

  /** Set by the process. */
  public static final String NOTICE_ID = "noticeId";
  public static final String CONVENTION_ID = "conventionId";
  /** Shown in the forms: the organisation's name. */
  public static final String ORGANISATION_NAME = "organisationName";
  /** R07: when the thirty days are over, the timer's date (java.util.Date). */
  public static final String TERMINATION_POSSIBLE_AT = "terminationPossibleAt";
  /** The same day in French words, shown in the forms. */
  public static final String TERMINATION_POSSIBLE_ON = "terminationPossibleOn";
  /** The notice's outcome once decided: a {@code FormalNoticeStatus} name, read by the gateway. */
  public static final String OUTCOME = "noticeOutcome";

  public static final String RECORD_NOTICE = "ServiceTask_RecordFormalNotice";
  public static final String NOTIFY_NOTICE = "ServiceTask_NotifyFormalNotice";
  public static final String ACKNOWLEDGEMENT_TASK = "UserTask_RecordAcknowledgement";
  public static final String REMEDY_TASK = "UserTask_RecordRemedy";
  public static final String NOTICE_PERIOD_OVER = "BoundaryEvent_NoticePeriodOver";
  public static final String NOTIFY_PERIOD_OVER = "ServiceTask_NotifyNoticePeriodOver";
  public static final String DECISION_TASK = "UserTask_DecideTermination";
  public static final String END_CONVENTION_LIFE = "ServiceTask_EndConventionLife";
  public static final String NOTIFY_REMEDIED = "ServiceTask_NotifyRemedied";
  public static final String NOTIFY_TERMINATION_TO_MEMBER = "ServiceTask_NotifyTerminationToMember";
  public static final String NOTIFY_TERMINATION_TO_STAFF = "ServiceTask_NotifyTerminationToStaff";

  public static String businessKey(long noticeId) {
    return "mise-en-demeure-" + noticeId;
  }

  private ConventionTerminationProcess() {}
}
