package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;

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

  ConventionLifeStarter(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long conventionId = ((Number) execution.getVariable(CONVENTION_ID)).longValue();
    // Whoever completed the last step need not be allowed to start processes: the model decides here.
    Context.getCommandContext().runWithoutAuthorization(() -> start(conventionId));
  }

  public ProcessInstance start(long conventionId) {
    return runtimeService.startProcessInstanceByKey(
        ConventionLifeProcess.KEY, ConventionLifeProcess.businessKey(conventionId), Map.of(CONVENTION_ID, conventionId));
  }
}
