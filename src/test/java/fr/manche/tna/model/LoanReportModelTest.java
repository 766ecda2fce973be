package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LoanReport.bpmn (R24): once the equipment is back, the member is asked to file the loan's report; reminded seven days
 * later at 9:00 Paris if they have not, the task staying open; no reminder once it is filed.
 */
class LoanReportModelTest {

  private static final Map<String, Object> STARTED_WITH = Map.of("loanRequestId", 42L, "organisationId", 12L,
      "memberGroupId", "membre-12");

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/handover/LoanReport.bpmn");

  @BeforeEach
  void returnedOnTheTwentyFirst() {
    ModelHarness.clockAt(2027, 9, 21, 14, 10);
  }

  private ProcessInstance asked() throws Exception {
    models.sets(models.delegateOf("ServiceTask_PrepareReminder"), "loanReportReminderAt",
        ModelHarness.paris(2027, 9, 28, 9, 0));
    ProcessInstance report = models.start("compte-rendu-42", STARTED_WITH);
    verify(models.executionListenerOf("LoanReport", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_PrepareReminder")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RequestReport")).execute(any());
    assertThat(report).isWaitingAt("UserTask_FileLoanReport");
    assertThat(models.task("UserTask_FileLoanReport")).hasCandidateGroup("membre-12")
        .hasName("Rédiger le compte rendu du prêt");
    return report;
  }

  @Test
  void notFiledAfterSevenDaysTheMemberIsRemindedAndTheTaskStays() throws Exception {
    ProcessInstance report = asked();
    ModelHarness.clockAt(2027, 9, 28, 8, 59);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport"), never()).execute(any());
    ModelHarness.clockAt(2027, 9, 28, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport")).execute(any());
    assertThat(report).isWaitingAt("UserTask_FileLoanReport");

    models.engine().getTaskService().complete(models.task("UserTask_FileLoanReport").getId());
    verify(models.taskListenerOf("UserTask_FileLoanReport", "complete")).notify(any(DelegateTask.class));
    assertThat(report).isEnded().hasPassed("EndEvent_ReportFiled", "EndEvent_Reminded");
  }

  @Test
  void filedBeforeTheReminderNoReminderGoes() throws Exception {
    ProcessInstance report = asked();
    ModelHarness.clockAt(2027, 9, 23, 10, 0);
    models.engine().getTaskService().complete(models.task("UserTask_FileLoanReport").getId());
    assertThat(report).isEnded().hasPassed("EndEvent_ReportFiled");
    ModelHarness.clockAt(2027, 10, 1, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport"), never()).execute(any());
    assertThat(report).hasNotPassed("ServiceTask_RemindReport");
  }
}
