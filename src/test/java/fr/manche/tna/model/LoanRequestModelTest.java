package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LoanRequest.bpmn (R08-R11): the member chooses among the free items (or changes the period, or gives up); up to
 * 30 days the equipment managers decide, beyond the network referents; a proposal goes back to the member; the
 * member's cancellation or the département's own use end a pending request; the approved loan calls the handovers
 * (Handover, a stub here: pickup, then return) with its reminders, loops on an extension (straight to the return once
 * picked up) and ends on a cancellation (its appointments released) or the return.
 */
class LoanRequestModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/loan/LoanRequest.bpmn");

  @BeforeEach
  void clock() {
    ModelHarness.clockAt(2027, 1, 11, 10, 0);
  }

  private ProcessInstance filed() throws Exception {
    ProcessInstance request = models.start(Map.of("initiator", "julie.hamel", "memberGroupId", "membre-12"));
    verify(models.executionListenerOf("LoanRequest", "start")).notify(any(DelegateExecution.class));
    assertThat(request).isWaitingAt("UserTask_ChooseItems");
    assertThat(models.task("UserTask_ChooseItems")).hasCandidateGroup("membre-12").hasName("Choisir le matériel");
    return request;
  }

  /** The member's step, and what its listener records for the gateway. */
  private void memberChooses(String step) {
    models.sets(models.taskListenerOf("UserTask_ChooseItems", "complete"), Map.of("loanStep", step, "longLoan", false));
    models.engine().getTaskService().complete(models.task("UserTask_ChooseItems").getId());
  }

  private void memberChoosesLong() {
    models.sets(models.taskListenerOf("UserTask_ChooseItems", "complete"), Map.of("loanStep", "ITEMS_CHOSEN", "longLoan", true));
    models.engine().getTaskService().complete(models.task("UserTask_ChooseItems").getId());
  }

  /** The examiner's decision, and what the decision's listener records for the gateway. */
  private void decide(String taskId, String step) throws Exception {
    models.sets(models.taskListenerOf(taskId, "complete"), "loanStep", step);
    models.engine().getTaskService().complete(models.task(taskId).getId());
    verify(models.taskListenerOf(taskId, "complete"), org.mockito.Mockito.atLeastOnce()).notify(any(DelegateTask.class));
  }

  private ProcessInstance approved() throws Exception {
    ProcessInstance request = filed();
    memberChooses("ITEMS_CHOSEN");
    decide("UserTask_ApproveLoanRequest", "APPROVED");
    models.sets(models.delegateOf("ServiceTask_ScheduleLoan"), Map.of(
        "firstDayReminderAt", at(2027, 2, 27), "lastDayReminderAt", at(2027, 3, 9),
        "overdueReminderAt", at(2027, 3, 11), "followUpAt", at(2027, 3, 14), "loanPickedUp", false));
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanApproved")).execute(any());
    assertThat(request).isWaitingAt("CallActivity_Pickup");
    org.assertj.core.api.Assertions.assertThat(models.engine().getRuntimeService().getVariable(
        models.engine().getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId())
            .singleResult().getId(), "handoverKind")).isEqualTo("RETRAIT");
    return request;
  }

  @Test
  void upTo30DaysTheEquipmentManagersApproveAndWhoeverExaminesIsToldAtOnce() throws Exception {
    ProcessInstance request = filed();
    memberChooses("ITEMS_CHOSEN");
    assertThat(request).isWaitingAt("UserTask_ApproveLoanRequest", "ServiceTask_NotifyLoanReviewers");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanReviewers")).execute(any());
    assertThat(models.task("UserTask_ApproveLoanRequest")).hasCandidateGroup("tna-gestionnaires-materiel");
    decide("UserTask_ApproveLoanRequest", "APPROVED");
    assertThat(request).isWaitingAt("ServiceTask_NotifyLoanApproved");
  }

  @Test
  void beyond30DaysTheDepartmentExaminesAndARefusalIsMailed() throws Exception {
    ProcessInstance request = filed();
    memberChoosesLong();
    assertThat(request).isWaitingAt("UserTask_ExamineLongLoanRequest", "ServiceTask_NotifyLoanReviewers");
    assertThat(models.task("UserTask_ExamineLongLoanRequest")).hasCandidateGroup("tna-referents-reseau");
    decide("UserTask_ExamineLongLoanRequest", "REFUSED");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanRefused")).execute(any());
    assertThat(request).isEnded().hasPassed("EndEvent_LoanRefused").hasNotPassed("ServiceTask_NotifyLoanApproved");
  }

  @Test
  void aProposalOrAnotherPeriodGoesBackToTheMemberWhoMayGiveUp() throws Exception {
    ProcessInstance request = filed();
    memberChooses("PERIOD_CHANGED");
    assertThat(request).isWaitingAt("UserTask_ChooseItems");
    memberChooses("ITEMS_CHOSEN");
    decide("UserTask_ApproveLoanRequest", "PROPOSED");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyProposal")).execute(any());
    assertThat(request).isWaitingAt("UserTask_ChooseItems");
    memberChooses("ABANDONED");
    assertThat(request).isEnded().hasPassed("EndEvent_RequestAbandoned", "EndEvent_Abandoned");
  }

  @Test
  void aPendingRequestEndsOnTheMembersCancellationOrTheDepartmentsOwnUse() throws Exception {
    ProcessInstance cancelled = filed();
    models.engine().getRuntimeService().createMessageCorrelation("LoanCancelled").processInstanceId(cancelled.getId()).correlate();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyRequestCancelled")).execute(any());
    assertThat(cancelled).isEnded().hasPassed("EndEvent_RequestCancelled");

    ProcessInstance preempted = models.start(Map.of("initiator", "julie.hamel", "memberGroupId", "membre-12"));
    memberChooses("ITEMS_CHOSEN");
    models.engine().getRuntimeService().createMessageCorrelation("LoanPreempted").processInstanceId(preempted.getId()).correlate();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyPreempted")).execute(any());
    assertThat(preempted).isEnded().hasPassed("UserTask_ApproveLoanRequest", "EndEvent_Preempted")
        .hasNotPassed("ServiceTask_NotifyLoanRefused", "EndEvent_RequestApproved");
  }

  @Test
  void theApprovedLoanIsRemindedFollowedUpWhenLateAndClosedByItsReturn() throws Exception {
    ProcessInstance loan = approved();
    // Two days before the first day, 9:00 Paris.
    ModelHarness.clockAt(2027, 2, 27, 8, 59);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindFirstDay"), never()).execute(any());
    ModelHarness.clockAt(2027, 2, 27, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindFirstDay")).execute(any());
    ModelHarness.clockAt(2027, 3, 9, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindLastDay")).execute(any());
    ModelHarness.clockAt(2027, 3, 11, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindOverdue")).execute(any());
    ModelHarness.clockAt(2027, 3, 14, 9, 0);
    models.executeDueJobs();
    assertThat(loan).isWaitingAt("CallActivity_Pickup", "UserTask_FollowUpOverdue");
    assertThat(models.task("UserTask_FollowUpOverdue")).hasCandidateGroup("tna-gestionnaires-materiel");

    // The pickup, then the return: it closes the loan, and the follow-up with it.
    models.completeStub();
    assertThat(loan).isWaitingAt("CallActivity_Return", "UserTask_FollowUpOverdue");
    models.completeStub();
    assertThat(loan).isEnded().hasPassed("EndEvent_Returned", "EndEvent_LoanClosed").hasNotPassed("EndEvent_FollowedUp");
  }

  @Test
  void anExtensionSchedulesTheRemindersAgainAndACancellationEndsTheLoan() throws Exception {
    ProcessInstance loan = approved();
    models.engine().getRuntimeService().createMessageCorrelation("LoanExtended").processInstanceId(loan.getId()).correlate();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanExtended")).execute(any());
    verify(models.delegateOf("ServiceTask_ScheduleLoan"), times(2)).execute(any());
    assertThat(loan).isWaitingAt("CallActivity_Pickup");
    assertThat(models.timer("StartEvent_LastDayReminder")).isNotNull();
    // Extended once picked up, the loan waits for its return only.
    models.sets(models.delegateOf("ServiceTask_ScheduleLoan"), Map.of(
        "firstDayReminderAt", at(2027, 2, 27), "lastDayReminderAt", at(2027, 3, 9),
        "overdueReminderAt", at(2027, 3, 11), "followUpAt", at(2027, 3, 14), "loanPickedUp", true));
    models.engine().getRuntimeService().createMessageCorrelation("LoanExtended").processInstanceId(loan.getId()).correlate();
    models.executeDueJobs();
    assertThat(loan).isWaitingAt("CallActivity_Return");

    models.engine().getRuntimeService().createMessageCorrelation("LoanCancelled").processInstanceId(loan.getId()).correlate();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_ReleaseHandovers")).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyLoanCancelled")).execute(any());
    assertThat(loan).isEnded().hasPassed("EndEvent_LoanCancelled").hasNotPassed("EndEvent_LoanClosed");
  }

  private static Date at(int year, int month, int day) {
    return Date.from(ModelHarness.parisTime(year, month, day, 9, 0).toInstant());
  }
}
