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
 * JointReport.bpmn (R22): started when a communication request is agreed; waits until the day after the diffusion,
 * 9:00 Paris, then asks the member for the report; reminded fourteen days later if not filed, the task staying open;
 * the report filed goes to the referent; no reminder once it is filed.
 */
class JointReportModelTest {

  private static final Map<String, Object> STARTED_WITH = Map.of("requestId", 42L, "organisationId", 12L,
      "memberGroupId", "membre-12");

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/communication/JointReport.bpmn");

  @BeforeEach
  void agreedOnTheFirst() {
    ModelHarness.clockAt(2027, 6, 1, 11, 0);
  }

  /** Diffused on 10 June: asked on the 11th at 9:00, reminded on the 25th at 9:00. */
  private ProcessInstance asked() throws Exception {
    models.sets(models.delegateOf("ServiceTask_PrepareReport"), Map.of(
        "jointReportAskAt", ModelHarness.paris(2027, 6, 11, 9, 0),
        "jointReportReminderAt", ModelHarness.paris(2027, 6, 25, 9, 0)));
    ProcessInstance report = models.start("compte-rendu-communication-42", STARTED_WITH);
    verify(models.executionListenerOf("JointReport", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_PrepareReport")).execute(any());
    assertThat(report).isWaitingAt("IntermediateEvent_DayAfterDiffusion");

    ModelHarness.clockAt(2027, 6, 11, 8, 59);
    models.executeDueJobs();
    assertThat(report).isWaitingAt("IntermediateEvent_DayAfterDiffusion");
    verify(models.delegateOf("ServiceTask_RequestReport"), never()).execute(any());

    ModelHarness.clockAt(2027, 6, 11, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RequestReport")).execute(any());
    assertThat(report).isWaitingAt("UserTask_FileJointReport");
    assertThat(models.task("UserTask_FileJointReport")).hasCandidateGroup("membre-12")
        .hasName("Rendre compte de l'opération de communication");
    return report;
  }

  @Test
  void notFiledAfterFourteenDaysTheMemberIsRemindedThenTheReportGoesToTheReferent() throws Exception {
    ProcessInstance report = asked();
    ModelHarness.clockAt(2027, 6, 25, 8, 59);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport"), never()).execute(any());
    ModelHarness.clockAt(2027, 6, 25, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport")).execute(any());
    assertThat(report).isWaitingAt("UserTask_FileJointReport");

    models.engine().getTaskService().complete(models.task("UserTask_FileJointReport").getId());
    verify(models.taskListenerOf("UserTask_FileJointReport", "complete")).notify(any(DelegateTask.class));
    assertThat(report).isWaitingAt("ServiceTask_NotifyReferent");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferent")).execute(any());
    assertThat(report).isEnded().hasPassed("EndEvent_ReportFiled", "EndEvent_Reminded");
  }

  @Test
  void filedBeforeTheReminderNoReminderGoes() throws Exception {
    ProcessInstance report = asked();
    ModelHarness.clockAt(2027, 6, 14, 10, 0);
    models.engine().getTaskService().complete(models.task("UserTask_FileJointReport").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferent")).execute(any());
    assertThat(report).isEnded().hasPassed("EndEvent_ReportFiled");
    ModelHarness.clockAt(2027, 7, 1, 9, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindReport"), never()).execute(any());
    assertThat(report).hasNotPassed("ServiceTask_RemindReport");
  }
}
