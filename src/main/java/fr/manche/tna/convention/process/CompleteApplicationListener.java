package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.ConventionApplicationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When staff complete an application with the information the organisation sent, checks it like a new one
 * (R01) and puts it back under review; bad input keeps the task open with a French message.
 */
@Component("completeConventionApplication")
class CompleteApplicationListener implements TaskListener {

  private final ConventionApplicationService service;

  CompleteApplicationListener(ConventionApplicationService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    service.complete(CONVENTION_ID.get(task), RegisterApplicationDelegate.application(task));
  }
}
