package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.HandoverProcess.*;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.Inspection;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.inventory.Maintenance;
import fr.manche.tna.handover.LoanReports;
import fr.manche.tna.handover.ReportCategory;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.platform.time.ParisTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
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

  /**
   * At the appointment: done (the loan starts or closes), once its inspection is recorded (page « État des lieux »,
   * which completes this task itself, R13); or the member's absence (they book again). A done handover starts the
   * process of its report ({@code InspectionReport}: the PDF to the member, their acknowledgement when not on site);
   * a done return also starts the loan's report ({@code LoanReport}, R24) and counts towards maintenance (R18).
   */
  @Bean("recordHandover")
  TaskListener recordHandover(Bookings bookings, Inspections inspections, RuntimeService runtime,
      Maintenance maintenance) {
    return task -> {
      String outcome = OUTCOME.getOrNull(task);
      if (!"fait".equals(outcome) && !"absente".equals(outcome)) {
        throw new InvalidInputException("Dites si la remise est faite ou si la structure n'est pas venue.");
      }
      boolean done = "fait".equals(outcome);
      long bookingId = BOOKING_ID.get(task);
      Optional<Inspection> inspection = inspections.forBooking(bookingId);
      if (done && inspection.isEmpty()) {
        throw new InvalidInputException("Faites d'abord l'état des lieux : page « Remises du jour », lien « État des"
            + " lieux » sur la ligne du rendez-vous ; la remise est alors enregistrée d'elle-même.");
      }
      bookings.recordOutcome(bookingId, done, NOTES.getOrNull(task), Actor.of(task));
      HANDOVER_DONE.set(task, done);
      if (!done) {
        return;
      }
      Map<String, Object> organisation = Map.of(
          CommonVariables.ORGANISATION_ID.name(), CommonVariables.ORGANISATION_ID.get(task),
          CommonVariables.MEMBER_GROUP_ID.name(), CommonVariables.MEMBER_GROUP_ID.get(task));
      // R13: the report of the inspection (PDF to the member, acknowledgement unless on site).
      Map<String, Object> report = new HashMap<>(organisation);
      report.put(InspectionReportProcess.INSPECTION_ID.name(), inspection.get().id());
      report.put(InspectionReportProcess.ACKNOWLEDGED_ON_SITE.name(), inspection.get().acknowledgedOnSite());
      runtime.startProcessInstanceByKey(InspectionReportProcess.KEY, "etat-des-lieux-" + inspection.get().id(), report);
      if (kind(task) == HandoverKind.RETOUR) {
        // R24: the loan's report; R18: each item back counts one loan more towards its type's maintenance.
        long loanId = LOAN_REQUEST_ID.get(task);
        Map<String, Object> loanReport = new HashMap<>(organisation);
        loanReport.put(LoanReportProcess.LOAN_REQUEST_ID.name(), loanId);
        runtime.startProcessInstanceByKey(LoanReportProcess.KEY, "compte-rendu-" + loanId, loanReport);
        for (Inspection.ItemRecord item : inspection.get().items()) {
          maintenance.afterReturn(item.itemId(), Actor.of(task));
        }
      }
    };
  }

  /** The member's organisation may read the report's instance (its tenant: the organisation given at its start). */
  @Bean("inspectionReportAccess")
  ExecutionListener inspectionReportAccess() {
    return execution -> InstanceGrants.letGroupRead(execution, CommonVariables.MEMBER_GROUP_ID.get(execution));
  }

  /** The member acknowledges the inspection in Tasklist, with remarks if they disagree. */
  @Bean("acknowledgeInspection")
  TaskListener acknowledgeInspection(Inspections inspections) {
    return task -> {
      if (!Boolean.TRUE.equals(InspectionReportProcess.ACKNOWLEDGED.getOrNull(task))) {
        throw new InvalidInputException("Cochez « J'ai pris connaissance de cet état des lieux » ; vos remarques"
            + " éventuelles vont dans le champ prévu.");
      }
      inspections.acknowledge(InspectionReportProcess.INSPECTION_ID.get(task),
          InspectionReportProcess.MEMBER_REMARKS.getOrNull(task), Actor.of(task));
    };
  }

  /** The member's organisation may read the loan report's instance (its tenant: the organisation given at its start). */
  @Bean("loanReportAccess")
  ExecutionListener loanReportAccess() {
    return execution -> InstanceGrants.letGroupRead(execution, CommonVariables.MEMBER_GROUP_ID.get(execution));
  }

  /** When the member is reminded of the loan's report: {@value LoanReportProcess#REMINDER_DAYS} days on, 9:00 Paris. */
  @Bean("prepareLoanReport")
  JavaDelegate prepareLoanReport() {
    return execution -> LoanReportProcess.REMINDER_AT.set(execution, ParisTime.today()
        .plusDays(LoanReportProcess.REMINDER_DAYS).atTime(LocalTime.of(9, 0)).atZone(ParisTime.ZONE).toInstant());
  }

  /** The member's report (R24), checked and stored by {@link LoanReports}; refused in French, the task stays open. */
  @Bean("fileLoanReport")
  TaskListener fileLoanReport(LoanReports reports) {
    return task -> {
      Map<ReportCategory, Object> numbers = new EnumMap<>(ReportCategory.class);
      LoanReportProcess.NUMBER_FIELDS.forEach((category, variable) -> {
        Object value = variable.getOrNull(task);
        if (value != null) {
          numbers.put(category, value);
        }
      });
      reports.file(LoanReportProcess.LOAN_REQUEST_ID.get(task), CommonVariables.ORGANISATION_ID.get(task), numbers,
          LoanReportProcess.APPRECIATION.getOrNull(task), LoanReportProcess.COMMENTS.getOrNull(task), Actor.of(task));
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
