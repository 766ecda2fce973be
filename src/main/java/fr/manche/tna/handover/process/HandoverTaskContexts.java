package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.HandoverProcess.*;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.Bookings.FreeSlot;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.Inspection;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.forms.FormOptions;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.tasks.TaskContext;
import fr.manche.tna.platform.tasks.TaskContexts;
import fr.manche.tna.platform.time.ParisTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A handover's tasks in Tasklist: the organisation, the items and the loan's period. « Réserver un créneau » offers,
 * as its only options, the slots free now ({@link Bookings#freeSlots}), due by the loan's first day (a pickup) or last
 * day (a return); the equipment managers' task is due at the appointment and shows it.
 */
@Component
class HandoverTaskContexts implements TaskContexts {

  private final Bookings bookings;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;
  private final Inspections inspections;

  HandoverTaskContexts(Bookings bookings, LoanRequestService loans, OrganisationRepository organisations,
      Inspections inspections) {
    this.inspections = inspections;
    this.bookings = bookings;
    this.loans = loans;
    this.organisations = organisations;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(HandoverProcess.KEY, InspectionReportProcess.KEY, LoanReportProcess.KEY);
  }

  @Override
  public TaskContext describe(DelegateTask task) {
    if (InspectionReportProcess.ACKNOWLEDGE_TASK.equals(task.getTaskDefinitionKey())) {
      return acknowledgement(task);
    }
    if (LoanReportProcess.FILE_TASK.equals(task.getTaskDefinitionKey())) {
      return loanReport(task);
    }
    LoanRequest loan = loans.find(LOAN_REQUEST_ID.get(task));
    HandoverKind kind = HandoverKind.valueOf(HANDOVER_KIND.get(task));
    Map<String, Object> shown = new HashMap<>();
    String organisationName = organisations.findById(loan.organisationId()).map(Organisation::name).orElse(null);
    if (organisationName != null) {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisationName);
    }
    shown.put(LOAN_ITEMS.name(), loan.itemsNamed());
    shown.put(LOAN_PERIOD.name(), loan.period() + " (" + loan.daysLabel() + ")");
    if (BOOK_TASK.equals(task.getTaskDefinitionKey())) {
      List<FreeSlot> free = bookings.freeSlots(loan.id(), kind);
      shown.put(FREE_SLOT_OPTIONS, FormOptions.variable(free.stream()
          .map(slot -> new FormOptions.Option(slot.value(), slot.label())).toList()));
      shown.put(SLOTS_SUMMARY.name(), free.isEmpty() ? bookings.noSlotReason(loan.id(), kind)
          : free.size() + (free.size() == 1 ? " créneau libre, " : " créneaux libres, ")
              + (kind == HandoverKind.RETRAIT ? "jusqu'au premier jour du prêt inclus." : "jusqu'au dernier jour du prêt inclus."));
      return TaskContext.of(organisationName, kind.noun() + " du matériel : " + loan.itemsNamed() + ", prêt " + loan.period())
          .due((kind == HandoverKind.RETRAIT ? loan.firstDay() : loan.lastDay()).atStartOfDay(ParisTime.ZONE).toInstant())
          .prefill(shown);
    }
    Booking booking = bookings.find(BOOKING_ID.get(task));
    shown.put(APPOINTMENT.name(), booking.slot().french());
    return TaskContext.of(organisationName, "rendez-vous " + booking.slot().french() + " : " + loan.itemsNamed())
        .due(booking.slot().start().toInstant())
        .prefill(shown);
  }

  /**
   * The loan's report (R24): the organisation, the items and the period shown read-only; due when the reminder goes,
   * {@value LoanReportProcess#REMINDER_DAYS} days after the return.
   */
  private TaskContext loanReport(DelegateTask task) {
    LoanRequest loan = loans.find(LoanReportProcess.LOAN_REQUEST_ID.get(task));
    String organisationName = organisations.findById(loan.organisationId()).map(Organisation::name).orElse(null);
    Map<String, Object> shown = new HashMap<>();
    if (organisationName != null) {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisationName);
    }
    shown.put(LOAN_ITEMS.name(), loan.itemsNamed());
    shown.put(LOAN_PERIOD.name(), loan.period() + " (" + loan.daysLabel() + ")");
    return TaskContext.of(organisationName, "compte rendu du prêt n° " + loan.id() + " : " + loan.itemsNamed() + ", "
            + loan.period())
        .due(LoanReportProcess.REMINDER_AT.getOrNull(task))
        .prefill(shown);
  }

  /** The member's acknowledgement: the record, item by item, as they read it on the form. */
  private TaskContext acknowledgement(DelegateTask task) {
    Inspection inspection = inspections.find(InspectionReportProcess.INSPECTION_ID.get(task));
    LoanRequest loan = loans.find(inspection.loanRequestId());
    String organisationName = organisations.findById(loan.organisationId()).map(Organisation::name).orElse(null);
    StringBuilder summary = new StringBuilder("État des lieux de " + inspection.kind().noun() + " du "
        + ParisTime.formatDateTime(inspection.recordedAt().atZoneSameInstant(ParisTime.ZONE)) + ", en présence de "
        + inspection.representative() + " :");
    for (Inspection.ItemRecord item : inspection.items()) {
      summary.append("\n- ").append(item.named()).append(" : ").append(item.condition().label())
          .append(item.missingAccessories().isEmpty() ? "" : " ; manque : " + String.join(", ", item.missingAccessories()))
          .append(item.notes() == null ? "" : " ; " + item.notes());
    }
    if (inspection.notes() != null) {
      summary.append("\nRemarques : ").append(inspection.notes());
    }
    Map<String, Object> shown = new HashMap<>();
    if (organisationName != null) {
      shown.put(CommonVariables.ORGANISATION_NAME.name(), organisationName);
    }
    shown.put(InspectionReportProcess.SUMMARY.name(), summary.toString());
    return TaskContext.of(organisationName, "état des lieux de " + inspection.kind().noun() + " du prêt n° " + loan.id()
        + " : " + loan.itemsNamed()).prefill(shown);
  }
}
