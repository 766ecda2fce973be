package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.ConventionLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A party refused to sign the convention (the signature already told both why): it never takes effect. */
@Component("recordConventionNotSigned")
class RecordNotSignedDelegate implements JavaDelegate {

  private final ConventionLifecycle lifecycle;

  RecordNotSignedDelegate(ConventionLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.notSigned(CONVENTION_ID.get(execution));
  }
}
