package fr.manche.tna.convention.process;

import fr.manche.tna.convention.ReviewDecision;
import fr.manche.tna.convention.process.ConventionApplicationProcess.ReviewForm;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the review form on the server when the task is completed: a refusal without reason or a meeting in
 * the past is refused with a French message and the task stays open. Records who reviewed.
 */
@Component("checkConventionReview")
class ReviewDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    RecordDecisionDelegate.decision(task);
    CommonVariables.REVIEWER.set(task, Actor.of(task));
  }
}
