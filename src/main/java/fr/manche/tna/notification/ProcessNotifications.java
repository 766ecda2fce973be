package fr.manche.tna.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The event key of a notification sent from a process: the id of the asynchronous job that sends it.
 *
 * <p>A job keeps its id across its retries and a new visit of the same task creates a new job, so the key
 * is stable for one event and distinct between two. A notification task must therefore be asynchronous
 * ({@code camunda:asyncBefore="true"}), which is also what keeps a failing mail server from rolling back the
 * business step before it; a synchronous one is a modelling error and fails loudly.
 */
public final class ProcessNotifications {

  private ProcessNotifications() {}

  public static String eventKey(DelegateExecution execution) {
    Job job =
        execution
            .getProcessEngineServices()
            .getManagementService()
            .createJobQuery()
            .executionId(execution.getId())
            .activityId(execution.getCurrentActivityId())
            .singleResult();
    if (job == null) {
      throw new IllegalStateException(
          "Notification task " + execution.getCurrentActivityId() + " of "
              + execution.getProcessDefinitionId() + " must be asyncBefore");
    }
    return "job-" + job.getId();
  }
}
