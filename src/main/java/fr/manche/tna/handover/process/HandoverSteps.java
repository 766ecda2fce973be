package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.HandoverProcess.*;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of a handover, each a thin adapter from process variables to {@link Bookings}. */
@Configuration
class HandoverSteps {

  /** The member's organisation may read this instance (its tenant is the loan's, inherited from the call). */
  @Bean("handoverAccess")
  ExecutionListener handoverAccess() {
    return execution -> InstanceGrants.letGroupRead(execution, CommonVariables.MEMBER_GROUP_ID.get(execution));
  }

  /**
   * Where the handover stands, from the database: a slot already held (after an extension restarted the loan's
   * steps, or a move) goes straight to the appointment; otherwise the member books one.
   */
  @Bean("prepareHandover")
  JavaDelegate prepareHandover(Bookings bookings) {
    return execution -> {
      HandoverKind kind = kind(execution);
      BOOKING_TASK_NAME.set(execution, kind.bookingTaskName());
      HANDOVER_TASK_NAME.set(execution, kind.staffTaskName());
      Optional<Booking> held = bookings.held(LOAN_REQUEST_ID.get(execution), kind);
      BOOKED.set(execution, held.isPresent());
      held.ifPresent(booking -> remember(execution, booking));
    };
  }

  /** The member's choice among the free slots: checked again, and the database refuses a place already taken. */
  @Bean("bookHandoverSlot")
  TaskListener bookHandoverSlot(Bookings bookings) {
    return task -> {
      Booking booking = bookings.book(LOAN_REQUEST_ID.get(task), kind(task), SLOT.getOrNull(task),
          task.getProcessInstanceId(), Actor.of(task));
      remember(task.getExecution(), booking);
    };
  }

  /** At the appointment: done (the loan starts or closes) or the member's absence (they book again). */
  @Bean("recordHandover")
  TaskListener recordHandover(Bookings bookings) {
    return task -> {
      String outcome = OUTCOME.getOrNull(task);
      if (!"fait".equals(outcome) && !"absente".equals(outcome)) {
        throw new InvalidInputException("Dites si la remise est faite ou si la structure n'est pas venue.");
      }
      boolean done = "fait".equals(outcome);
      bookings.recordOutcome(BOOKING_ID.get(task), done, NOTES.getOrNull(task), Actor.of(task));
      HANDOVER_DONE.set(task, done);
    };
  }

  private static void remember(DelegateExecution execution, Booking booking) {
    BOOKING_ID.set(execution, booking.id());
    REMINDER_AT.set(execution, booking.reminderAt().toInstant());
  }

  private static HandoverKind kind(VariableScope variables) {
    return HandoverKind.valueOf(HANDOVER_KIND.get(variables));
  }
}
