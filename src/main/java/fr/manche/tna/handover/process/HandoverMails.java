package fr.manche.tna.handover.process;

import static fr.manche.tna.handover.process.HandoverProcess.BOOKING_ID;

import fr.manche.tna.handover.Booking;
import fr.manche.tna.handover.Bookings;
import fr.manche.tna.handover.HandoverKind;
import fr.manche.tna.handover.Inspection;
import fr.manche.tna.handover.InspectionDocument;
import fr.manche.tna.handover.Inspections;
import fr.manche.tna.handover.LoanReports;
import fr.manche.tna.loan.LoanRequest;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.notification.Mail;
import fr.manche.tna.notification.ProcessMails;
import fr.manche.tna.platform.time.ParisTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mails of a handover (asynchronous tasks), {@code templates/mail/handover-*.html}, to the person who booked (the
 * organisation's contact if they have left): each carries the calendar invitation of the appointment, the same
 * event (uid) from its booking to its cancellation, its sequence growing with each change.
 */
@Configuration
class HandoverMails {

  /** What every handover mail tells. */
  record Facts(Booking booking, LoanRequest loan, Organisation organisation, String appointment) {}

  private final ProcessMails mails;
  private final Bookings bookings;
  private final LoanRequestService loans;
  private final OrganisationRepository organisations;
  private final AccountService accounts;

  HandoverMails(ProcessMails mails, Bookings bookings, LoanRequestService loans, OrganisationRepository organisations,
      AccountService accounts) {
    this.mails = mails;
    this.bookings = bookings;
    this.loans = loans;
    this.organisations = organisations;
    this.accounts = accounts;
  }

  @Bean("notifyHandoverBooked")
  JavaDelegate notifyHandoverBooked() {
    return mails.sending(execution -> invitation("handover-booked", booking(execution)));
  }

  /** Moved: the same event, updated; cancelled: the event removed from the calendar, and a slot to book again. */
  @Bean("notifyHandoverChanged")
  JavaDelegate notifyHandoverChanged() {
    return mails.sending(execution -> {
      Booking booking = booking(execution);
      return booking.held() ? invitation("handover-moved", booking) : invitation("handover-cancelled", booking)
          .with("processInstanceId", execution.getProcessInstanceId());
    });
  }

  /** Nobody came: the member is asked to book another slot (the link opens the booking task). */
  @Bean("notifyHandoverMissed")
  JavaDelegate notifyHandoverMissed() {
    return mails.sending(execution -> member("handover-missed", booking(execution))
        .with("processInstanceId", execution.getProcessInstanceId()));
  }

  /** The day before; not when the booking moved, was cancelled or made after that moment. */
  @Bean("remindHandover")
  JavaDelegate remindHandover() {
    JavaDelegate send = mails.sending(execution -> invitation("handover-reminder", booking(execution)));
    return execution -> {
      if (bookings.markReminded(BOOKING_ID.get(execution))) {
        send.execute(execution);
      }
    };
  }

  /**
   * The loan cancelled (by the loan's process, {@code LoanRequest}): its appointments are cancelled, their places
   * freed, and each is removed from the member's calendar. Each mail is sent once, even when the task is retried.
   */
  @Bean("releaseLoanHandovers")
  JavaDelegate releaseLoanHandovers() {
    return mails.sendingEachOnce(execution -> {
      Map<String, Mail> each = new LinkedHashMap<>();
      for (Booking booking : bookings.releaseAllOf(HandoverProcess.LOAN_REQUEST_ID.get(execution), "système")) {
        each.put("rendez-vous-" + booking.id(), invitation("handover-loan-cancelled", booking));
      }
      return each;
    });
  }

  /**
   * The inspection's report (R13): the PDF, and at a return both records side by side with the differences found;
   * the member is asked to acknowledge it in Tasklist unless their representative did on the spot.
   */
  @Bean("notifyInspectionReport")
  JavaDelegate notifyInspectionReport(Inspections inspections) {
    return mails.sending(execution -> {
      Inspection inspection = inspections.find(InspectionReportProcess.INSPECTION_ID.get(execution));
      Booking booking = bookings.find(inspection.bookingId());
      LoanRequest loan = loans.find(inspection.loanRequestId());
      Organisation organisation = organisations.findById(loan.organisationId()).orElseThrow();
      Optional<Inspection> pickup = inspection.kind() == HandoverKind.RETOUR
          ? inspections.ofLoan(loan.id(), HandoverKind.RETRAIT) : Optional.of(inspection);
      Optional<Inspection> back = inspection.kind() == HandoverKind.RETOUR && pickup.isPresent()
          ? Optional.of(inspection) : Optional.empty();
      List<Inspections.Difference> differences = inspections.differences(loan.id());
      byte[] pdf = InspectionDocument.pdf(loan, organisation, pickup.orElse(inspection), back, differences);
      return member("inspection-report", booking).with("inspection", inspection).with("differences", differences)
          .with("processInstanceId", execution.getProcessInstanceId())
          .attach(Mail.Attachment.pdf("etat-des-lieux-pret-" + loan.id() + "-" + inspection.kind().noun() + ".pdf", pdf));
    });
  }

  /** The loan is back: the member is asked to file its report (R24) in Tasklist. */
  @Bean("notifyLoanReportRequested")
  JavaDelegate notifyLoanReportRequested() {
    return mails.sending(execution -> loanReport("loan-report-requested", execution));
  }

  /** {@value LoanReportProcess#REMINDER_DAYS} days on, the report not filed: a reminder; none once it is filed. */
  @Bean("remindLoanReport")
  JavaDelegate remindLoanReport(LoanReports reports) {
    JavaDelegate send = mails.sending(execution -> loanReport("loan-report-reminder", execution));
    return execution -> {
      if (reports.find(LoanReportProcess.LOAN_REQUEST_ID.get(execution)).isEmpty()) {
        send.execute(execution);
      }
    };
  }

  /** To the person who requested the loan (the organisation's contact if they have left). */
  private Mail loanReport(String template, DelegateExecution execution) {
    LoanRequest loan = loans.find(LoanReportProcess.LOAN_REQUEST_ID.get(execution));
    Organisation organisation = organisations.findById(loan.organisationId()).orElseThrow();
    return Mail.of(template)
        .to(accounts.personOfUser(loan.requestedBy()).map(person -> person.email()).orElse(organisation.contactEmail()))
        .with("loan", loan).with("organisation", organisation)
        .with("dueOn", LoanReportProcess.REMINDER_AT.get(execution).atZone(ParisTime.ZONE).toLocalDate())
        .with("processInstanceId", execution.getProcessInstanceId());
  }

  /** The mail with the appointment's invitation: a request, or a cancellation once the booking is no longer held. */
  private Mail invitation(String template, Booking booking) {
    Mail mail = member(template, booking);
    return booking.held()
        ? mail.appointment(booking.calendarUid(), booking.sequence(), booking.slot().start(), booking.slot().end())
        : mail.appointmentCancelled(booking.calendarUid(), booking.sequence(), booking.slot().start(), booking.slot().end());
  }

  private Mail member(String template, Booking booking) {
    LoanRequest loan = loans.find(booking.loanRequestId());
    Organisation organisation = organisations.findById(loan.organisationId()).orElseThrow();
    return Mail.of(template)
        .to(accounts.personOfUser(booking.bookedBy()).map(person -> person.email()).orElse(organisation.contactEmail()))
        .with(new Facts(booking, loan, organisation, booking.slot().french()));
  }

  private Booking booking(DelegateExecution execution) {
    return bookings.find(BOOKING_ID.get(execution));
  }
}
