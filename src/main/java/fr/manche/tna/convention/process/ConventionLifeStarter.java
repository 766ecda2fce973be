package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.platform.process.CommonVariables;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Starts the life of an accepted convention (process {@code Convention}), from the application or the
 * renewal process (delegate {@code startConventionLife}, reading {@code conventionId}).
 */
@Component("startConventionLife")
public class ConventionLifeStarter implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final ConventionLifecycle lifecycle;

  ConventionLifeStarter(@Lazy RuntimeService runtimeService, @Lazy ConventionLifecycle lifecycle) {
    this.runtimeService = runtimeService;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long conventionId = CONVENTION_ID.get(execution);
    // Whoever completed the last step need not be allowed to start processes: the model decides here.
    Context.getCommandContext().runWithoutAuthorization(() -> start(conventionId));
  }

  public ProcessInstance start(long conventionId) {
    // The organisation names the instance's tenant (membership.OrganisationTenants).
    long organisationId = lifecycle.convention(conventionId).organisationId();
    return runtimeService.startProcessInstanceByKey(
        ConventionLifeProcess.KEY, ConventionLifeProcess.businessKey(conventionId),
        Map.ofEntries(CONVENTION_ID.entry(conventionId), CommonVariables.ORGANISATION_ID.entry(organisationId)));
  }
}
