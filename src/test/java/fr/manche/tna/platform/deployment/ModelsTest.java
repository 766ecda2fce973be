package fr.manche.tna.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Collection;
import java.util.SortedMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The conventions every model keeps (see shared/design/style.md): the process key is the file name, element
 * ids are Type_BusinessName, labels are French, notifications are asynchronous save points, user tasks use
 * Camunda Forms of this repository, history has a time to live.
 */
class ModelsTest {

  private final SortedMap<String, byte[]> models = new ModelDeployer(null).findModels();

  @Test
  void everyModelFollowsTheProjectConventions() {
    models.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(".bpmn"))
        .forEach(entry -> check(entry.getKey(), Bpmn.readModelFromStream(new ByteArrayInputStream(entry.getValue()))));
  }

  private void check(String name, BpmnModelInstance model) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as(name).hasSize(1);
    Process process = processes.iterator().next();
    assertThat(name).endsWith("/" + process.getId() + ".bpmn");
    assertThat(process.getCamundaHistoryTimeToLiveString()).as(name + " historyTimeToLive").isNotBlank();
    assertThat(process.getName()).as(name + " process name").isNotBlank();

    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (element instanceof FlowNode || element.getElementType().getTypeName().equals("sequenceFlow")) {
        assertThat(element.getId())
            .as(name + ": readable id")
            .matches("(StartEvent|EndEvent|ServiceTask|UserTask|SendTask|ReceiveTask|ScriptTask|BusinessRuleTask"
                + "|CallActivity|SubProcess|Gateway|BoundaryEvent|IntermediateEvent|SequenceFlow)_[A-Z][A-Za-z0-9]+");
      }
      if (element instanceof FlowNode node && !(element.getElementType().getTypeName().equals("exclusiveGateway") && node.getIncoming().size() > 1)) {
        assertThat(node.getName()).as(name + ": label of " + node.getId()).isNotBlank();
      }
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      if (delegate != null && delegate.startsWith("${notify")) {
        assertThat(task.isCamundaAsyncBefore())
            .as(name + ": notification task " + task.getId() + " must be asyncBefore")
            .isTrue();
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      assertThat(formRef).as(name + ": " + task.getId() + " has a Camunda Form").isNotBlank();
      assertThat(models.keySet()).as("form " + formRef).anyMatch(key -> key.endsWith("/" + formRef + ".form"));
    }
  }

  @Test
  void everyFormIsNamedAfterItsId() {
    assertThat(models.keySet()).anyMatch(name -> name.endsWith(".form"));
    models.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith(".form"))
        .forEach(
            entry -> {
              String id = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1).replace(".form", "");
              assertThat(new String(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                  .as(entry.getKey())
                  .contains("\"id\": \"" + id + "\"");
            });
  }
}
