package fr.manche.tna.steering.process;

import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;
import java.util.List;

/**
 * The process {@code NetworkCommittee} (bpmn/steering/NetworkCommittee.bpmn), R23: the mid-year committee, started by
 * the calendar ({@link #CYCLE_ID} given) or by a referent (start form: {@link #YEAR}).
 */
public final class NetworkCommitteeProcess {

  public static final String KEY = "NetworkCommittee";

  public static final ProcessVariable<Long> CYCLE_ID = ProcessVariable.ofLong("cycleId");
  public static final ProcessVariable<String> YEAR = ProcessVariable.ofString("committeeYear");

  /** Fields of « Préparer le comité du réseau ». */
  public static final ProcessVariable<String> MEETING_DATE = ProcessVariable.ofString("meetingDate");
  public static final ProcessVariable<String> MEETING_TIME = ProcessVariable.ofString("meetingTime");
  public static final ProcessVariable<String> MEETING_PLACE = ProcessVariable.ofString("meetingPlace");
  public static final ProcessVariable<String> AGENDA = ProcessVariable.ofString("agenda");
  public static final ProcessVariable<String> PROPOSALS_DEADLINE = ProcessVariable.ofString("proposalsDeadline");

  /** Fields of « Enregistrer le compte rendu du comité ». */
  public static final ProcessVariable<String> SUMMARY = ProcessVariable.ofString("committeeSummary");
  public static final ProcessVariable<List<String>> ATTENDANCE = ProcessVariable.ofTexts("attendance");
  public static final String INVITED_OPTIONS = "invitedOptions";
  public static final ProcessVariable<String> MINUTES = ProcessVariable.ofString("minutes");
  public static final ProcessVariable<String> DECISIONS = ProcessVariable.ofString("decisions");

  /** Set by the process: the timers. */
  public static final ProcessVariable<Instant> PROPOSALS_CLOSED_AT = ProcessVariable.ofInstant("proposalsClosedAt");
  public static final ProcessVariable<Instant> MEETING_AT = ProcessVariable.ofInstant("meetingAt");

  public static final String PREPARE_TASK = "UserTask_PrepareCommittee";
  public static final String RECORD_TASK = "UserTask_RecordCommittee";

  private NetworkCommitteeProcess() {}
}
