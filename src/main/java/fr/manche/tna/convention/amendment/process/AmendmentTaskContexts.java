package fr.manche.tna.convention.amendment.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The amendment's review in Tasklist: the organisation and the amendment's object. */
@Component
class AmendmentTaskContexts implements TaskContexts {

  @Override
  public Set<String> processKeys() {
    return Set.of(ConventionAmendmentProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    return TaskContext.of(
        CommonVariables.ORGANISATION_NAME.getOrNull(task),
        ConventionAmendmentProcess.StartForm.OBJECT.getOptional(task).filter(text -> !text.isBlank())
            .map(text -> "Avenant demandé : " + text.strip()).orElse(null));
  }
}
