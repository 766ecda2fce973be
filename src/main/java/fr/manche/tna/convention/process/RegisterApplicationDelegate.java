package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;

import fr.manche.tna.convention.ConventionApplication;
import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and records the application in the start transaction: a refused application makes the start form
 * show the French reason, and nothing is created.
 */
@Component("registerConventionApplication")
class RegisterApplicationDelegate implements JavaDelegate {

  private final ConventionApplicationService service;

  RegisterApplicationDelegate(ConventionApplicationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ConventionApplication application =
        new ConventionApplication(
            string(execution, StartForm.ORGANISATION_NAME),
            string(execution, StartForm.LEGAL_FORM),
            string(execution, StartForm.SIRET),
            string(execution, StartForm.ADDRESS),
            string(execution, StartForm.VENUE_DESCRIPTION),
            string(execution, StartForm.CONTACT_NAME),
            string(execution, StartForm.CONTACT_EMAIL));
    long conventionId = service.register(application, execution.getProcessInstanceId());
    execution.setVariable(CONVENTION_ID, conventionId);
    execution.setProcessBusinessKey("convention-" + conventionId);
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
