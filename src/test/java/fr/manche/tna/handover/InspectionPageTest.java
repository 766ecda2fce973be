package fr.manche.tna.handover;

import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static fr.manche.tna.test.WebClient.html;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
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
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page « État des lieux » as the equipment manager uses it at the handover desk (R13, issue 11 items 3 and 4):
 * each item with its kit and the condition scale; a form at fault says so next to its fields and changes nothing; a
 * good one records the inspection and completes the appointment's task (the pickup starts the loan); the return shows
 * the pickup's record beside each item and an accessory missing since opens a damage case. Members get no page, the
 * other staff read it, and an inspection is recorded once.
 */
@ApplicationTest
class InspectionPageTest {

  private static final String PASSWORD = "un mot de passe assez long";
  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String LAYOUT = "data-layout=\"reseau-tna\"";
  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired Bookings bookings;
  @Autowired Inspections inspections;
  @Autowired LoanRequestService requests;
  @Autowired Catalogue catalogue;
  @Autowired IdentityService identityService;

  private String user;
  private long organisationId;
  private Item drone;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Gavray", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    organisationId = member.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    drone = loans.item("Drone");
    for (String login : new String[] {user, MANAGER, ConventionFixtures.REFERENT}) {
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
  void thePickupPageListsTheItemItsKitAndTheScaleAndAPostAtFaultChangesNothing() {
    ProcessInstance loan = pickupBooked();
    Booking booking = held(loan, HandoverKind.RETRAIT);
    ConventionFixtures.at(booking.slot().start().toLocalDate(), booking.slot().start().toLocalTime());

    WebClient manager = login(MANAGER);
    String day = manager.get("/remises?jour=" + enc(booking.slot().start().toLocalDate().format(TYPED))).body();
    assertThat(day).contains("href=\"/remises/" + booking.id() + "/etat-des-lieux\"").contains(">État des lieux<");

    HttpResponse<String> page = manager.get(path(booking));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(LAYOUT).contains("État des lieux de départ").contains("Médiathèque de Gavray")
        .contains(drone.inventoryNumber() + " (Drone)")
        .contains("name=\"accessoire-" + drone.id() + "\" value=\"Chargeur\" checked")
        .contains("Comme neuf").contains("Bon état").contains("Usure normale").contains("Abîmé").contains(html("Hors d'usage"))
        .contains("Personne présente pour la structure").contains("Enregistrer l'état des lieux")
        .doesNotContain("Au départ");

    // Neither a condition nor a representative: both said next to their fields, what was typed shown again.
    HttpResponse<String> refused = manager.post(path(booking), FORM, "_csrf=" + csrf(page.body())
        + "&notes-" + drone.id() + "=" + enc("Rayure sur une hélice") + "&representant=", false);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Rien n'a été enregistré")
        .containsPattern("<small id=\"etat-" + drone.id() + "-erreur\">Choisissez l&#39;état [^<]*" + drone.inventoryNumber())
        .contains("<small id=\"representant-erreur\">Indiquez le prénom et le nom de la personne présente pour la structure.</small>")
        .contains(">Rayure sur une hélice</textarea>")
        .doesNotContain("name=\"accessoire-" + drone.id() + "\" value=\"Chargeur\" checked");
    // A condition off the scale and an accessory not in the kit: refused next to their fields, never a failure.
    HttpResponse<String> unreadable = manager.post(path(booking), FORM, "_csrf=" + csrf(page.body()) + "&etat-" + drone.id()
        + "=TRES_BON&accessoire-" + drone.id() + "=Batterie&representant=" + enc("Camille Martin"), false);
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("<small id=\"etat-" + drone.id() + "-erreur\">")
        .contains("<small id=\"accessoires-" + drone.id() + "-erreur\">Ne cochez que les accessoires du lot")
        .contains("value=\"Camille Martin\"");
    assertThat(inspections.forBooking(booking.id())).isEmpty();
    assertThat(handovers.handoverTask(loan)).isNotNull();
    assertThat(bookings.find(booking.id()).held()).isTrue();
    assertThat(requests.find(loans.loanIdOf(loan)).pickedUp()).isFalse();
  }

  @Test
  void aGoodPickupRecordsTheInspectionCompletesTheTaskStartsTheLoanAndIsRecordedOnce() {
    ProcessInstance loan = pickupBooked();
    long loanId = loans.loanIdOf(loan);
    Booking booking = held(loan, HandoverKind.RETRAIT);
    ConventionFixtures.at(booking.slot().start().toLocalDate(), booking.slot().start().toLocalTime());

    WebClient manager = login(MANAGER);
    String csrf = csrf(manager.get(path(booking)).body());
    HttpResponse<String> recorded = manager.post(path(booking), FORM, "_csrf=" + csrf + "&etat-" + drone.id() + "=BON"
        + "&accessoire-" + drone.id() + "=Chargeur&notes-" + drone.id() + "=" + enc("Rayure sur une hélice")
        + "&representant=" + enc("Camille Martin") + "&reconnu=oui", false);
    assertThat(recorded.statusCode()).isEqualTo(302);
    String day = booking.slot().start().toLocalDate().format(TYPED);
    assertThat(recorded.headers().firstValue("Location").orElseThrow()).endsWith("/remises?jour=" + day);
    handovers.runJobs(loan);

    Inspection inspection = inspections.forBooking(booking.id()).orElseThrow();
    assertThat(inspection.representative()).isEqualTo("Camille Martin");
    assertThat(inspection.acknowledgedOnSite()).isTrue();
    assertThat(inspection.recordedBy()).isEqualTo(MANAGER);
    assertThat(inspection.item(drone.id()).orElseThrow().condition()).isEqualTo(Condition.BON);
    assertThat(inspection.item(drone.id()).orElseThrow().missingAccessories()).isEmpty();
    assertThat(handovers.handoverTask(loan)).isNull();
    assertThat(requests.find(loanId).pickedUp()).isTrue();
    // The day's page, as the browser follows the redirection (its address unencoded, as the flash message expects).
    assertThat(manager.get(location(recorded)).body()).contains("État des lieux de départ enregistré : le prêt n° "
        + loanId + " commence. Le rapport (PDF) est envoyé à la structure.");

    // Once recorded, the page says so and shows it, without a form; a second post changes nothing.
    String again = manager.get(path(booking)).body();
    assertThat(again).contains(html("L'état des lieux de ce rendez-vous est déjà enregistré."))
        .contains("Camille Martin").contains("Rayure sur une hélice").doesNotContain("name=\"representant\"");
    HttpResponse<String> second = manager.post(path(booking), FORM, "_csrf=" + csrf + "&etat-" + drone.id()
        + "=ABIME&representant=" + enc("Paul Durand"), false);
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains(html("L'état des lieux de ce rendez-vous est déjà enregistré."));
    assertThat(inspections.forBooking(booking.id()).orElseThrow()).isEqualTo(inspection);
  }

  @Test
  void theReturnShowsThePickupsRecordBesideAndAMissingChargerOpensADamageCase() {
    ProcessInstance loan = pickupBooked();
    long loanId = loans.loanIdOf(loan);
    Booking pickup = held(loan, HandoverKind.RETRAIT);
    ConventionFixtures.at(pickup.slot().start().toLocalDate(), pickup.slot().start().toLocalTime());
    WebClient manager = login(MANAGER);
    String csrf = csrf(manager.get(path(pickup)).body());
    assertThat(manager.post(path(pickup), FORM, "_csrf=" + csrf + "&etat-" + drone.id() + "=USAGE&accessoire-" + drone.id()
        + "=Chargeur&notes-" + drone.id() + "=" + enc("Rayure sur une hélice") + "&representant=" + enc("Camille Martin"),
        false).statusCode()).isEqualTo(302);
    handovers.runJobs(loan);

    // The return within the loan (the slots offered start on the pickup's day).
    handovers.book(user, loan, handovers.offeredSlots(loan).stream().filter(slot -> slot.compareTo("2027-03-08") > 0)
        .findFirst().orElseThrow());
    Booking back = held(loan, HandoverKind.RETOUR);
    ConventionFixtures.at(back.slot().start().toLocalDate(), back.slot().start().toLocalTime());
    String page = manager.get(path(back)).body();
    assertThat(page).contains("État des lieux de retour").contains("Au départ").contains("Usure normale")
        .contains("Rayure sur une hélice").contains("name=\"accessoire-" + drone.id() + "\" value=\"Chargeur\" checked");

    // Returned in the same condition, without its charger.
    HttpResponse<String> recorded = manager.post(path(back), FORM, "_csrf=" + csrf(page) + "&etat-" + drone.id() + "=USAGE"
        + "&representant=" + enc("Camille Martin"), false);
    assertThat(recorded.statusCode()).isEqualTo(302);
    handovers.runJobs(loan);
    assertThat(handovers.handoverTask(loan)).isNull();
    assertThat(catalogue.item(drone.id()).orElseThrow().status()).isEqualTo(ItemStatus.IN_MAINTENANCE);
    assertThat(inspections.openCasesOf(loanId)).containsExactly("accessoire manquant : Chargeur");
    assertThat(requests.find(loanId).status()).isEqualTo(LoanRequestStatus.RENDUE);
    assertThat(manager.get(location(recorded)).body())
        .contains("État des lieux de retour enregistré : le prêt n° " + loanId + " est clos. Différences relevées : "
            + drone.inventoryNumber() + " (Drone) : accessoire manquant : Chargeur ; un dossier de dommage est ouvert pour chacune.");
  }

  @Test
  void membersGetNoPageAndOtherStaffReadItWithoutRecording() {
    ProcessInstance loan = pickupBooked();
    Booking booking = held(loan, HandoverKind.RETRAIT);

    WebClient member = login(user);
    HttpResponse<String> refused = member.get(path(booking));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain(drone.inventoryNumber());

    WebClient referent = login(ConventionFixtures.REFERENT);
    HttpResponse<String> page = referent.get(path(booking));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(drone.inventoryNumber() + " (Drone)")
        .contains("L'état des lieux est enregistré par les gestionnaires du matériel")
        .doesNotContain("Enregistrer l'état des lieux");
    HttpResponse<String> post = referent.post(path(booking), FORM, "_csrf=" + csrf(page.body()) + "&etat-" + drone.id()
        + "=BON&representant=" + enc("Camille Martin"), false);
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(inspections.forBooking(booking.id())).isEmpty();
    assertThat(handovers.handoverTask(loan)).isNotNull();

    // An appointment that does not exist.
    assertThat(login(MANAGER).get("/remises/999999999/etat-des-lieux").statusCode()).isEqualTo(404);
  }

  private ProcessInstance pickupBooked() {
    ProcessInstance loan = handovers.approvedLoan(user, "05/03/2027", "09/03/2027", drone.inventoryNumber());
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    return loan;
  }

  private Booking held(ProcessInstance loan, HandoverKind kind) {
    long loanId = loans.loanIdOf(loan);
    return bookings.held(loanId, kind).orElseThrow(() -> new AssertionError("No " + kind + " held for the loan " + loanId));
  }

  /** Where a redirection sends the browser, as its path and query. */
  private static String location(HttpResponse<String> redirection) {
    String location = redirection.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/remises"));
  }

  private static String path(Booking booking) {
    return "/remises/" + booking.id() + "/etat-des-lieux";
  }

  private WebClient login(String login) {
    return WebClient.loggedIn(port, login, PASSWORD);
  }

  private void setPassword(String userId) {
    driver.setPassword(userId, PASSWORD);
  }
}
