package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.*;

import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentDecision;
import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.convention.amendment.AmendmentStatus;
import fr.manche.tna.platform.security.CurrentUser;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code ConventionAmendment}, each a thin adapter from process variables to
 * {@link AmendmentService}, which checks everything on the server.
 */
@Configuration
class AmendmentSteps {

  /**
   * Records the request in the start transaction (bad input is refused at the start form and nothing is
   * created); R05: whether it arrived in time decides the way on.
   */
  @Bean("registerAmendmentRequest")
  JavaDelegate registerAmendmentRequest(AmendmentService service) {
    return execution -> {
      AmendmentService.Requester requester =
          service.requester(CurrentUser.inEngine(execution.getProcessEngineServices()), (String) execution.getVariable(StartForm.SIRET));
      Amendment amendment =
          service.register(requester, execution.getProcessInstanceId(), new AmendmentService.Submission(
              string(execution, StartForm.OBJECT), string(execution, StartForm.CONTENT), string(execution, StartForm.NAMED_EFFECTIVE_DATE)));
      execution.setVariable(AMENDMENT_ID, amendment.id());
      execution.setVariable(IN_TIME, amendment.status() == AmendmentStatus.EN_EXAMEN);
      execution.setProcessBusinessKey(businessKey(amendment.id()));
    };
  }

  /** Checks the referent's decision when the review task is completed (French message, task stays open). */
  @Bean("checkAmendmentReview")
  TaskListener checkAmendmentReview(ConventionLifecycle lifecycle) {
    return task -> {
      decision(task, lifecycle);
      task.setVariable(REVIEWER, task.getAssignee() != null ? task.getAssignee() : CurrentUser.inEngine(task.getProcessEngineServices()));
    };
  }

  /** Records the decision: an accepted amendment is numbered within its convention. */
  @Bean("recordAmendmentDecision")
  JavaDelegate recordAmendmentDecision(AmendmentService service, ConventionLifecycle lifecycle) {
    return execution -> {
      AmendmentDecision decision = decision(execution, lifecycle);
      service.decide(((Number) execution.getVariable(AMENDMENT_ID)).longValue(), decision, (String) execution.getVariable(REVIEWER));
      execution.setVariable(ACCEPTED, decision.accepted());
    };
  }

  /** Both have signed: R06 effective date, signed PDF archived. */
  @Bean("applySignedAmendment")
  JavaDelegate applySignedAmendment(AmendmentService service) {
    return execution -> service.apply(
        ((Number) execution.getVariable(AMENDMENT_ID)).longValue(), CurrentUser.inEngine(execution.getProcessEngineServices()));
  }

  /** A party refused to sign (the signature already told both why): the amendment is not signed. */
  @Bean("recordAmendmentNotSigned")
  JavaDelegate recordAmendmentNotSigned(AmendmentService service) {
    return execution -> service.notSigned(((Number) execution.getVariable(AMENDMENT_ID)).longValue());
  }

  private static AmendmentDecision decision(VariableScope variables, ConventionLifecycle lifecycle) {
    return AmendmentDecision.fromSubmitted(
        string(variables, ReviewForm.DECISION),
        string(variables, ReviewForm.DECISION_REASON),
        string(variables, StartForm.NAMED_EFFECTIVE_DATE),
        lifecycle.convention(((Number) variables.getVariable(CONVENTION_ID)).longValue()));
  }

  private static String string(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null ? null : value.toString();
  }
}
