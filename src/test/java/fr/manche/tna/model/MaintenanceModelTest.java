package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Maintenance.bpmn (R18): the equipment managers service the item and record what was done. */
class MaintenanceModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/inventory/Maintenance.bpmn");

  @Test
  void theEquipmentManagersServiceTheItemAndRecordIt() throws Exception {
    ProcessInstance maintenance = models.start("entretien-7", Map.of("maintenanceId", 7L));
    assertThat(maintenance).isWaitingAt("UserTask_DoMaintenance");
    assertThat(models.task("UserTask_DoMaintenance")).hasCandidateGroup("tna-gestionnaires-materiel")
        .hasName("Entretenir le matériel");
    models.engine().getTaskService().complete(models.task("UserTask_DoMaintenance").getId(),
        Map.of("maintenanceDone", "Logiciel mis à jour"));
    verify(models.taskListenerOf("UserTask_DoMaintenance", "complete")).notify(any(DelegateTask.class));
    assertThat(maintenance).isEnded().hasPassed("EndEvent_MaintenanceDone");
  }
}
