package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.handover.Booking.BookingStatus;
import fr.manche.tna.handover.process.HandoverProcess;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.loan.LoanLifecycle;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11, item 2 (R12): once a loan is approved its member books a pickup slot, then a return slot, among the free
 * slots the server computes: never on a public holiday (Easter Monday 29 March 2027, Whit Monday 17 May 2027) nor a
 * closure; at the right Paris hour in the mail and in the calendar invitation on the days summer and winter time
 * begin; a full slot is not offered nor taken, even by two members at the same moment; a moved booking updates the
 * same calendar event, a cancelled one removes it; reminded the day before; a missed appointment asks to book again;
 * a cancelled loan frees its slots. The clock is moved, never waited for.
 */
@ApplicationTest
class HandoverBookingTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired Bookings bookings;
  @Autowired OpeningHours hours;
  @Autowired LoanRequestService requests;
  @Autowired LoanLifecycle lifecycle;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private ConventionFixtures.Signed member;
  private String user;
  private String email;
  private long organisationId;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    member = fixtures.signed(TestSirets.next(), "Médiathèque de Percy-en-Normandie", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    email = member.memberSignatoryEmail();
    organisationId = member.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    hours.setSettings("30", "2", "test");
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
    jdbc.sql("delete from handover_closure").update();
    hours.setDay(DayOfWeek.SUNDAY, "", "test");
    hours.setSettings("30", "2", "test");
  }

  @Test
  void noSlotIsOfferedOrTakenOnEasterMondayWhitMondayOrAClosure() {
    hours.addClosure("24/05/2027", "25/05/2027", "Inventaire annuel", "test");
    ProcessInstance easter = handovers.approvedLoan(user, "29/03/2027", "02/04/2027", loans.item("Drone").inventoryNumber());
    ProcessInstance whit = handovers.approvedLoan(user, "17/05/2027", "21/05/2027", loans.item("Drone").inventoryNumber());
    ProcessInstance closed = handovers.approvedLoan(user, "25/05/2027", "28/05/2027", loans.item("Drone").inventoryNumber());

    assertThat(handovers.offeredSlots(easter)).isNotEmpty().noneMatch(slot -> slot.startsWith("2027-03-29"))
        .contains("2027-03-26T14:00+01:00", "2027-03-26T09:00+01:00");
    assertThat(handovers.offeredSlots(whit)).isNotEmpty().noneMatch(slot -> slot.startsWith("2027-05-17"));
    assertThat(handovers.offeredSlots(closed)).isNotEmpty()
        .noneMatch(slot -> slot.startsWith("2027-05-24") || slot.startsWith("2027-05-25"));

    // Sent anyway (a form altered by hand, or the service called directly), each is refused in French.
    assertThatThrownBy(() -> handovers.book(user, easter, "2027-03-29T09:00+02:00")).hasMessageContaining("Créneau choisi");
    long easterLoan = loans.loanIdOf(easter);
    String handoverId = handovers.handover(easter).getId();
    for (String[] refused : List.of(new String[] {"2027-03-29T09:00+02:00", "29 mars 2027"},
        new String[] {"n'importe quoi", "Choisissez un créneau"})) {
      assertThatThrownBy(() -> bookings.book(easterLoan, HandoverKind.RETRAIT, refused[0], handoverId, user))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(refused[1]);
    }
    assertThatThrownBy(() -> bookings.book(loans.loanIdOf(whit), HandoverKind.RETRAIT, "2027-05-17T09:00+02:00",
        handovers.handover(whit).getId(), user)).hasMessageContaining("n'est pas (ou plus) libre");
    assertThatThrownBy(() -> bookings.book(loans.loanIdOf(closed), HandoverKind.RETRAIT, "2027-05-25T09:00+02:00",
        handovers.handover(closed).getId(), user)).hasMessageContaining("n'est pas (ou plus) libre");
    assertThat(bookings.of(easterLoan)).isEmpty();
    assertThat(handovers.bookingTask(easter)).isNotNull();
  }

  @Test
  void onTheDaysSummerAndWinterTimeBeginTheMailAndTheInvitationGiveTheParisHourAndAMoveUpdatesTheSameEvent()
      throws Exception {
    hours.setDay(DayOfWeek.SUNDAY, "9:00-12:00", "test");
    ProcessInstance loan = handovers.approvedLoan(user, "28/03/2027", "31/03/2027", loans.item("Drone").inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    // Sunday 28 March 2027: summer time since 3:00, 9:00 in Paris is 7:00 UTC.
    handovers.book(user, loan, "2027-03-28T09:00+02:00");
    MimeMessage booked = mailTo("Rendez-vous de retrait du matériel : le dimanche 28 mars 2027 de 9h00 à 9h30");
    assertThat(Mails.part(booked, "text/plain")).contains("le dimanche 28 mars 2027 de 9h00 à 9h30");
    String ics = Mails.part(booked, "text/calendar");
    assertThat(ics).contains("METHOD:REQUEST").contains("DTSTART;TZID=Europe/Paris:20270328T090000").contains("SEQUENCE:0");
    VEvent event = event(ics);
    assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
    String uid = event.getUid().orElseThrow().getValue();
    Booking booking = bookings.held(loanId, HandoverKind.RETRAIT).orElseThrow();
    // Reminded the day before at 10:00 (winter time still: 9:00 UTC).
    assertThat(reminderDue(loan)).isEqualTo(Instant.parse("2027-03-27T09:00:00Z"));

    // Moved to Friday 26 March 14:00 (winter time): the same event, its sequence one higher, the reminder moved.
    bookings.move(organisationId, booking.id(), "2027-03-26T14:00+01:00", user);
    handovers.runJobs(loan);
    String moved = Mails.part(mailTo("Rendez-vous déplacé : retrait du matériel le vendredi 26 mars 2027 de 14h00 à 14h30"),
        "text/calendar");
    assertThat(event(moved).getUid().orElseThrow().getValue()).isEqualTo(uid);
    assertThat(moved).contains("SEQUENCE:1").contains("DTSTART;TZID=Europe/Paris:20270326T140000").contains("METHOD:REQUEST");
    assertThat(reminderDue(loan)).isEqualTo(Instant.parse("2027-03-25T09:00:00Z"));
    // The old slot is free again, the new one taken: another loan of that week sees it.
    assertThat(bookings.find(booking.id()).slot().start().toInstant()).isEqualTo(Instant.parse("2027-03-26T13:00:00Z"));

    // Cancelled: the event is removed (same uid, higher sequence) and the member books again.
    bookings.cancel(organisationId, booking.id(), user);
    handovers.runJobs(loan);
    String cancelled = Mails.part(mailTo("Rendez-vous annulé : réservez un autre créneau pour le retrait du matériel"),
        "text/calendar");
    assertThat(cancelled).contains("METHOD:CANCEL").contains("STATUS:CANCELLED").contains("SEQUENCE:2")
        .contains("UID:" + uid);
    assertThat(handovers.bookingTask(loan)).isNotNull();
    assertThat(bookings.held(loanId, HandoverKind.RETRAIT)).isEmpty();

    // Booked again on the Sunday; reminded on Saturday at 10:00, not before, once.
    handovers.book(user, loan, "2027-03-28T09:00+02:00");
    ConventionFixtures.at(LocalDate.of(2027, 3, 27), LocalTime.of(9, 59));
    handovers.runJobs(loan);
    assertThat(subjects()).noneMatch(subject -> subject.startsWith("Rappel : rendez-vous demain"));
    ConventionFixtures.at(LocalDate.of(2027, 3, 27), LocalTime.of(10, 0));
    handovers.runJobs(loan);
    assertThat(subjects()).filteredOn(subject -> subject.equals("Rappel : rendez-vous demain pour le retrait du matériel"))
        .hasSize(1);
    // The day before, the booking can no longer be changed online.
    ConventionFixtures.at(LocalDate.of(2027, 3, 28), LocalTime.of(8, 0));
    long rebooked = bookings.held(loanId, HandoverKind.RETRAIT).orElseThrow().id();
    assertThatThrownBy(() -> bookings.cancel(organisationId, rebooked, user)).hasMessageContaining("le jour venu");

    // Picked up; the return is booked on Sunday 31 October... of a loan over the change to winter time.
    ConventionFixtures.at(LocalDate.of(2027, 3, 28), LocalTime.of(9, 5));
    handovers.record(loan, "fait", "");
    assertThat(requests.find(loanId).pickedUp()).isTrue();
    assertThat(handovers.bookingTask(loan)).as("the return is to book").isNotNull();

    ProcessInstance autumn = handovers.approvedLoan(user, "25/10/2027", "31/10/2027", loans.item("Drone").inventoryNumber());
    handovers.book(user, autumn, "2027-10-25T09:00+02:00");
    handovers.record(autumn, "fait", "");
    handovers.book(user, autumn, "2027-10-31T09:00+01:00");
    String autumnIcs = Mails.part(mailTo("Rendez-vous de retour du matériel : le dimanche 31 octobre 2027 de 9h00 à 9h30"),
        "text/calendar");
    assertThat(autumnIcs).contains("DTSTART;TZID=Europe/Paris:20271031T090000");
    assertThat(ZonedDateTime.from(event(autumnIcs).getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2027-10-31T08:00:00Z"));
    ConventionFixtures.at(LocalDate.of(2027, 10, 31), LocalTime.of(9, 10));
    handovers.record(autumn, "fait", "Complet");
    assertThat(requests.find(loans.loanIdOf(autumn)).status()).isEqualTo(LoanRequestStatus.RENDUE);
    assertThat(handovers.handover(autumn)).isNull();
  }

  @Test
  void aFullSlotIsNeitherOfferedNorTaken() {
    hours.setSettings("30", "1", "test");
    ProcessInstance first = handovers.approvedLoan(user, "11/06/2027", "15/06/2027", loans.item("Drone").inventoryNumber());
    ProcessInstance second = handovers.approvedLoan(user, "11/06/2027", "15/06/2027", loans.item("Drone").inventoryNumber());
    assertThat(handovers.offeredSlots(second)).contains("2027-06-11T14:00+02:00");
    handovers.book(user, first, "2027-06-11T14:00+02:00");

    assertThat(bookings.freeSlots(loans.loanIdOf(second), HandoverKind.RETRAIT)).extracting(Bookings.FreeSlot::value)
        .doesNotContain("2027-06-11T14:00+02:00").contains("2027-06-11T14:30+02:00");
    assertThatThrownBy(() -> bookings.book(loans.loanIdOf(second), HandoverKind.RETRAIT, "2027-06-11T14:00+02:00",
        handovers.handover(second).getId(), user)).hasMessageContaining("n'est pas (ou plus) libre");
    assertThat(bookings.of(loans.loanIdOf(second))).isEmpty();
  }

  @Test
  void twoMembersBookingTheLastPlaceAtTheSameMomentGetOneBookingAndOneFrenchRefusal() throws Exception {
    hours.setSettings("30", "1", "test");
    ProcessInstance first = handovers.approvedLoan(user, "18/06/2027", "22/06/2027", loans.item("Drone").inventoryNumber());
    ProcessInstance second = handovers.approvedLoan(user, "18/06/2027", "22/06/2027", loans.item("Drone").inventoryNumber());
    List<long[]> callers = List.of(new long[] {loans.loanIdOf(first)}, new long[] {loans.loanIdOf(second)});
    List<String> instances = List.of(handovers.handover(first).getId(), handovers.handover(second).getId());
    for (int round = 0; round < 5; round++) {
      String slot = ZonedDateTime.parse("2027-06-18T09:00+02:00").plusMinutes(30L * round).toOffsetDateTime().toString();
      CountDownLatch ready = new CountDownLatch(2);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> outcomes = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          long loanId = callers.get(i)[0];
          String instance = instances.get(i);
          Callable<String> call = () -> {
            ready.countDown();
            go.await();
            try {
              return transactions.execute(status -> {
                bookings.releaseAllOf(loanId, "test");
                return "réservé " + bookings.book(loanId, HandoverKind.RETRAIT, slot, instance, user).id();
              });
            } catch (InvalidInputException refused) {
              return "refus : " + refused.getMessage();
            }
          };
          outcomes.add(pool.submit(call));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).filteredOn(result -> result.startsWith("réservé")).hasSize(1);
        assertThat(results).filteredOn(result -> result.startsWith("refus : "))
            .singleElement().asString().containsAnyOf("vient d'être pris", "est complet", "n'est pas (ou plus) libre");
        assertThat(jdbc.sql("select count(*) from handover_place where slot_start = ?")
            .param(java.time.OffsetDateTime.parse(slot)).query(Long.class).single()).isOne();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aMissedAppointmentIsRecordedAfterItsHourAndAsksTheMemberToBookAgain() {
    ProcessInstance loan = handovers.approvedLoan(user, "04/06/2027", "08/06/2027", loans.item("Drone").inventoryNumber());
    handovers.book(user, loan, "2027-06-04T10:00+02:00");
    long bookingId = bookings.held(loans.loanIdOf(loan), HandoverKind.RETRAIT).orElseThrow().id();
    Task atTheDesk = handovers.handoverTask(loan);
    assertThat(atTheDesk.getName()).startsWith("Remettre le matériel à la structure : état des lieux de départ")
        .contains("Médiathèque de Percy-en-Normandie");
    assertThat(atTheDesk.getDueDate().toInstant()).isEqualTo(Instant.parse("2027-06-04T08:00:00Z"));

    ConventionFixtures.at(LocalDate.of(2027, 6, 4), LocalTime.of(9, 50));
    assertThatThrownBy(() -> handovers.record(loan, "absente", "")).hasMessageContaining("n'a pas encore eu lieu");
    assertThatThrownBy(() -> handovers.record(loan, "peut-être", "")).hasMessageContaining("Dites si la remise est faite");
    assertThat(bookings.find(bookingId).status()).isEqualTo(BookingStatus.RESERVE);

    ConventionFixtures.at(LocalDate.of(2027, 6, 4), LocalTime.of(10, 40));
    handovers.record(loan, "absente", "Personne au rendez-vous.");
    assertThat(bookings.find(bookingId).status()).isEqualTo(BookingStatus.MANQUE);
    MimeMessage missed = mailTo("Rendez-vous manqué : réservez un autre créneau pour le retrait du matériel");
    assertThat(Mails.part(missed, "text/plain")).contains("le vendredi 4 juin 2027 de 10h00 à 10h30")
        .contains("/taches?processus=" + handovers.handover(loan).getId());
    assertThat(handovers.bookingTask(loan)).isNotNull();
    assertThat(requests.find(loans.loanIdOf(loan)).pickedUp()).isFalse();
  }

  @Test
  void aCancelledLoanFreesItsSlotAndRemovesTheAppointmentFromTheCalendar() throws Exception {
    hours.setSettings("30", "1", "test");
    ProcessInstance loan = handovers.approvedLoan(user, "02/07/2027", "06/07/2027", loans.item("Drone").inventoryNumber());
    ProcessInstance other = handovers.approvedLoan(user, "02/07/2027", "06/07/2027", loans.item("Drone").inventoryNumber());
    handovers.book(user, loan, "2027-07-02T09:00+02:00");
    String uid = event(Mails.part(mailTo("Rendez-vous de retrait du matériel : le vendredi 2 juillet 2027 de 9h00 à 9h30"),
        "text/calendar")).getUid().orElseThrow().getValue();
    assertThat(bookings.freeSlots(loans.loanIdOf(other), HandoverKind.RETRAIT)).extracting(Bookings.FreeSlot::value)
        .doesNotContain("2027-07-02T09:00+02:00");

    lifecycle.cancel(organisationId, loans.loanIdOf(loan), user);
    handovers.runJobs(loan);
    String cancelled = Mails.part(mailTo("Rendez-vous annulé avec votre prêt n° " + loans.loanIdOf(loan)), "text/calendar");
    assertThat(cancelled).contains("METHOD:CANCEL").contains("UID:" + uid).contains("SEQUENCE:1");
    assertThat(bookings.freeSlots(loans.loanIdOf(other), HandoverKind.RETRAIT)).extracting(Bookings.FreeSlot::value)
        .contains("2027-07-02T09:00+02:00");
    assertThat(handovers.handover(loan)).isNull();
  }

  private Instant reminderDue(ProcessInstance loan) {
    Job timer = managementService.createJobQuery().processInstanceId(handovers.handover(loan).getId())
        .activityId("BoundaryEvent_Reminder").singleResult();
    return timer.getDuedate().toInstant();
  }

  private static VEvent event(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)));
    return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
  }

  private List<String> subjects() {
    return Mails.to(email).stream().map(Mails::subject).toList();
  }

  private MimeMessage mailTo(String subject) {
    return Mails.to(email).stream().filter(mail -> Mails.subject(mail).equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("No mail « " + subject + " » in " + subjects()));
  }
}
