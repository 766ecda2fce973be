package fr.manche.tna.handover;

import fr.manche.tna.handover.Inspections.Difference;
import fr.manche.tna.platform.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment manager at the handover desk (R13): the inspection recorded on the page « État des lieux » completes,
 * in the same transaction, the appointment's task in Tasklist (the handover is done: the pickup starts the loan, the
 * return closes it). Nothing is written when the inspection is refused.
 */
@Service
public class HandoverDesk {

  /** The variables the appointment's task takes when the handover is done (form {@code HandoverRecord}). */
  static final String OUTCOME = "handoverOutcome";
  static final String NOTES = "handoverNotes";
  static final String HANDOVER_TASK = "UserTask_Handover";

  private final Inspections inspections;
  private final Bookings bookings;
  private final TaskService tasks;

  HandoverDesk(Inspections inspections, Bookings bookings, TaskService tasks) {
    this.inspections = inspections;
    this.bookings = bookings;
    this.tasks = tasks;
  }

  /**
   * Records the inspection and completes the appointment's task as the actor.
   *
   * @return the differences the return found (each opened a damage case); none at a pickup
   * @throws InvalidInputException in French, nothing written: a field at fault, the appointment not held, or its task
   *     not waiting (the process is between two steps: try again in a minute)
   */
  @Transactional
  public List<Difference> recordInspection(long bookingId, InspectionDraft draft, String actor) {
    Booking booking = bookings.find(bookingId);
    Task task = booking.processInstanceId() == null ? null : tasks.createTaskQuery()
        .processInstanceId(booking.processInstanceId()).taskDefinitionKey(HANDOVER_TASK).singleResult();
    if (task == null) {
      throw new InvalidInputException("Ce rendez-vous n'attend pas d'état des lieux en ce moment : réessayez dans une"
          + " minute, ou ouvrez la tâche du rendez-vous dans la liste des tâches.");
    }
    List<Difference> differences = inspections.record(bookingId, draft, actor);
    tasks.setAssignee(task.getId(), actor);
    tasks.complete(task.getId(), Map.of(OUTCOME, "fait", NOTES, draft.notes() == null ? "" : draft.notes()));
    return differences;
  }
}
