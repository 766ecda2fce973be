package fr.manche.tna.communication.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;

/**
 * The process {@code JointReport} (bpmn/communication/JointReport.bpmn), R22: started when the referent agrees a
 * communication request (R21); the day after the planned diffusion, at 9:00 Paris, the member is asked by mail to
 * report on the operation in Tasklist (what was done, people reached, publications or diffusions, partners, the
 * audience's appreciation), reminded {@value #REMINDER_DAYS} days later if they have not; the report goes by mail to
 * the network referent. Started with {@link CommunicationRequestProcess#REQUEST_ID},
 * {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID}.
 */
public final class JointReportProcess {

  public static final String KEY = "JointReport";

  /** The reminder goes this many days after the member is asked, at 9:00 Paris; the task is due then. */
  public static final int REMINDER_DAYS = 14;

  /** Set at the start: when the member is asked (the day after the diffusion, 9:00 Paris), and when reminded. */
  public static final ProcessVariable<Instant> ASK_AT = ProcessVariable.ofInstant("jointReportAskAt");
  public static final ProcessVariable<Instant> REMINDER_AT = ProcessVariable.ofInstant("jointReportReminderAt");

  /** Shown read-only on the member's form: the operation, its diffusion and its media. */
  public static final ProcessVariable<String> OPERATION = ProcessVariable.ofString("jointOperation");

  /** Fields of the member's form « Rendre compte de l'opération de communication » (checked on the server). */
  public static final ProcessVariable<String> WHAT_WAS_DONE = ProcessVariable.ofString("jointWhatWasDone");
  public static final ProcessVariable<String> PEOPLE_REACHED = ProcessVariable.ofString("jointPeopleReached");
  public static final ProcessVariable<String> DIFFUSIONS = ProcessVariable.ofString("jointDiffusions");
  public static final ProcessVariable<String> PARTNERS = ProcessVariable.ofString("jointPartners");
  public static final ProcessVariable<String> APPRECIATION = ProcessVariable.ofString("jointAppreciation");
  public static final ProcessVariable<String> COMMENTS = ProcessVariable.ofString("jointComments");

  public static final String WAIT_EVENT = "IntermediateEvent_DayAfterDiffusion";
  public static final String REQUEST_REPORT = "ServiceTask_RequestReport";
  public static final String FILE_TASK = "UserTask_FileJointReport";
  public static final String REMINDER_EVENT = "BoundaryEvent_Reminder";
  public static final String REMIND_REPORT = "ServiceTask_RemindReport";
  public static final String NOTIFY_REFERENT = "ServiceTask_NotifyReferent";

  private JointReportProcess() {}
}
