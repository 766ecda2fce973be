package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;
import static fr.manche.tna.convention.process.ConventionApplicationProcess.APPLICATION_OUTCOME;

import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.ReviewDecision;
import fr.manche.tna.convention.process.ConventionApplicationProcess.ReviewForm;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Records the referent's decision (who, when, why) in the convention. */
@Component("recordConventionDecision")
class RecordDecisionDelegate implements JavaDelegate {

  private final ConventionApplicationService service;

  RecordDecisionDelegate(ConventionApplicationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewDecision decision = decision(execution);
    service.recordDecision(CONVENTION_ID.get(execution), decision, CommonVariables.REVIEWER.getOrNull(execution));
    APPLICATION_OUTCOME.set(execution, decision.outcome().name());
  }

  /** The review form's answer, checked ({@link ReviewDecision#fromSubmitted}: a French refusal when wrong). */
  static ReviewDecision decision(VariableScope variables) {
    return ReviewDecision.fromSubmitted(
        ReviewForm.DECISION.getOrNull(variables),
        ReviewForm.DECISION_REASON.getOrNull(variables),
        ReviewForm.WELCOME_MEETING_DATE.getOrNull(variables),
        ReviewForm.WELCOME_MEETING_TIME.getOrNull(variables));
  }
}
