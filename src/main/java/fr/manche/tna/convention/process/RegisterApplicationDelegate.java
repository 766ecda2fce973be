package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;

import fr.manche.tna.convention.ConventionApplication;
import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
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
    ConventionApplication application = application(execution);
    java.util.Optional<String> ineligible =
        service.ineligibility(application, fr.manche.tna.platform.security.CurrentUser.inEngine(execution.getProcessEngineServices()));
    if (ineligible.isPresent()) {
      execution.setVariable(ConventionApplicationProcess.APPLICATION_OUTCOME, ConventionApplicationProcess.INELIGIBLE);
      execution.setVariable(ConventionApplicationProcess.INELIGIBILITY_REASON, ineligible.get());
      return;
    }
    long conventionId = service.register(application, execution.getProcessInstanceId());
    execution.setVariable(CONVENTION_ID, conventionId);
    execution.setProcessBusinessKey("convention-" + conventionId);
  }

  /** The application as the start form (or the completion form) submitted it. */
  static ConventionApplication application(VariableScope variables) {
    return new ConventionApplication(
        string(variables, StartForm.ORGANISATION_NAME),
        string(variables, StartForm.LEGAL_FORM),
        string(variables, StartForm.SIRET),
        string(variables, StartForm.ADDRESS),
        string(variables, StartForm.VENUE_DESCRIPTION),
        string(variables, StartForm.CONTACT_NAME),
        string(variables, StartForm.CONTACT_EMAIL),
        string(variables, StartForm.MEMBER_SIGNATORY_NAME),
        string(variables, StartForm.MEMBER_SIGNATORY_ROLE),
        string(variables, StartForm.MEMBER_SIGNATORY_EMAIL));
  }

  private static String string(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null ? null : value.toString();
  }
}
