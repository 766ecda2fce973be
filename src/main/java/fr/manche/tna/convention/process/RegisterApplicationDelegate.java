package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;

import fr.manche.tna.convention.ConventionApplication;
import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.process.ConventionApplicationProcess.StartForm;
import fr.manche.tna.platform.process.Actor;
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
    java.util.Optional<String> ineligible = service.ineligibility(application, Actor.of(execution));
    if (ineligible.isPresent()) {
      ConventionApplicationProcess.APPLICATION_OUTCOME.set(execution, ConventionApplicationProcess.INELIGIBLE);
      ConventionApplicationProcess.INELIGIBILITY_REASON.set(execution, ineligible.get());
      return;
    }
    long conventionId = service.register(application, execution.getProcessInstanceId());
    CONVENTION_ID.set(execution, conventionId);
    execution.setProcessBusinessKey(ConventionLifeProcess.businessKey(conventionId));
  }

  /** The application as the start form (or the completion form) submitted it. */
  static ConventionApplication application(VariableScope variables) {
    return new ConventionApplication(
        StartForm.ORGANISATION_NAME.getOrNull(variables),
        StartForm.LEGAL_FORM.getOrNull(variables),
        StartForm.SIRET.getOrNull(variables),
        StartForm.ADDRESS.getOrNull(variables),
        StartForm.VENUE_DESCRIPTION.getOrNull(variables),
        StartForm.CONTACT_NAME.getOrNull(variables),
        StartForm.CONTACT_EMAIL.getOrNull(variables),
        StartForm.MEMBER_SIGNATORY_NAME.getOrNull(variables),
        StartForm.MEMBER_SIGNATORY_ROLE.getOrNull(variables),
        StartForm.MEMBER_SIGNATORY_EMAIL.getOrNull(variables));
  }
}
