package fr.manche.tna.handover;

import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static fr.manche.tna.test.WebClient.html;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.handover.Booking.BookingStatus;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The handover pages as their users see them (R12, issue 11 item 2): the staff's « Remises du jour » (the day's
 * appointments in time order, with the organisation and the hour; a day that cannot be read says so in French) and
 * the member's « Mes rendez-vous » (their organisation's appointments only; moved or cancelled from the page until the
 * day before; another organisation's number or a slot not offered refused in French, nothing changed).
 */
@ApplicationTest
class HandoverPagesTest {

  private static final String PASSWORD = "un mot de passe assez long";
  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String LAYOUT = "data-layout=\"reseau-tna\"";
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H'h'mm");

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired Bookings bookings;
  @Autowired IdentityService identityService;

  private String user;
  private String otherUser;
  private long organisationId;
  private long otherOrganisationId;
  private Item drone;
  private Item headset;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Gavray", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.Signed other = fixtures.signed(TestSirets.next(), "Centre social de Tessy", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    otherUser = other.memberSignatoryUserId();
    organisationId = member.convention().organisationId();
    otherOrganisationId = other.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    loans.insuredUntil(otherOrganisationId, LocalDate.of(2030, 12, 31));
    drone = loans.item("Drone");
    headset = loans.item("Casque de réalité virtuelle");
    for (String login : new String[] {user, otherUser, MANAGER}) {
      setPassword(login);
    }
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void staffSeeTheDaysAppointmentsWithTheOrganisationAndTheHourAndMembersGetNoStaffPage() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    Booking booking = heldOf(organisationId, loanId);
    LocalDate day = booking.slot().start().toLocalDate();

    WebClient manager = login(MANAGER);
    HttpResponse<String> page = manager.get("/remises?jour=" + enc(day.format(TYPED)));
    assertThat(page.statusCode()).isEqualTo(200);
    String hours = booking.slot().start().format(HOUR) + " – " + booking.slot().end().format(HOUR);
    assertThat(page.body()).contains(LAYOUT).contains(">" + hours + "<").contains(">Retrait<").contains(">n° " + loanId + "<")
        .contains(">Médiathèque de Gavray<").contains(drone.inventoryNumber() + " (Drone)").contains(">réservé<")
        .contains("href=\"/taches?processus=" + booking.processInstanceId() + "\"")
        .contains("href=\"/remises?jour=" + day.minusDays(1).format(TYPED) + "\"").contains("Jour précédent")
        .contains("href=\"/remises?jour=" + day.plusDays(1).format(TYPED) + "\"").contains("Jour suivant");

    // Without a day: today (11 January 2027), which has no appointment here.
    assertThat(manager.get("/remises").body()).contains("lundi 11 janvier 2027").doesNotContain(">n° " + loanId + "<");

    // Members get no staff page.
    HttpResponse<String> refused = login(user).get("/remises?jour=" + enc(day.format(TYPED)));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains(LAYOUT).doesNotContain("Médiathèque de Gavray");
  }

  @Test
  void aDayThatCannotBeReadSaysSoNextToTheFieldAndAnEmptyDaySaysWhy() {
    WebClient manager = login(MANAGER);
    HttpResponse<String> bad = manager.get("/remises?jour=" + enc("31/02/2027"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("<small id=\"jour-erreur\">Le champ « Jour (JJ/MM/AAAA) » doit contenir une date qui existe")
        .contains("« 31/02/2027 » n&#39;en est pas une.").contains("lundi 11 janvier 2027")
        .contains("aria-invalid=\"true\"");

    // Sunday 7 March 2027: nothing, and why.
    String sunday = manager.get("/remises?jour=" + enc("07/03/2027")).body();
    assertThat(sunday).contains("dimanche 7 mars 2027").contains("Aucun rendez-vous de retrait ni de retour ce jour-là.")
        .contains(html("La Maison du Département n'ouvre pas le dimanche."));
  }

  @Test
  void theMemberSeesOnlyTheirAppointmentsAndMovesOneToAnotherFreeSlot() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    ProcessInstance theirs = handovers.approvedLoan(otherUser, "05/03/2027", "09/03/2027", headset.inventoryNumber());
    long theirLoanId = loans.loanIdOf(theirs);
    handovers.book(otherUser, theirs, handovers.offeredSlots(theirs).get(0));
    Booking booking = heldOf(organisationId, loanId);

    WebClient client = login(user);
    HttpResponse<String> page = client.get("/mes-rendez-vous");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(LAYOUT).contains("Retrait du matériel").contains(booking.slot().french())
        .contains("n° " + loanId + "<").contains(drone.inventoryNumber()).contains("du 5 au 9 mars 2027")
        .contains("action=\"/mes-rendez-vous/" + booking.id() + "/deplacer\"")
        .contains("action=\"/mes-rendez-vous/" + booking.id() + "/annuler\"")
        .doesNotContain("n° " + theirLoanId + "<").doesNotContain(headset.inventoryNumber());
    String csrf = csrf(page.body());
    List<String> offered = options(page.body());
    assertThat(offered).isNotEmpty().doesNotContain(Bookings.valueOf(booking.slot().start()));
    String target = offered.get(offered.size() - 1);

    // A slot that is not offered: refused in French next to the appointment, nothing changed.
    HttpResponse<String> bad = client.post("/mes-rendez-vous/" + booking.id() + "/deplacer", FORM,
        "_csrf=" + csrf + "&creneau=" + enc("2027-02-28T03:00+01:00"), false);
    assertThat(bad.statusCode()).isEqualTo(302);
    assertThat(client.get("/mes-rendez-vous").body()).contains("id=\"rendez-vous-" + booking.id() + "-erreur\"")
        .contains("n&#39;est pas (ou plus) libre pour ce prêt");
    assertThat(bookings.find(booking.id())).isEqualTo(booking);
    // A form without its token is refused.
    assertThat(client.post("/mes-rendez-vous/" + booking.id() + "/deplacer", FORM, "_csrf=faux&creneau=" + enc(target), false)
        .statusCode()).isEqualTo(403);

    HttpResponse<String> moved = client.post("/mes-rendez-vous/" + booking.id() + "/deplacer", FORM,
        "_csrf=" + csrf + "&creneau=" + enc(target), false);
    assertThat(moved.statusCode()).isEqualTo(302);
    handovers.runJobs(loan);
    Booking after = bookings.find(booking.id());
    assertThat(Bookings.valueOf(after.slot().start())).isEqualTo(target);
    assertThat(after.sequence()).isEqualTo(1);
    assertThat(after.status()).isEqualTo(BookingStatus.RESERVE);
    assertThat(client.get("/mes-rendez-vous").body()).contains("Rendez-vous déplacé : le retrait du matériel du prêt n° " + loanId
        + " aura lieu " + after.slot().french() + " ; une nouvelle invitation vous est envoyée.");

    // Staff have their own page: sent there from the member's, refused on its forms.
    WebClient manager = login(MANAGER);
    HttpResponse<String> staffPage = manager.get("/mes-rendez-vous");
    assertThat(staffPage.statusCode()).isEqualTo(302);
    assertThat(staffPage.headers().firstValue("Location").orElseThrow()).endsWith("/remises");
    assertThat(manager.post("/mes-rendez-vous/" + booking.id() + "/annuler", FORM, "_csrf=" + csrf, false).statusCode())
        .isEqualTo(403);
    assertThat(bookings.find(booking.id()).status()).isEqualTo(BookingStatus.RESERVE);
  }

  @Test
  void theMemberCancelsFromThePageAndTheSlotIsFreeAgain() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    String slot = handovers.offeredSlots(loan).get(0);
    handovers.book(user, loan, slot);
    Booking booking = heldOf(organisationId, loanId);
    assertThat(bookings.freeSlots(loanId, HandoverKind.RETRAIT)).noneMatch(free -> free.value().equals(slot));

    WebClient client = login(user);
    String csrf = csrf(client.get("/mes-rendez-vous").body());
    HttpResponse<String> cancelled = client.post("/mes-rendez-vous/" + booking.id() + "/annuler", FORM, "_csrf=" + csrf, false);
    assertThat(cancelled.statusCode()).isEqualTo(302);
    handovers.runJobs(loan);
    assertThat(bookings.find(booking.id()).status()).isEqualTo(BookingStatus.ANNULE);
    String page = client.get("/mes-rendez-vous").body();
    assertThat(page).contains("Rendez-vous annulé : réservez un autre créneau dans votre liste des tâches.")
        .doesNotContain("data-rendez-vous=\"" + booking.id() + "\"");
    assertThat(handovers.offeredSlots(loan)).contains(slot);
    // Cancelled, it is no longer on the staff's day.
    assertThat(login(MANAGER).get("/remises?jour=" + enc(booking.slot().start().toLocalDate().format(TYPED))).body())
        .doesNotContain("data-rendez-vous=\"" + booking.id() + "\"");
  }

  @Test
  void anotherOrganisationsAppointmentNumberIsRefusedInFrenchAndNothingChanges() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    ProcessInstance theirs = handovers.approvedLoan(otherUser, "05/03/2027", "09/03/2027", headset.inventoryNumber());
    long theirLoanId = loans.loanIdOf(theirs);
    handovers.book(otherUser, theirs, handovers.offeredSlots(theirs).get(0));
    Booking their = heldOf(otherOrganisationId, theirLoanId);
    String target = bookings.freeSlots(theirLoanId, HandoverKind.RETRAIT).get(0).value();

    WebClient client = login(user);
    String page = client.get("/mes-rendez-vous").body();
    assertThat(page).contains("n° " + loanId + "<").doesNotContain("data-rendez-vous=\"" + their.id() + "\"");
    String csrf = csrf(page);
    for (String action : new String[] {"deplacer", "annuler"}) {
      HttpResponse<String> refused = client.post("/mes-rendez-vous/" + their.id() + "/" + action, FORM,
          "_csrf=" + csrf + "&creneau=" + enc(target), false);
      assertThat(refused.statusCode()).as(action).isEqualTo(302);
      assertThat(client.get("/mes-rendez-vous").body()).as(action)
          .contains("role=\"alert\">Ce rendez-vous n&#39;existe pas pour votre structure.</p>")
          .doesNotContain("n° " + theirLoanId + "<");
    }
    assertThat(bookings.find(their.id())).isEqualTo(their);
  }

  @Test
  void onTheDayOfTheAppointmentTheFormsAreGoneAndAPostIsRefused() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    Booking booking = heldOf(organisationId, loanId);

    WebClient client = login(user);
    String csrf = csrf(client.get("/mes-rendez-vous").body());
    ConventionFixtures.at(booking.slot().start().toLocalDate(), LocalTime.of(8, 0));
    String page = client.get("/mes-rendez-vous").body();
    assertThat(page).contains("data-rendez-vous=\"" + booking.id() + "\"")
        .contains("Le jour du rendez-vous, il ne peut plus être changé en ligne")
        .doesNotContain("/deplacer").doesNotContain("/annuler").doesNotContain("Annuler le rendez-vous");

    HttpResponse<String> refused = client.post("/mes-rendez-vous/" + booking.id() + "/annuler", FORM, "_csrf=" + csrf, false);
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(client.get("/mes-rendez-vous").body()).contains("id=\"rendez-vous-" + booking.id() + "-erreur\"")
        .contains(html("le jour venu, il ne peut plus être changé en ligne."));
    assertThat(bookings.find(booking.id())).isEqualTo(booking);
  }

  private Booking heldOf(long organisation, long loanId) {
    return bookings.heldByOrganisation(organisation).stream().filter(booking -> booking.loanRequestId() == loanId)
        .findFirst().orElseThrow(() -> new AssertionError("No booking held for the loan " + loanId));
  }

  private WebClient login(String login) {
    return WebClient.loggedIn(port, login, PASSWORD);
  }

  private void setPassword(String userId) {
    driver.setPassword(userId, PASSWORD);
  }

  /** The values of the page's slot options, in order. */
  private static List<String> options(String page) {
    List<String> values = new ArrayList<>();
    Matcher matcher = Pattern.compile("<option value=\"([^\"]+)\"").matcher(page);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }
}
