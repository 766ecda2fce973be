package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.*;

import fr.manche.tna.convention.amendment.Amendment;
import fr.manche.tna.convention.amendment.AmendmentDecision;
import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
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
      AmendmentService.Requester requester = service.requester(Actor.of(execution), StartForm.SIRET.getOrNull(execution));
      Amendment amendment =
          service.register(requester, execution.getProcessInstanceId(), new AmendmentService.Submission(
              StartForm.OBJECT.getOrNull(execution), StartForm.CONTENT.getOrNull(execution),
              StartForm.NAMED_EFFECTIVE_DATE.getOrNull(execution)));
      AMENDMENT_ID.set(execution, amendment.id());
      IN_TIME.set(execution, amendment.receivedInTime());
      execution.setProcessBusinessKey(businessKey(amendment.id()));
    };
  }

  /** Checks the referent's decision when the review task is completed (French message, task stays open). */
  @Bean("checkAmendmentReview")
  TaskListener checkAmendmentReview(AmendmentService service) {
    return task -> {
      decision(task, service);
      CommonVariables.REVIEWER.set(task, Actor.of(task));
    };
  }

  /** Records the decision: an accepted amendment is numbered within its convention. */
  @Bean("recordAmendmentDecision")
  JavaDelegate recordAmendmentDecision(AmendmentService service) {
    return execution -> {
      AmendmentDecision decision = decision(execution, service);
      service.decide(AMENDMENT_ID.get(execution), decision, CommonVariables.REVIEWER.getOrNull(execution));
      ACCEPTED.set(execution, decision.accepted());
    };
  }

  /** Both have signed: R06 effective date, signed PDF archived. */
  @Bean("applySignedAmendment")
  JavaDelegate applySignedAmendment(AmendmentService service) {
    return execution -> service.apply(AMENDMENT_ID.get(execution));
  }

  /** A party refused to sign (the signature already told both why): the amendment is not signed. */
  @Bean("recordAmendmentNotSigned")
  JavaDelegate recordAmendmentNotSigned(AmendmentService service) {
    return execution -> service.notSigned(AMENDMENT_ID.get(execution));
  }

  private static AmendmentDecision decision(VariableScope variables, AmendmentService service) {
    return service.decision(
        AMENDMENT_ID.get(variables),
        ReviewForm.DECISION.getOrNull(variables),
        ReviewForm.DECISION_REASON.getOrNull(variables),
        StartForm.NAMED_EFFECTIVE_DATE.getOrNull(variables));
  }
}
