package fr.manche.tna.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SteeringCalendar.bpmn (R23): every morning at 7:00 Paris, summer and winter, the due cycles are looked at. */
class SteeringCalendarModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/steering/SteeringCalendar.bpmn");

  @Test
  void everyMorningAtSevenParisTime() throws Exception {
    ModelHarness.clockAt(2027, 3, 27, 12, 0);
    String again = models.engine().getRepositoryService().createDeployment().addModelInstance("again.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File("bpmn/steering/SteeringCalendar.bpmn"))).deploy()
        .getId();
    try {
      checkTheMornings();
    } finally {
      models.engine().getRepositoryService().deleteDeployment(again, true, true, true);
    }
  }

  private void checkTheMornings() throws Exception {
    Job next = models.engine().getManagementService().createJobQuery().activityId("StartEvent_EveryMorning").singleResult();
    assertThat(next).as("one timer, even once redeployed").isNotNull();
    assertThat(next.getDuedate().toInstant()).as("28 March, summer time: 7:00 is 5:00 UTC")
        .isEqualTo(ModelHarness.parisTime(2027, 3, 28, 7, 0).toInstant());
    ModelHarness.clockAt(2027, 3, 28, 7, 0);
    models.executeDueJobs();
    ModelHarness.clockAt(2027, 3, 29, 7, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_StartDueCycles"), times(2)).execute(any());
  }
}
