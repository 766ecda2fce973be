package fr.manche.tna.loan.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;

/**
 * The process {@code LoanRequest} (bpmn/loan/LoanRequest.bpmn), R08-R10, R14: a member asks to borrow items over a
 * period; up to 30 days the equipment managers approve or refuse, beyond 30 days the département examines it in a
 * task of its own. Also uses {@link CommonVariables#ORGANISATION_ID}, {@link CommonVariables#MEMBER_GROUP_ID} (set
 * when a member starts it), {@link CommonVariables#ORGANISATION_NAME} (shown on the approval forms) and
 * {@link CommonVariables#REVIEWER}.
 */
public final class LoanRequestProcess {

  public static final String KEY = "LoanRequest";

  /** Fields of the start form (checked on the server). */
  public static final ProcessVariable<String> ACTIVITIES = ProcessVariable.ofString("activities");
  public static final ProcessVariable<String> EXPECTED_AUDIENCE = ProcessVariable.ofString("expectedAudience");
  public static final ProcessVariable<String> FIRST_DAY = ProcessVariable.ofString("firstDay");
  public static final ProcessVariable<String> LAST_DAY = ProcessVariable.ofString("lastDay");
  public static final ProcessVariable<String> INVENTORY_NUMBERS = ProcessVariable.ofString("inventoryNumbers");
  public static final ProcessVariable<String> LONGER_NEED_REASON = ProcessVariable.ofString("longerNeedReason");

  /** Fields of the approval forms; {@code requestedItems} is filled in when the task is created. */
  public static final ProcessVariable<String> REQUESTED_ITEMS = ProcessVariable.ofString("requestedItems");
  public static final ProcessVariable<String> LOAN_DECISION = ProcessVariable.ofString("loanDecision");
  public static final ProcessVariable<String> LOAN_DECISION_REASON = ProcessVariable.ofString("loanDecisionReason");

  /** Set by the process. */
  public static final ProcessVariable<Long> LOAN_REQUEST_ID = ProcessVariable.ofLong("loanRequestId");
  public static final ProcessVariable<Boolean> LONG_LOAN = ProcessVariable.ofBoolean("longLoan");
  public static final ProcessVariable<Boolean> LOAN_APPROVED = ProcessVariable.ofBoolean("loanApproved");

  public static final String APPROVE_TASK = "UserTask_ApproveLoanRequest";
  public static final String EXAMINE_LONG_TASK = "UserTask_ExamineLongLoanRequest";
  public static final String NOTIFY_APPROVED = "ServiceTask_NotifyLoanApproved";
  public static final String NOTIFY_REFUSED = "ServiceTask_NotifyLoanRefused";
  public static final String END_APPROVED = "EndEvent_LoanApproved";
  public static final String END_REFUSED = "EndEvent_LoanRefused";

  private LoanRequestProcess() {}
}
