package fr.manche.tna.handover.process;

import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;
import java.util.Map;

/**
 * The process {@code LoanReport} (bpmn/handover/LoanReport.bpmn), R24: started when a loan's return handover is done;
 * the member is asked by mail to file the loan's report in Tasklist (actions and audiences by type and number, the
 * audience's appreciation) and reminded after {@value #REMINDER_DAYS} days if they have not. Started with
 * {@link #LOAN_REQUEST_ID}, {@link CommonVariables#ORGANISATION_ID} and {@link CommonVariables#MEMBER_GROUP_ID}.
 */
public final class LoanReportProcess {

  public static final String KEY = "LoanReport";

  /** The reminder goes this many days after the return, at 9:00 Paris; the task is due then. */
  public static final int REMINDER_DAYS = 7;

  public static final ProcessVariable<Long> LOAN_REQUEST_ID = ProcessVariable.ofLong("loanRequestId");
  /** Set at the start: when the reminder goes. */
  public static final ProcessVariable<Instant> REMINDER_AT = ProcessVariable.ofInstant("loanReportReminderAt");

  /** Fields of the member's form « Rédiger le compte rendu du prêt »: one number per category. */
  public static final Map<ReportCategory, ProcessVariable<String>> NUMBER_FIELDS = Map.of(
      ReportCategory.SEANCE, ProcessVariable.ofString("reportSessions"),
      ReportCategory.ATELIER, ProcessVariable.ofString("reportWorkshops"),
      ReportCategory.MISE_A_DISPOSITION, ProcessVariable.ofString("reportProvisions"),
      ReportCategory.EVENEMENT, ProcessVariable.ofString("reportEvents"),
      ReportCategory.SCOLAIRES, ProcessVariable.ofString("reportSchoolPupils"),
      ReportCategory.DEMANDEURS_EMPLOI, ProcessVariable.ofString("reportJobSeekers"),
      ReportCategory.ENSEIGNANTS, ProcessVariable.ofString("reportTeachers"),
      ReportCategory.SENIORS, ProcessVariable.ofString("reportSeniors"),
      ReportCategory.TOUT_PUBLIC, ProcessVariable.ofString("reportGeneralPublic"),
      ReportCategory.AUTRE, ProcessVariable.ofString("reportOtherPublics"));
  public static final ProcessVariable<String> APPRECIATION = ProcessVariable.ofString("audienceAppreciation");
  public static final ProcessVariable<String> COMMENTS = ProcessVariable.ofString("reportComments");

  public static final String FILE_TASK = "UserTask_FileLoanReport";
  public static final String REMINDER_EVENT = "BoundaryEvent_Reminder";

  private LoanReportProcess() {}
}
