package fr.manche.tna.convention.renewal.process;

import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The answer to a renewal proposal in Tasklist: the organisation, its convention's last day, due at its end. */
@Component
class RenewalTaskContexts implements TaskContexts {

  @Override
  public Set<String> processKeys() {
    return Set.of(ConventionRenewalProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    TaskContext context = TaskContext.of(
        CommonVariables.ORGANISATION_NAME.getOrNull(task),
        ConventionRenewalProcess.CURRENT_LAST_DAY.getOptional(task)
            .map(lastDay -> "Renouvellement de la convention, dont le dernier jour est le " + lastDay).orElse(null));
    return ConventionRenewalProcess.EXPIRES_AT.getOptional(task).map(context::due).orElse(context);
  }
}
