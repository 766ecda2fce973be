package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.ConventionLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The last day in force has passed (R02): the convention ends, renewed or not (R03). */
@Component("reachConventionEnd")
class ReachEndDelegate implements JavaDelegate {

  private final ConventionLifecycle lifecycle;

  ReachEndDelegate(ConventionLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConventionLifecycle.End end = lifecycle.reachEnd(CONVENTION_ID.get(execution));
    ConventionLifeProcess.RENEWED.set(execution, end.renewed());
  }
}
