package fr.manche.tna.platform.process;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Who acted, the one answer every delegate and listener uses (recorded as who decided, signed, answered...),
 * in this order:
 *
 * <ol>
 *   <li>the person the engine runs the current command for (the Tasklist or REST login that completes the
 *       task, submits the start form, or whose step runs on in the same transaction);
 *   <li>for a task, its assignee (a command run without authentication, as the application's own code does);
 *   <li>the person who started the instance: the variable the start event's {@code camunda:initiator} names.
 * </ol>
 *
 * Null when none applies: a job (timer, asynchronous continuation) of an instance the application started.
 */
public final class Actor {

  private Actor() {}

  /** Who completes (or is assigned) this task. */
  public static String of(DelegateTask task) {
    String authenticated = authenticated(task.getProcessEngineServices());
    if (authenticated != null) {
      return authenticated;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return task.getExecution() == null ? null : initiator(task.getExecution());
  }

  /** Who runs this step: the command's person, else the instance's initiator. */
  public static String of(DelegateExecution execution) {
    String authenticated = authenticated(execution.getProcessEngineServices());
    return authenticated != null ? authenticated : initiator(execution);
  }

  private static String authenticated(ProcessEngineServices engine) {
    Authentication authentication = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String initiator(DelegateExecution execution) {
    ProcessVariable<String> initiator = CommonVariables.INITIATOR;
    if (execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null) {
      Object named = entity.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
      if (!(named instanceof String name)) {
        return null; // the model names no initiator
      }
      initiator = name.equals(initiator.name()) ? initiator : ProcessVariable.ofString(name);
    }
    return initiator.getOrNull(execution);
  }
}
