package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LoanExtension.bpmn (R10): the referents examine an extension beyond 30 days; a refusal is mailed. */
class LoanExtensionModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/loan/LoanExtension.bpmn");

  @Test
  void theReferentsAreToldAndAGrantEndsWithoutAMailOfItsOwn() throws Exception {
    ProcessInstance extension = models.start(Map.of("loanExtensionId", 3L));
    assertThat(extension).isWaitingAt("UserTask_ExamineExtension", "ServiceTask_NotifyExtensionReviewers");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyExtensionReviewers")).execute(any());
    assertThat(models.task("UserTask_ExamineExtension")).hasCandidateGroup("tna-referents-reseau");
    models.sets(models.taskListenerOf("UserTask_ExamineExtension", "complete"), "extensionGranted", true);
    models.engine().getTaskService().complete(models.task("UserTask_ExamineExtension").getId());
    assertThat(extension).isEnded().hasPassed("EndEvent_ExtensionGranted");
    verify(models.delegateOf("ServiceTask_NotifyExtensionRefused"), never()).execute(any());
  }

  @Test
  void aRefusalIsMailed() throws Exception {
    ProcessInstance extension = models.start(Map.of("loanExtensionId", 3L));
    models.sets(models.taskListenerOf("UserTask_ExamineExtension", "complete"), "extensionGranted", false);
    models.engine().getTaskService().complete(models.task("UserTask_ExamineExtension").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyExtensionRefused")).execute(any());
    assertThat(extension).isEnded().hasPassed("EndEvent_ExtensionRefused");
  }
}
