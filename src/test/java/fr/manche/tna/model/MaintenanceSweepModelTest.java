package fr.manche.tna.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.ZonedDateTime;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MaintenanceSweep.bpmn (R18): every day at 6:00 (Paris), the maintenances due are opened. */
class MaintenanceSweepModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/inventory/MaintenanceSweep.bpmn");

  @Test
  void everyMorningAtSixTheDueMaintenancesAreOpened() throws Exception {
    Job timer = models.timer("StartEvent_EveryMorning");
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(ModelHarness.PARIS);
    assertThat(due.getHour()).isEqualTo(6);
    assertThat(due.getMinute()).isZero();

    ModelHarness.clockAt(due.plusMinutes(1));
    models.fireTimer("StartEvent_EveryMorning");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_OpenDueMaintenances")).execute(any());

    ZonedDateTime next = models.timer("StartEvent_EveryMorning").getDuedate().toInstant().atZone(ModelHarness.PARIS);
    assertThat(next).as("the next morning, at 6:00 again").isEqualTo(due.plusDays(1));
    ModelHarness.clockAt(next.plusMinutes(1));
    models.fireTimer("StartEvent_EveryMorning");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_OpenDueMaintenances"), times(2)).execute(any());
  }
}
