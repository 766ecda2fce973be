package fr.manche.tna.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.ApplicationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The history keeps instances, tasks and each variable's last value, never each change of a variable. */
@ApplicationTest
class LeanHistoryTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  private String deploymentId;

  @AfterEach
  void tearDown() {
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void aVariableChangedTwiceLeavesItsLastValueAndNoDetail() {
    deploymentId = repository.createDeployment().addModelInstance("LeanHistoryProbe.bpmn",
        Bpmn.createExecutableProcess("LeanHistoryProbe").camundaHistoryTimeToLive(1).startEvent()
            .userTask("UserTask_Probe").endEvent().done()).deploy().getId();
    ProcessInstance instance = runtime.startProcessInstanceByKey("LeanHistoryProbe", Map.of("etape", "demande"));
    runtime.setVariable(instance.getId(), "etape", "examen");
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        Map.of("etape", "terminée"));

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getValue()).isEqualTo("terminée");
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
  }
}
