package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.platform.process.Actor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Both have signed: the convention takes effect (R02) and its timers are set (reminders, end). */
@Component("putConventionInForce")
class PutInForceDelegate implements JavaDelegate {

  private final ConventionLifecycle lifecycle;

  PutInForceDelegate(ConventionLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Convention convention = lifecycle.putInForce(CONVENTION_ID.get(execution), Actor.of(execution));
    ConventionLifecycle.Deadlines deadlines = lifecycle.deadlines(convention);
    ConventionLifeProcess.FIRST_REMINDER_AT.set(execution, deadlines.firstReminder());
    ConventionLifeProcess.SECOND_REMINDER_AT.set(execution, deadlines.secondReminder());
    ConventionLifeProcess.ENDS_AT.set(execution, deadlines.end());
  }
}
