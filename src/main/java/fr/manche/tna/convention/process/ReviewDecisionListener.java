package fr.manche.tna.convention.process;

import fr.manche.tna.convention.ReviewDecision;
import fr.manche.tna.convention.process.ConventionApplicationProcess.ReviewForm;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import fr.manche.tna.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Checks the review form on the server when the task is completed: a refusal without reason or a meeting in
 * the past is refused with a French message and the task stays open. Records who reviewed.
 */
@Component("checkConventionReview")
class ReviewDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecision.fromSubmitted(
        (String) task.getVariable(ReviewForm.DECISION),
        (String) task.getVariable(ReviewForm.DECISION_REASON),
        (String) task.getVariable(ReviewForm.WELCOME_MEETING_DATE),
        (String) task.getVariable(ReviewForm.WELCOME_MEETING_TIME));
    task.setVariable(ConventionApplicationProcess.REVIEWER, reviewer(task));
  }

  private static String reviewer(DelegateTask task) {
    return task.getAssignee() != null ? task.getAssignee() : CurrentUser.inEngine(task.getProcessEngineServices());
  }
}
