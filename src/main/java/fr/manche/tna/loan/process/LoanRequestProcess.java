package fr.manche.tna.loan.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import java.time.Instant;
import java.util.List;

/**
 * The process {@code LoanRequest} (bpmn/loan/LoanRequest.bpmn), R08-R11, R14: a member asks to borrow over a period,
 * chooses among the items free over it, the equipment managers (up to 30 days) or the département (beyond) approve,
 * refuse or offer something else; the approved loan is picked up and returned at booked handovers (process
 * {@code Handover}), reminded, followed up when late, extended or cancelled.
 * Also uses {@link CommonVariables#ORGANISATION_ID}, {@link CommonVariables#MEMBER_GROUP_ID} (set when a member
 * starts it), {@link CommonVariables#ORGANISATION_NAME} (shown on the forms) and {@link CommonVariables#REVIEWER}.
 */
public final class LoanRequestProcess {

  public static final String KEY = "LoanRequest";

  /** Fields of the start form (checked on the server). */
  public static final ProcessVariable<String> ACTIVITIES = ProcessVariable.ofString("activities");
  public static final ProcessVariable<String> EXPECTED_AUDIENCE = ProcessVariable.ofString("expectedAudience");
  public static final ProcessVariable<String> FIRST_DAY = ProcessVariable.ofString("firstDay");
  public static final ProcessVariable<String> LAST_DAY = ProcessVariable.ofString("lastDay");
  public static final ProcessVariable<String> LONGER_NEED_REASON = ProcessVariable.ofString("longerNeedReason");

  /** Fields of the form « Choisir le matériel »; the options and what the form shows are set when the task is created. */
  public static final ProcessVariable<String> MEMBER_CHOICE = ProcessVariable.ofString("memberChoice");
  public static final ProcessVariable<List<String>> CHOSEN_ITEMS = ProcessVariable.ofTexts("chosenItems");
  public static final ProcessVariable<String> NEW_FIRST_DAY = ProcessVariable.ofString("newFirstDay");
  public static final ProcessVariable<String> NEW_LAST_DAY = ProcessVariable.ofString("newLastDay");
  public static final ProcessVariable<String> NEW_LONGER_NEED_REASON = ProcessVariable.ofString("newLongerNeedReason");
  public static final ProcessVariable<List<String>> CHOSEN_TYPES = ProcessVariable.ofTexts("chosenTypes");
  public static final String FREE_ITEM_OPTIONS = "freeItemOptions";
  public static final String FREE_TYPE_OPTIONS = "freeTypeOptions";
  public static final ProcessVariable<String> FREE_ITEMS_SUMMARY = ProcessVariable.ofString("freeItemsSummary");
  public static final ProcessVariable<String> REQUESTED_PERIOD = ProcessVariable.ofString("requestedPeriod");
  public static final ProcessVariable<String> REVIEWER_PROPOSAL = ProcessVariable.ofString("reviewerProposal");

  /** Fields of the approval forms; {@code requestedItems} is filled in when the task is created. */
  public static final ProcessVariable<String> REQUESTED_ITEMS = ProcessVariable.ofString("requestedItems");
  public static final ProcessVariable<String> LOAN_DECISION = ProcessVariable.ofString("loanDecision");
  public static final ProcessVariable<String> LOAN_DECISION_REASON = ProcessVariable.ofString("loanDecisionReason");

  /** Fields of the follow-up form. */
  public static final ProcessVariable<String> FOLLOW_UP_NOTES = ProcessVariable.ofString("followUpNotes");
  public static final ProcessVariable<String> ORGANISATION_CONTACT = ProcessVariable.ofString("organisationContact");

  /** Set by the process. */
  public static final ProcessVariable<Long> LOAN_REQUEST_ID = ProcessVariable.ofLong("loanRequestId");
  public static final ProcessVariable<Boolean> LONG_LOAN = ProcessVariable.ofBoolean("longLoan");
  public static final ProcessVariable<LoanStep> LOAN_STEP = ProcessVariable.ofEnum("loanStep", LoanStep.class);
  public static final ProcessVariable<Instant> FIRST_DAY_REMINDER_AT = ProcessVariable.ofInstant("firstDayReminderAt");
  public static final ProcessVariable<Instant> LAST_DAY_REMINDER_AT = ProcessVariable.ofInstant("lastDayReminderAt");
  public static final ProcessVariable<Instant> OVERDUE_REMINDER_AT = ProcessVariable.ofInstant("overdueReminderAt");
  public static final ProcessVariable<Instant> FOLLOW_UP_AT = ProcessVariable.ofInstant("followUpAt");
  public static final ProcessVariable<Boolean> FIRST_DAY_REMINDED = ProcessVariable.ofBoolean("firstDayReminded");
  public static final ProcessVariable<Boolean> PICKED_UP = ProcessVariable.ofBoolean("loanPickedUp");

  public static final String CHOOSE_TASK = "UserTask_ChooseItems";
  public static final String APPROVE_TASK = "UserTask_ApproveLoanRequest";
  public static final String EXAMINE_LONG_TASK = "UserTask_ExamineLongLoanRequest";
  /** The handovers (process {@code Handover}, R12): the pickup, then the return, which closes the loan. */
  public static final String PICKUP_CALL = "CallActivity_Pickup";
  public static final String RETURN_CALL = "CallActivity_Return";
  public static final String FOLLOW_UP_TASK = "UserTask_FollowUpOverdue";
  public static final String NOTIFY_APPROVED = "ServiceTask_NotifyLoanApproved";
  public static final String NOTIFY_REFUSED = "ServiceTask_NotifyLoanRefused";
  public static final String END_CLOSED = "EndEvent_LoanClosed";
  public static final String END_REFUSED = "EndEvent_LoanRefused";
  public static final String END_ABANDONED = "EndEvent_Abandoned";
  public static final String END_REQUEST_CANCELLED = "EndEvent_RequestCancelled";
  public static final String END_LOAN_CANCELLED = "EndEvent_LoanCancelled";
  public static final String END_PREEMPTED = "EndEvent_Preempted";

  /** Where the request goes after a person's step: what the gateways read. */
  public enum LoanStep { ITEMS_CHOSEN, PERIOD_CHANGED, ABANDONED, APPROVED, PROPOSED, REFUSED }

  private LoanRequestProcess() {}
}
