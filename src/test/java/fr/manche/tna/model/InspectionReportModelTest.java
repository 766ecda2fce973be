package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** InspectionReport.bpmn (R13): the report is mailed; the member acknowledges it unless it was on the spot. */
class InspectionReportModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/handover/InspectionReport.bpmn");

  @Test
  void acknowledgedOnTheSpotTheReportIsOnlyMailed() throws Exception {
    ProcessInstance report = models.start(Map.of("inspectionId", 5L, "acknowledgedOnSite", true, "memberGroupId", "membre-12"));
    verify(models.executionListenerOf("InspectionReport", "start")).notify(any(DelegateExecution.class));
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_SendReport")).execute(any());
    assertThat(report).isEnded().hasNotPassed("UserTask_AcknowledgeInspection");
  }

  @Test
  void otherwiseTheMembersGroupAcknowledgesIt() throws Exception {
    ProcessInstance report = models.start(Map.of("inspectionId", 5L, "acknowledgedOnSite", false, "memberGroupId", "membre-12"));
    models.executeDueJobs();
    assertThat(report).isWaitingAt("UserTask_AcknowledgeInspection");
    assertThat(models.task("UserTask_AcknowledgeInspection")).hasCandidateGroup("membre-12")
        .hasName("Prendre connaissance de l'état des lieux");
    models.engine().getTaskService().complete(models.task("UserTask_AcknowledgeInspection").getId());
    verify(models.taskListenerOf("UserTask_AcknowledgeInspection", "complete")).notify(any(org.camunda.bpm.engine.delegate.DelegateTask.class));
    assertThat(report).isEnded().hasPassed("EndEvent_Acknowledged");
  }
}
