package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.APPLICATION_OUTCOME;
import static fr.manche.tna.convention.process.ConventionApplicationProcess.CONVENTION_ID;
import static fr.manche.tna.convention.process.ConventionApplicationProcess.REVIEWER;

import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.ReviewDecision;
import fr.manche.tna.convention.process.ConventionApplicationProcess.ReviewForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    ReviewDecision decision =
        ReviewDecision.fromSubmitted(
            (String) execution.getVariable(ReviewForm.DECISION),
            (String) execution.getVariable(ReviewForm.DECISION_REASON),
            (String) execution.getVariable(ReviewForm.WELCOME_MEETING_DATE),
            (String) execution.getVariable(ReviewForm.WELCOME_MEETING_TIME));
    service.recordDecision(
        (Long) execution.getVariable(CONVENTION_ID), decision, (String) execution.getVariable(REVIEWER));
    execution.setVariable(APPLICATION_OUTCOME, decision.outcome().name());
  }
}
