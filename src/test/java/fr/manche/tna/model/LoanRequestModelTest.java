package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LoanRequest.bpmn (R10): up to 30 days the equipment managers decide, beyond 30 days the network referents
 * examine the request in a task of their own; the decision is mailed after a save point.
 */
class LoanRequestModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/loan/LoanRequest.bpmn");

  private ProcessInstance filed(boolean longLoan) throws Exception {
    models.sets(models.delegateOf("ServiceTask_RegisterLoanRequest"), "longLoan", longLoan);
    ProcessInstance request = models.start(Map.of("inventoryNumbers", "INV-004", "initiator", "julie.hamel"));
    verify(models.executionListenerOf("LoanRequest", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_RegisterLoanRequest")).execute(any());
    return request;
  }

  @Test
  void upTo30DaysTheEquipmentManagersApproveAndTheMemberIsTold() throws Exception {
    ProcessInstance request = filed(false);
    // The task is there at once; beside it, in a step of its own, whoever examines it is told by mail.
    assertThat(request).isWaitingAt("UserTask_ApproveLoanRequest", "ServiceTask_NotifyLoanReviewers");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanReviewers")).execute(any());
    assertThat(request).isWaitingAt("UserTask_ApproveLoanRequest").hasPassed("EndEvent_ReviewersNotified");
    assertThat(models.task("UserTask_ApproveLoanRequest")).hasCandidateGroup("tna-gestionnaires-materiel")
        .hasName("Approuver la demande de prêt");

    decide("UserTask_ApproveLoanRequest", "approuver", true);
    assertThat(request).isWaitingAt("ServiceTask_NotifyLoanApproved");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanApproved")).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyLoanRefused"), never()).execute(any());
    assertThat(request).isEnded().hasPassed("EndEvent_LoanApproved");
  }

  @Test
  void aRefusalIsMailedToo() throws Exception {
    ProcessInstance request = filed(false);
    decide("UserTask_ApproveLoanRequest", "refuser", false);
    assertThat(request).isWaitingAt("ServiceTask_NotifyLoanRefused");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanRefused")).execute(any());
    assertThat(request).isEnded().hasPassed("EndEvent_LoanRefused").hasNotPassed("ServiceTask_NotifyLoanApproved");
  }

  @Test
  void beyond30DaysTheDepartmentExaminesTheRequestInItsOwnTask() throws Exception {
    ProcessInstance request = filed(true);
    assertThat(request).isWaitingAt("UserTask_ExamineLongLoanRequest");
    assertThat(models.task("UserTask_ExamineLongLoanRequest")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Examiner la demande de prêt de plus de 30 jours");

    decide("UserTask_ExamineLongLoanRequest", "refuser", false);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLoanRefused")).execute(any());
    assertThat(request).isEnded().hasPassed("EndEvent_LoanRefused").hasNotPassed("UserTask_ApproveLoanRequest");
  }

  /** The decision, and what the decision's listener records for the gateway. */
  private void decide(String taskId, String decision, boolean approved) throws Exception {
    models.sets(models.taskListenerOf(taskId, "complete"), "loanApproved", approved);
    models.engine().getTaskService().complete(models.task(taskId).getId(),
        Map.of("loanDecision", decision, "loanDecisionReason", "Matériel réservé pour le Département"));
    verify(models.taskListenerOf(taskId, "complete")).notify(any(DelegateTask.class));
  }
}
