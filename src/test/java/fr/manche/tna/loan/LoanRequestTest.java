package fr.manche.tna.loan;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static fr.manche.tna.loan.process.LoanRequestProcess.EXAMINE_LONG_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemDraft;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.membership.Insurance;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loan requests (issue 10, items 3 and 4): R08 a convention in force over the whole period, R09 activities,
 * audience and period, R10 up to 30 days the equipment managers decide and beyond the département examines, R14
 * the insurance covers the whole period; every item free, checked when filed and again when approved, which
 * reserves it. The clock is moved, never waited for.
 */
@ApplicationTest
class LoanRequestTest {

  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;
  private static final String REFERENT = ConventionFixtures.REFERENT;

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loanFixtures;
  @Autowired ProcessDriver driver;
  @Autowired LoanRequestService loans;
  @Autowired Catalogue catalogue;
  @Autowired Availability availability;
  @Autowired OrganisationRepository organisations;
  @Autowired AuditLog audit;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private ConventionFixtures.Signed member;
  private Item headset;
  private Item drone;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    // In force from 11 September 2026 through 10 September 2029.
    member = fixtures.signed(TestSirets.next(), "Commune de Percy-en-Normandie", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    insuredUntil(LocalDate.of(2030, 12, 31));
    headset = item("Casque de réalité virtuelle");
    drone = item("Drone");
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void r10AThirtyDayLoanGoesToTheEquipmentManagersWhoseApprovalReservesTheItemsAndIsMailed() {
    ProcessInstance request = request("01/03/2027", "30/03/2027", headset.inventoryNumber() + ", " + drone.inventoryNumber().toLowerCase(), "");
    long id = loanIdOf(request);
    assertThat(driver.openTask(request.getId(), EXAMINE_LONG_TASK)).isNull();
    Task task = driver.openTask(request.getId(), APPROVE_TASK);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("tna-gestionnaires-materiel").count()).isOne();
    assertThat(task.getName()).contains("Commune de Percy-en-Normandie");
    assertThat(task.getDescription()).contains(headset.inventoryNumber() + " (Casque de réalité virtuelle")
        .contains(drone.inventoryNumber()).contains("du 1er au 30 mars 2027 (30 jours)");
    // No request waits unseen: the equipment managers are told at once, with the link to the task.
    assertThat(Mails.to(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL).stream().map(Mails::subject))
        .contains("Demande de prêt à examiner : Commune de Percy-en-Normandie, du 1er au 30 mars 2027");

    decide(request, APPROVE_TASK, MANAGER, "approuver", "");
    LoanRequest approved = loans.find(id);
    assertThat(approved.status()).isEqualTo(LoanRequestStatus.APPROUVEE);
    assertThat(approved.decidedBy()).isEqualTo(MANAGER);
    assertThat(approved.items()).allMatch(item -> item.reservationId() != null);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 30))).isFalse();
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 1))).isFalse();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 3, 31))).isTrue();
    assertThat(availability.reservation(approved.items().get(0).reservationId()).orElseThrow().kind()).isEqualTo(ReservationKind.LOAN);

    MimeMessage mail = Mails.to(member.memberSignatoryEmail()).stream()
        .filter(sent -> Mails.subject(sent).equals("Prêt de matériel approuvé : du 1er au 30 mars 2027")).findFirst().orElseThrow();
    assertThat(Mails.part(mail, "text/plain")).contains("Votre demande de prêt n° " + id + " est approuvée")
        .contains("(30 jours)").contains(headset.inventoryNumber());
    assertThat(audit.latest(member.convention().organisationId(), 10))
        .anyMatch(entry -> entry.toString().contains("Demande de prêt approuvée") && entry.toString().contains(MANAGER));
    assertThat(driver.openTask(request.getId(), APPROVE_TASK)).isNull();
  }

  @Test
  void r10ThirtyOneDaysNeedAReasonAndTheDepartmentExaminesThemInItsOwnTaskItsRefusalIsRecordedAndMailed() {
    assertThatThrownBy(() -> request("01/03/2027", "31/03/2027", headset.inventoryNumber(), ""))
        .hasMessageContaining("Votre demande dépasse 30 jours : expliquez pourquoi");

    ProcessInstance request = request("01/03/2027", "31/03/2027", headset.inventoryNumber(), "Projet mené sur tout le mois avec le collège.");
    long id = loanIdOf(request);
    assertThat(driver.openTask(request.getId(), APPROVE_TASK)).isNull();
    Task task = driver.openTask(request.getId(), EXAMINE_LONG_TASK);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("tna-referents-reseau").count()).isOne();
    assertThat(task.getDescription()).contains("du 1er au 31 mars 2027 (31 jours)");
    MimeMessage toReferents = Mails.to(ConventionFixtures.REFERENT_EMAIL).stream()
        .filter(sent -> Mails.subject(sent).equals("Demande de prêt à examiner : Commune de Percy-en-Normandie, du 1er au 31 mars 2027"))
        .findFirst().orElseThrow();
    assertThat(Mails.part(toReferents, "text/plain")).contains("Raison d'un besoin plus long : Projet mené sur tout le mois avec le collège.");
    assertThat(loans.find(id).longerNeedReason()).isEqualTo("Projet mené sur tout le mois avec le collège.");

    // A refusal needs its reason, said in French next to the form.
    assertThatThrownBy(() -> decide(request, EXAMINE_LONG_TASK, REFERENT, "refuser", ""))
        .hasMessageContaining("Expliquez à la structure pourquoi vous refusez le prêt");
    decide(request, EXAMINE_LONG_TASK, REFERENT, "refuser", "Le Département a besoin du casque à la mi-mars.");
    LoanRequest refused = loans.find(id);
    assertThat(refused.status()).isEqualTo(LoanRequestStatus.REFUSEE);
    assertThat(refused.decisionReason()).isEqualTo("Le Département a besoin du casque à la mi-mars.");
    assertThat(refused.items()).allMatch(item -> item.reservationId() == null);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31))).isTrue();
    MimeMessage mail = Mails.to(member.memberSignatoryEmail()).stream()
        .filter(sent -> Mails.subject(sent).equals("Prêt de matériel refusé : du 1er au 31 mars 2027")).findFirst().orElseThrow();
    assertThat(Mails.part(mail, "text/plain")).contains("Motif : Le Département a besoin du casque à la mi-mars.");
    assertThat(audit.latest(member.convention().organisationId(), 10))
        .anyMatch(entry -> entry.toString().contains("Demande de prêt refusée (plus de 30 jours)"));
  }

  @Test
  void r10TheThirtiethDayIsWithinTheThirtyFirstBeyond() {
    assertThat(LoanRules.isLong(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 2))).isFalse();
    assertThat(LoanRules.isLong(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 3))).isTrue();
    // February 2027 has 28 days: 1 February to 2 March is 30 days, to 3 March 31.
    ProcessInstance thirty = request("01/02/2027", "02/03/2027", headset.inventoryNumber(), "");
    assertThat(driver.openTask(thirty.getId(), APPROVE_TASK)).isNotNull();
    ProcessInstance thirtyOne = request("01/02/2027", "03/03/2027", drone.inventoryNumber(), "Festival du numérique sur cinq semaines.");
    assertThat(driver.openTask(thirtyOne.getId(), EXAMINE_LONG_TASK)).isNotNull();
  }

  @Test
  void r08AConventionEndingDuringThePeriodIsRefusedWithItsLastDayAndNothingIsCreated() {
    ConventionFixtures.at(LocalDate.of(2029, 8, 1));
    long before = requestCount();
    assertThatThrownBy(() -> request("01/09/2029", "15/09/2029", headset.inventoryNumber(), ""))
        .hasMessageContaining("Votre convention de coopération prend fin le 10 septembre 2029")
        .hasMessageContaining("au plus tard le 10 septembre 2029");
    assertThat(requestCount()).isEqualTo(before);
    // Up to its last day the request is filed.
    assertThat(driver.openTask(request("01/09/2029", "10/09/2029", headset.inventoryNumber(), "").getId(), APPROVE_TASK)).isNotNull();
  }

  @Test
  void r14AnInsuranceExpiringDuringThePeriodIsRefusedAtTheStartAndAgainAtApproval() {
    insuredUntil(LocalDate.of(2027, 3, 15));
    assertThatThrownBy(() -> request("01/03/2027", "20/03/2027", headset.inventoryNumber(), ""))
        .hasMessageContaining("couvre du 1er janvier 2026 au 15 mars 2027")
        .hasMessageContaining("toute la période du prêt, du 1er au 20 mars 2027");

    ProcessInstance request = request("01/03/2027", "15/03/2027", headset.inventoryNumber(), "");
    insuredUntil(LocalDate.of(2027, 3, 10));
    assertThatThrownBy(() -> decide(request, APPROVE_TASK, MANAGER, "approuver", ""))
        .hasMessageContaining("couvre du 1er janvier 2026 au 10 mars 2027");
    assertThat(loans.find(loanIdOf(request)).status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    assertThat(driver.openTask(request.getId(), APPROVE_TASK)).isNotNull();
  }

  @Test
  void badPeriodsAndItemsAreRefusedInFrenchAndCreateNothing() {
    long before = requestCount();
    assertThatThrownBy(() -> request("10/01/2027", "20/01/2027", headset.inventoryNumber(), ""))
        .hasMessageContaining("Le premier jour du prêt (10 janvier 2027) est passé");
    assertThatThrownBy(() -> request("20/03/2027", "19/03/2027", headset.inventoryNumber(), ""))
        .hasMessageContaining("Le dernier jour du prêt (19 mars 2027) ne peut pas précéder le premier (20 mars 2027)");
    assertThatThrownBy(() -> request("01/02/2027", "07/03/2028", headset.inventoryNumber(), "Prêt à l'année pour le club."))
        .hasMessageContaining("Une période de prêt ne dépasse pas 400 jours ; celle demandée en compte 401.");
    assertThat(requestCount()).isEqualTo(before);

    // Items are chosen among those the server offers; whatever else is sent is refused next to the form.
    ProcessInstance request = start("01/03/2027", "05/03/2027", "");
    assertThatThrownBy(() -> choose(request, "INV-INCONNU-" + NUMBERS.incrementAndGet()))
        .hasMessage("Le champ « Matériel libre sur cette période » ne peut contenir que des valeurs proposées.");
    // An item offered, then retired before the member sends the form, is refused by the service itself.
    catalogue.setStatus(drone.id(), ItemStatus.RETIRED, MANAGER);
    assertThatThrownBy(() -> choose(request, drone.inventoryNumber())).hasMessageContaining("est réformé : il n'est plus prêté");
    assertThat(loans.find(loanIdOf(request)).status()).isEqualTo(LoanRequestStatus.A_COMPLETER);
    assertThat(loans.find(loanIdOf(request)).items()).isEmpty();
  }

  @Test
  void anItemTakenAfterItWasOfferedIsRefusedWithItsNearestFreePeriods() {
    ProcessInstance request = start("05/03/2027", "08/03/2027", "");
    availability.reserve(headset.id(), LocalDate.of(2027, 1, 11), LocalDate.of(2027, 3, 10), ReservationKind.OWN_USE, "salon");
    // The options of the form are computed again when the member takes the task; between that and sending it, the
    // service refuses it with the nearest free periods.
    assertThatThrownBy(() -> loans.chooseItems(loanIdOf(request), List.of(String.valueOf(headset.id()))))
        .hasMessageContaining("Le matériel n° " + headset.inventoryNumber() + " (Casque de réalité virtuelle) n'est pas libre du 5 au 8 mars 2027.")
        .hasMessageContaining("Périodes libres les plus proches : du 11 au 14 mars 2027");
  }

  @Test
  void aConflictAppearingBetweenRequestAndApprovalIsRefusedNextToTheFormAndChangesNothing() {
    ProcessInstance request = request("01/03/2027", "10/03/2027", headset.inventoryNumber() + ", " + drone.inventoryNumber(), "");
    long id = loanIdOf(request);
    availability.reserve(drone.id(), LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 12), ReservationKind.OWN_USE, "salon");

    assertThatThrownBy(() -> decide(request, APPROVE_TASK, MANAGER, "approuver", ""))
        .hasMessageContaining("Le matériel n° " + drone.inventoryNumber() + " (Drone) n'est pas libre du 1er au 10 mars 2027.")
        .hasMessageContaining("Périodes libres les plus proches");
    LoanRequest unchanged = loans.find(id);
    assertThat(unchanged.status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    assertThat(unchanged.items()).allMatch(item -> item.reservationId() == null);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10))).isTrue();
    assertThat(driver.openTask(request.getId(), APPROVE_TASK)).isNotNull();

    // The manager refuses instead, saying why.
    decide(request, APPROVE_TASK, MANAGER, "refuser", "Le drone est pris par le Département à partir du 8 mars.");
    assertThat(loans.find(id).status()).isEqualTo(LoanRequestStatus.REFUSEE);
  }

  private ProcessInstance request(String firstDay, String lastDay, String items, String longerNeedReason) {
    return loanFixtures.request(member.memberSignatoryUserId(), firstDay, lastDay, items, longerNeedReason);
  }

  private ProcessInstance start(String firstDay, String lastDay, String longerNeedReason) {
    return loanFixtures.start(member.memberSignatoryUserId(), firstDay, lastDay, longerNeedReason);
  }

  private void choose(ProcessInstance instance, String items) {
    loanFixtures.choose(member.memberSignatoryUserId(), instance, items);
  }

  private void decide(ProcessInstance request, String taskKey, String userId, String decision, String reason) {
    loanFixtures.decide(request, taskKey, userId, decision, reason);
  }

  private long loanIdOf(ProcessInstance request) {
    return loanFixtures.loanIdOf(request);
  }

  private long requestCount() {
    return jdbc.sql("select count(*) from loan_request").query(Long.class).single();
  }

  private void insuredUntil(LocalDate until) {
    loanFixtures.insuredUntil(member.convention().organisationId(), until);
  }

  private Item item(String type) {
    return loanFixtures.item(type);
  }
}
