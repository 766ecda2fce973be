package fr.manche.tna.convention.termination.process;

import fr.manche.tna.convention.termination.process.ConventionTerminationProcess.StartForm;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.time.Instant;
import java.util.Optional;
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
    Optional<String> sentOn = StartForm.SENT_ON.getOptional(task);
    Optional<String> reference = StartForm.LETTER_REFERENCE.getOptional(task);
    TaskContext context = TaskContext.of(
        CommonVariables.ORGANISATION_NAME.getOrNull(task),
        "Mise en demeure" + sentOn.map(day -> " envoyée le " + day.strip()).orElse("")
            + reference.map(letter -> " (lettre " + letter.strip() + ")").orElse(""));
    Optional<Instant> end = ConventionTerminationProcess.TERMINATION_POSSIBLE_AT.getOptional(task);
    if (ConventionTerminationProcess.REMEDY_TASK.equals(task.getTaskDefinitionKey()) && end.isPresent()) {
      return context.due(end.get());
    }
    return context;
  }
}
