package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DamageCase.bpmn (R15-R17, R19): a member's report or a return's difference, told, assessed, the decision told. */
class DamageCaseModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/handover/DamageCase.bpmn");

  @Test
  void aMembersReportIsRegisteredToldAssessedAndTheDecisionMailed() throws Exception {
    ProcessInstance report = models.start(Map.of("initiator", "julie.hamel"));
    verify(models.executionListenerOf("DamageCase", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_RegisterReport")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyOpened")).execute(any());
    assertThat(report).isWaitingAt("UserTask_AssessDamage");
    assertThat(models.task("UserTask_AssessDamage")).hasCandidateGroup("tna-gestionnaires-materiel");
    models.engine().getTaskService().complete(models.task("UserTask_AssessDamage").getId());
    verify(models.taskListenerOf("UserTask_AssessDamage", "complete")).notify(any(DelegateTask.class));
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyDecided")).execute(any());
    assertThat(report).isEnded().hasPassed("EndEvent_Assessed");
  }

  @Test
  void aDifferenceFoundAtTheReturnStartsItByItsMessage() {
    ProcessInstance found = models.engine().getRuntimeService().createMessageCorrelation("DamageFoundAtReturn")
        .setVariable("damageCaseId", 3L).correlateStartMessage();
    assertThat(found).hasPassed("StartEvent_FoundAtReturn").isWaitingAt("ServiceTask_NotifyOpened")
        .hasNotPassed("ServiceTask_RegisterReport");
  }
}
