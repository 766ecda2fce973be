package fr.manche.tna.convention.renewal.process;

import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import java.util.Date;
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
    Object lastDay = task.getVariable(ConventionRenewalProcess.CURRENT_LAST_DAY);
    TaskContext context = TaskContext.of(
        (String) task.getVariable(ConventionRenewalProcess.ORGANISATION_NAME),
        lastDay == null ? null : "Renouvellement de la convention, dont le dernier jour est le " + lastDay);
    return task.getVariable(ConventionRenewalProcess.EXPIRES_AT) instanceof Date expiresAt
        ? context.due(expiresAt.toInstant())
        : context;
  }
}
