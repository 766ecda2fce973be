package fr.manche.tna.convention.termination.process;

import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The formal notice's tasks in Tasklist: the organisation and the letter; noting a remedy is due by the end of
 * the thirty days (R07), when the decision on the termination comes.
 */
@Component
class TerminationTaskContexts implements TaskContexts {

  @Override
  public Set<String> processKeys() {
    return Set.of(ConventionTerminationProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    Object sentOn = task.getVariable(ConventionTerminationProcess.StartForm.SENT_ON);
    Object reference = task.getVariable(ConventionTerminationProcess.StartForm.LETTER_REFERENCE);
    TaskContext context = TaskContext.of(
        (String) task.getVariable(ConventionTerminationProcess.ORGANISATION_NAME),
        "Mise en demeure" + (sentOn == null ? "" : " envoyée le " + sentOn.toString().strip())
            + (reference == null ? "" : " (lettre " + reference.toString().strip() + ")"));
    if (ConventionTerminationProcess.REMEDY_TASK.equals(task.getTaskDefinitionKey())
        && task.getVariable(ConventionTerminationProcess.TERMINATION_POSSIBLE_AT) instanceof Date end) {
      return context.due(end.toInstant());
    }
    return context;
  }
}
