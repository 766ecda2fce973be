package fr.manche.tna.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.deployment.ModelDeployer;
import fr.manche.tna.test.ApplicationTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every process of {@code bpmn/} with a user task has its {@link TaskContexts}, exactly one: its tasks name their
 * organisation and say what they are about in Tasklist. A process added tomorrow is covered the day it is added.
 */
@ApplicationTest
class TaskContextsTest {

  @Autowired List<TaskContexts> contexts;

  @Test
  void everyProcessWithAUserTaskTellsWhatItsTasksAreAbout() {
    Map<String, Integer> providers = new TreeMap<>();
    contexts.forEach(context -> context.processKeys().forEach(key -> providers.merge(key, 1, Integer::sum)));
    Map<String, Integer> expected = new TreeMap<>();
    new ModelDeployer(null).findModels().forEach((name, bytes) -> {
      if (!name.endsWith(".bpmn")) {
        return;
      }
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
      if (!model.getModelElementsByType(UserTask.class).isEmpty()) {
        expected.put(model.getModelElementsByType(Process.class).iterator().next().getId(), 1);
      }
    });
    assertThat(expected).as("processes with user tasks").isNotEmpty();
    assertThat(providers).as("TaskContexts beans by process key").containsAllEntriesOf(expected);
  }
}
