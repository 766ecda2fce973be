package fr.manche.tna.platform.tasks;

import fr.manche.tna.platform.Logs;
import fr.manche.tna.platform.process.CommonVariables;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every process, including those added later, its context in Tasklist (README "French
 * webapps"): a BPMN parse listener adds one built-in task listener to each user task, which asks the
 * capability's {@link TaskContexts} and then
 *
 * <ul>
 *   <li>at creation: names the task after its model and the organisation ("Examiner la demande de convention –
 *       Commune de Gavray-sur-Sienne"; the model's name is kept as it is, Cockpit's diagram shows it), describes
 *       it with its subject, sets its due date when it has a deadline;
 *   <li>at creation and at each assignment: sets the form fields the system already knows, as task variables.
 * </ul>
 *
 * Without a {@link TaskContexts} for the process, the organisation is the process variable
 * {@link CommonVariables#ORGANISATION_NAME} when the process sets one. Telling the context never stops the process: a failure is
 * logged and the task keeps its model's name.
 */
@Component
class TaskContextPlugin extends AbstractProcessEnginePlugin {

  static final String SEPARATOR = " – ";
  /** {@code ACT_RU_TASK.NAME_} and {@code DESCRIPTION_}. */
  static final int NAME_LIMIT = 255;
  static final int DESCRIPTION_LIMIT = 4000;

  private static final Logger LOG = LoggerFactory.getLogger(TaskContextPlugin.class);

  private final ObjectProvider<TaskContexts> contexts;

  TaskContextPlugin(ObjectProvider<TaskContexts> contexts) {
    this.contexts = contexts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new java.util.ArrayList<>()
        : new java.util.ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    TaskListener listener = this::tell;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
          userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  void tell(DelegateTask task) {
    String processKey = processKey(task);
    TaskContext context;
    try {
      context = contextOf(processKey, task);
    } catch (RuntimeException e) {
      LOG.warn("Contexte de la tâche {} ({}) non déterminé : {}", task.getTaskDefinitionKey(), processKey, Logs.safe(String.valueOf(e)));
      return;
    }
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      context.organisationName().ifPresent(name -> task.setName(cut(task.getName() + SEPARATOR + name, NAME_LIMIT)));
      Optional.ofNullable(context.subject()).map(String::strip).filter(subject -> !subject.isEmpty())
          .ifPresent(subject -> task.setDescription(cut(subject, DESCRIPTION_LIMIT)));
      if (context.due() != null && task.getDueDate() == null) {
        task.setDueDate(Date.from(context.due()));
      }
    }
    Map<String, Object> changed = new LinkedHashMap<>();
    VariableMap held = task.getVariablesLocalTyped(false);
    context.prefilled().forEach((key, value) -> {
      if (!unchanged(held, key, value)) {
        changed.put(key, value);
      }
    });
    if (!changed.isEmpty()) {
      task.setVariablesLocal(changed);
    }
  }

  /**
   * A plain value the task already holds is not set again at the assignment: setting it would still update its row and
   * its history (a loan's tasks rewrote about 50 unchanged values at their claims, README "Benchmark"). Typed values
   * (option lists, sent as JSON) are always set: they are what a claim refreshes.
   */
  private static boolean unchanged(VariableMap held, String key, Object value) {
    if (value instanceof TypedValue || !held.containsKey(key)) {
      return false;
    }
    TypedValue current = held.getValueTyped(key);
    return current != null && current.getType().isPrimitiveValueType() && Objects.equals(current.getValue(), value);
  }

  private TaskContext contextOf(String processKey, DelegateTask task) {
    return contexts.orderedStream()
        .filter(candidate -> candidate.processKeys().contains(processKey))
        .findFirst()
        .map(candidate -> candidate.describe(task))
        .orElseGet(() -> TaskContext.of(CommonVariables.ORGANISATION_NAME.getOrNull(task), null));
  }

  private static String processKey(DelegateTask task) {
    if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
      return execution.getProcessDefinition().getKey();
    }
    return task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
  }

  private static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
