package fr.manche.tna.convention.termination.process;

import fr.manche.tna.convention.termination.FormalNoticeStatus;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;

/**
 * The process {@code ConventionTermination} (bpmn/convention/ConventionTermination.bpmn), R07 (article 8):
 * staff record a formal notice sent to a member, then its acknowledgement of receipt; during the thirty days
 * that follow, they may note that the failure is remedied; afterwards they decide: terminate wholly, terminate
 * the loan of equipment only, or note the remedy. Also uses
 * {@link fr.manche.tna.convention.ConventionVariables#CONVENTION_ID} and {@link CommonVariables#ORGANISATION_NAME},
 * set when the notice is recorded.
 */
public final class ConventionTerminationProcess {

  public static final String KEY = "ConventionTermination";

  /** Fields of the start form {@code ConventionTerminationStart} (checked on the server). */
  public static final class StartForm {
    public static final ProcessVariable<String> SIRET = CommonVariables.SIRET;
    public static final ProcessVariable<String> FAILURE = ProcessVariable.ofString("failure");
    public static final ProcessVariable<String> LETTER_REFERENCE = ProcessVariable.ofString("letterReference");
    public static final ProcessVariable<String> SENT_ON = ProcessVariable.ofString("sentOn");

    private StartForm() {}
  }

  /** Field of the form {@code ConventionTerminationAcknowledgement}. */
  public static final ProcessVariable<String> ACKNOWLEDGED_ON = ProcessVariable.ofString("acknowledgedOn");

  /** Fields of the form {@code ConventionTerminationRemedy}. */
  public static final ProcessVariable<Boolean> REMEDIED = ProcessVariable.ofBoolean("remedied");
  public static final ProcessVariable<String> REMEDY_COMMENT = ProcessVariable.ofString("remedyComment");

  /** Fields of the form {@code ConventionTerminationDecision}. */
  public static final ProcessVariable<String> DECISION = ProcessVariable.ofString("decision");
  public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.ofString("decisionReason");

  /** Set by the process. */
  public static final ProcessVariable<Long> NOTICE_ID = ProcessVariable.ofLong("noticeId");
  /** R07: when the thirty days are over, the timer's date. */
  public static final ProcessVariable<Instant> TERMINATION_POSSIBLE_AT = ProcessVariable.ofInstant("terminationPossibleAt");
  /** The same day in French words, shown in the forms. */
  public static final ProcessVariable<String> TERMINATION_POSSIBLE_ON = ProcessVariable.ofString("terminationPossibleOn");
  /** The notice's outcome once decided, read by the gateway ({@code ${noticeOutcome == 'CLASSEE'}}). */
  public static final ProcessVariable<FormalNoticeStatus> OUTCOME = ProcessVariable.ofEnum("noticeOutcome", FormalNoticeStatus.class);

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
