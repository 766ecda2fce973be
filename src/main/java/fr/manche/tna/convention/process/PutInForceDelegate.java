package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.time.ParisTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
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
    Convention convention =
        lifecycle.putInForce(((Number) execution.getVariable(CONVENTION_ID)).longValue(), CurrentUser.inEngine(execution.getProcessEngineServices()));
    List<ZonedDateTime> reminders = ConventionTerms.endReminders(convention.lastDay());
    execution.setVariable(ConventionLifeProcess.FIRST_REMINDER_AT, Date.from(reminders.get(0).toInstant()));
    execution.setVariable(ConventionLifeProcess.SECOND_REMINDER_AT, Date.from(reminders.get(1).toInstant()));
    // The day after the last day in force, at midnight in Paris (R02).
    execution.setVariable(
        ConventionLifeProcess.ENDS_AT, Date.from(convention.lastDay().plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant()));
  }
}
