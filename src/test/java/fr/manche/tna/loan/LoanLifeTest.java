package fr.manche.tna.loan;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static fr.manche.tna.loan.process.LoanRequestProcess.CHOOSE_TASK;
import static fr.manche.tna.loan.process.LoanRequestProcess.FOLLOW_UP_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.OpenWorkAtConventionEnd;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.loan.LoanLifecycle.ExtensionOutcome;
import fr.manche.tna.loan.process.LoanExtensionProcess;
import fr.manche.tna.loan.process.LoanRequestProcess;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A loan's life after the request (issue 10, items 3 to 6): choosing among the free items, the examiner's other
 * proposal, R11 the département's priority, cancellation, extensions within and beyond 30 days and in conflict,
 * reminders before the first and the last day, a late return and its follow-up, the return itself. The clock is
 * moved (across the change to summer time on 28 March 2027), never waited for.
 */
@ApplicationTest
class LoanLifeTest {

  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;
  private static final String REFERENT = ConventionFixtures.REFERENT;

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired ProcessDriver driver;
  @Autowired LoanRequestService requests;
  @Autowired LoanLifecycle lifecycle;
  @Autowired OwnUse ownUse;
  @Autowired Availability availability;
  @Autowired AuditLog audit;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired List<OpenWorkAtConventionEnd> openWork;

  private ConventionFixtures.Signed member;
  private String user;
  private long organisationId;
  private Item headset;
  private Item drone;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    // In force from 11 September 2026 through 10 September 2029.
    member = fixtures.signed(TestSirets.next(), "Médiathèque de Villedieu-les-Poêles", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    organisationId = member.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    headset = loans.item("Casque de réalité virtuelle");
    drone = loans.item("Drone");
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void theMemberChoosesOnlyAmongTheFreeItemsAndTheExaminerMayOfferOtherDates() {
    availability.reserve(headset.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10), ReservationKind.OWN_USE, "Salon");
    ProcessInstance request = loans.start(user, "05/03/2027", "08/03/2027", "");
    long id = loans.loanIdOf(request);
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.A_COMPLETER);
    Task choose = driver.openTask(request.getId(), CHOOSE_TASK);
    assertThat(taskService.createTaskQuery().taskId(choose.getId()).taskCandidateGroup(
        runtimeService.getVariable(request.getId(), "memberGroupId").toString()).count()).isOne();
    String options = options(choose);
    assertThat(options).contains("\"value\":\"" + drone.id() + "\"").contains("Drone — n° " + drone.inventoryNumber())
        .doesNotContain("\"value\":\"" + headset.id() + "\"");
    assertThat(taskService.getVariableLocal(choose.getId(), "freeItemsSummary").toString())
        .contains("libre").contains("du 5 au 8 mars 2027 (4 jours)");
    // Whatever is sent beside the options is refused next to the form.
    assertThatThrownBy(() -> loans.choose(user, request, headset.inventoryNumber()))
        .hasMessage("Le champ « Matériel libre sur cette période » ne peut contenir que des valeurs proposées.");

    loans.choose(user, request, drone.inventoryNumber());
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    loans.decide(request, APPROVE_TASK, MANAGER, "proposer", "Le drone est libre du 12 au 15 mars : changez de période.");
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.A_COMPLETER);
    MimeMessage proposal = mailTo(member.memberSignatoryEmail(), "Une autre proposition pour votre prêt : à vous de choisir");
    assertThat(Mails.part(proposal, "text/plain")).contains("Le drone est libre du 12 au 15 mars : changez de période.");
    Task again = driver.openTask(request.getId(), CHOOSE_TASK);
    assertThat(taskService.getVariableLocal(again.getId(), "reviewerProposal"))
        .isEqualTo("Le drone est libre du 12 au 15 mars : changez de période.");

    loans.submitChoice(user, request, Map.of("memberChoice", "periode", "newFirstDay", "12/03/2027", "newLastDay", "15/03/2027"));
    assertThat(requests.find(id).period()).isEqualTo("du 12 au 15 mars 2027");
    assertThat(options(driver.openTask(request.getId(), CHOOSE_TASK))).contains("\"value\":\"" + headset.id() + "\"");
    loans.choose(user, request, headset.inventoryNumber() + ", " + drone.inventoryNumber());
    loans.decide(request, APPROVE_TASK, MANAGER, "approuver", "");
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.APPROUVEE);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 12), LocalDate.of(2027, 3, 12))).isFalse();
    assertThat(handovers.bookingTask(request)).isNotNull();
  }

  @Test
  void aMemberMayAskForAQuantityOfATypeAndTheServerChoosesFreeItems() {
    loans.item("Casque de réalité virtuelle"); // at least two headsets free
    ProcessInstance request = loans.start(user, "05/04/2027", "08/04/2027", "");
    Task choose = driver.openTask(request.getId(), CHOOSE_TASK);
    String byType = ((ObjectValue) taskService.getVariableLocalTyped(choose.getId(), "freeTypeOptions", false)).getValueSerialized();
    long headsetType = headset.typeId();
    assertThat(byType).contains("\"value\":\"type:" + headsetType + ":2\"").contains("2 × Casque de réalité virtuelle (");
    int freeHeadsets = (int) requests.freeItems(loans.loanIdOf(request)).items().stream()
        .filter(item -> item.typeId() == headsetType).count();

    // More than are free is refused, saying how many are left; two numbers for one type too.
    assertThatThrownBy(() -> requests.chooseItems(loans.loanIdOf(request), List.of(), List.of("type:" + headsetType + ":" + (freeHeadsets + 1))))
        .hasMessageContaining("libres du 5 au 8 avril 2027 (en plus de ceux cochés) : choisissez un nombre plus petit.");
    assertThatThrownBy(() -> requests.chooseItems(loans.loanIdOf(request), List.of(),
        List.of("type:" + headsetType + ":1", "type:" + headsetType + ":2")))
        .hasMessage("Cochez un seul nombre de « Casque de réalité virtuelle ».");

    // A drone named, and two headsets whichever: the server takes two free headsets beside it.
    loans.submitChoice(user, request, Map.of("memberChoice", "materiel",
        "chosenItems", LoanFixtures.checklist(List.of(String.valueOf(drone.id()))),
        "chosenTypes", LoanFixtures.checklist(List.of("type:" + headsetType + ":2"))));
    LoanRequest chosen = requests.find(loans.loanIdOf(request));
    assertThat(chosen.status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    assertThat(chosen.items()).hasSize(3);
    assertThat(chosen.items().stream().filter(item -> item.typeName().equals("Casque de réalité virtuelle"))).hasSize(2);
    assertThat(chosen.items()).anyMatch(item -> item.itemId() == drone.id());
  }

  @Test
  void aMemberMayGiveUpWhileChoosing() {
    ProcessInstance request = loans.start(user, "05/03/2027", "08/03/2027", "");
    loans.submitChoice(user, request, Map.of("memberChoice", "abandon"));
    assertThat(requests.find(loans.loanIdOf(request)).status()).isEqualTo(LoanRequestStatus.ANNULEE);
    assertEnded(request, LoanRequestProcess.END_ABANDONED);
  }

  @Test
  void r11AnOwnUseBlockPreemptsAPendingRequestAndTellsTheMemberTheNextFreeDates() {
    ProcessInstance pending = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    ProcessInstance approved = loans.request(user, "01/04/2027", "05/04/2027", drone.inventoryNumber(), "");
    loans.decide(approved, APPROVE_TASK, MANAGER, "approuver", "");

    OwnUse.Block block = ownUse.block(headset.inventoryNumber(), "05/03/2027", "06/03/2027", "Salon du numérique", MANAGER);
    assertThat(block.preemptedRequests()).containsExactly(loans.loanIdOf(pending));
    driver.runJobs(pending.getId());
    LoanRequest refused = requests.find(loans.loanIdOf(pending));
    assertThat(refused.status()).isEqualTo(LoanRequestStatus.REFUSEE);
    assertThat(refused.decisionReason()).contains("pour son propre usage").contains("Salon du numérique")
        .contains("prochaines périodes libres de 10 jours : du 11 au 20 janvier 2027 ; du 7 au 16 mars 2027.");
    assertEnded(pending, LoanRequestProcess.END_PREEMPTED);
    MimeMessage mail = mailTo(member.memberSignatoryEmail(), "Prêt de matériel refusé : le Département a besoin du matériel");
    assertThat(Mails.part(mail, "text/plain")).contains("article 4.3, priorité du Département").contains("du 7 au 16 mars 2027");

    // An approved loan is not taken back: blocking its days is refused.
    assertThatThrownBy(() -> ownUse.block(drone.inventoryNumber(), "03/04/2027", "04/04/2027", "Salon", MANAGER))
        .hasMessageContaining("est déjà réservé du 1er au 5 avril 2027");

    // An approval may also be refused for the département's own use, saying so.
    ProcessInstance another = loans.request(user, "01/05/2027", "03/05/2027", headset.inventoryNumber(), "");
    loans.decide(another, APPROVE_TASK, MANAGER, "usage-departement", "Fête de la science à Saint-Lô.");
    assertThat(requests.find(loans.loanIdOf(another)).decisionReason())
        .startsWith(LoanRequestService.OWN_USE_REASON).endsWith("Fête de la science à Saint-Lô.");
  }

  @Test
  void theMemberCancelsBeforeTheFirstDayAndTheItemsAreFreeAgainNotOnceBegunNorAnotherOrganisationsLoan() {
    ProcessInstance approved = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(approved, APPROVE_TASK, MANAGER, "approuver", "");
    long id = loans.loanIdOf(approved);

    ConventionFixtures.Signed other = fixtures.signed(TestSirets.next(), "Centre social de Tessy", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    assertThatThrownBy(() -> lifecycle.cancel(other.convention().organisationId(), id, other.memberSignatoryUserId()))
        .hasMessage("Votre structure n'a pas de demande de prêt n° " + id + ".");
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.APPROUVEE);

    lifecycle.cancel(organisationId, id, user);
    driver.runJobs(approved.getId());
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.ANNULEE);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10))).isTrue();
    assertEnded(approved, LoanRequestProcess.END_LOAN_CANCELLED);
    assertThat(Mails.to(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL).stream().map(Mails::subject))
        .contains("Prêt de matériel annulé : Médiathèque de Villedieu-les-Poêles, du 1er au 10 mars 2027");

    ProcessInstance pending = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    lifecycle.cancel(organisationId, loans.loanIdOf(pending), user);
    driver.runJobs(pending.getId());
    assertEnded(pending, LoanRequestProcess.END_REQUEST_CANCELLED);

    ProcessInstance begun = loans.request(user, "01/03/2027", "10/03/2027", drone.inventoryNumber(), "");
    loans.decide(begun, APPROVE_TASK, MANAGER, "approuver", "");
    ConventionFixtures.at(LocalDate.of(2027, 3, 1));
    assertThatThrownBy(() -> lifecycle.cancel(organisationId, loans.loanIdOf(begun), user))
        .hasMessageContaining("Ce prêt a commencé le 1er mars 2027 : il ne peut plus être annulé.");
  }

  @Test
  void remindersKeepTheirParisHourAcrossSummerTimeThenALateReturnIsRemindedAndFollowedUp() {
    ProcessInstance loan = loans.request(user, "20/03/2027", "02/04/2027", headset.inventoryNumber(), "");
    loans.decide(loan, APPROVE_TASK, MANAGER, "approuver", "");
    long id = loans.loanIdOf(loan);
    // Picked up on Friday 19 March at 14:00 (the first day is a Saturday).
    handovers.book(user, loan, "2027-03-19T14:00+01:00");
    // 18 March 9:00 is 8:00 UTC (winter time); 1 April 9:00 is 7:00 UTC (summer time since 28 March).
    assertThat(timerDue(loan, "StartEvent_FirstDayReminder")).isEqualTo(Instant.parse("2027-03-18T08:00:00Z"));
    assertThat(timerDue(loan, "StartEvent_LastDayReminder")).isEqualTo(Instant.parse("2027-04-01T07:00:00Z"));

    ConventionFixtures.at(LocalDate.of(2027, 3, 18), LocalTime.of(8, 59));
    driver.runJobs(loan.getId());
    assertThat(subjectsTo(member.memberSignatoryEmail())).noneMatch(subject -> subject.startsWith("Rappel : votre prêt"));
    ConventionFixtures.at(LocalDate.of(2027, 3, 18), LocalTime.of(9, 0));
    driver.runJobs(loan.getId());
    assertThat(subjectsTo(member.memberSignatoryEmail())).contains("Rappel : votre prêt de matériel commence le 20 mars 2027");

    ConventionFixtures.at(LocalDate.of(2027, 3, 19), LocalTime.of(14, 5));
    handovers.record(loan, "fait", "");
    assertThat(requests.find(id).pickedUp()).isTrue();

    ConventionFixtures.at(LocalDate.of(2027, 4, 1), LocalTime.of(9, 0));
    driver.runJobs(loan.getId());
    assertThat(subjectsTo(member.memberSignatoryEmail())).contains("Rappel : le matériel prêté se rend le 2 avril 2027");

    ConventionFixtures.at(LocalDate.of(2027, 4, 3), LocalTime.of(9, 0));
    driver.runJobs(loan.getId());
    assertThat(subjectsTo(member.memberSignatoryEmail())).contains("Matériel non rendu : votre prêt s'est terminé le 2 avril 2027");
    assertThat(driver.openTask(loan.getId(), FOLLOW_UP_TASK)).isNull();

    ConventionFixtures.at(LocalDate.of(2027, 4, 6), LocalTime.of(9, 0));
    driver.runJobs(loan.getId());
    Task followUp = driver.openTask(loan.getId(), FOLLOW_UP_TASK);
    assertThat(taskService.createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("tna-gestionnaires-materiel").count()).isOne();
    assertThat(followUp.getName()).contains("Médiathèque de Villedieu-les-Poêles");
    assertThatThrownBy(() -> driver.claimAndSubmit(followUp, MANAGER, Map.of("followUpNotes", "")))
        .hasMessageContaining("Ce qui a été convenu");
    driver.claimAndSubmit(followUp, MANAGER, Map.of("followUpNotes", "Appelée le 6 avril : retour vendredi."));
    assertThat(audit.latest(organisationId, 5)).anyMatch(entry -> entry.toString().contains("Appelée le 6 avril"));

    // Late, the return is booked over the next days (the first slot after now) and recorded: the loan is closed on
    // that day, each reminder sent once.
    handovers.book(user, loan, "2027-04-06T09:30+02:00");
    handovers.record(loan, "fait", "Complet.");
    assertThat(requests.find(id).status()).isEqualTo(LoanRequestStatus.RENDUE);
    assertThat(requests.find(id).returnedOn()).isEqualTo(LocalDate.of(2027, 4, 6));
    assertEnded(loan, LoanRequestProcess.END_CLOSED);
    assertThat(subjectsTo(member.memberSignatoryEmail()).stream().filter(subject -> subject.startsWith("Rappel : ")
        && !subject.contains("rendez-vous"))).hasSize(2);
  }

  @Test
  void anEarlyReturnFreesTheDaysAfterIt() {
    ProcessInstance loan = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(loan, APPROVE_TASK, MANAGER, "approuver", "");
    handovers.book(user, loan, handovers.offeredSlots(loan).get(0));
    handovers.record(loan, "fait", "");
    ConventionFixtures.at(LocalDate.of(2027, 3, 4), LocalTime.of(8, 0));
    handovers.book(user, loan, "2027-03-04T09:00+01:00");
    handovers.record(loan, "fait", "");
    assertThat(requests.find(loans.loanIdOf(loan)).returnedOn()).isEqualTo(LocalDate.of(2027, 3, 4));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 10))).isTrue();
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 4), LocalDate.of(2027, 3, 4))).isFalse();
  }

  @Test
  void anExtensionWithinThirtyDaysIsGrantedAtOnceBeyondItIsExaminedAndAConflictSaysTheLatestDay() {
    ProcessInstance loan = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(loan, APPROVE_TASK, MANAGER, "approuver", "");
    long id = loans.loanIdOf(loan);
    availability.reserve(headset.id(), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 9), ReservationKind.OWN_USE, "Salon");

    assertThatThrownBy(() -> lifecycle.requestExtension(organisationId, id, "09/03/2027", "", user))
        .hasMessageContaining("doit suivre le dernier jour actuel du prêt (10 mars 2027)");
    // The 30th day in all is granted at once.
    assertThat(lifecycle.requestExtension(organisationId, id, "30/03/2027", "", user)).isEqualTo(ExtensionOutcome.GRANTED);
    driver.runJobs(loan.getId());
    assertThat(requests.find(id).lastDay()).isEqualTo(LocalDate.of(2027, 3, 30));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 30))).isFalse();
    assertThat(subjectsTo(member.memberSignatoryEmail())).contains("Prêt de matériel prolongé jusqu'au 30 mars 2027");
    // The reminders follow the new last day (29 March, 9:00, summer time).
    assertThat(timerDue(loan, "StartEvent_LastDayReminder")).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
    assertThat(handovers.bookingTask(loan)).isNotNull();

    // A conflict says the latest last day possible, and changes nothing.
    assertThatThrownBy(() -> lifecycle.requestExtension(organisationId, id, "06/04/2027", "Atelier prolongé d'une semaine.", user))
        .hasMessageContaining("est réservé à partir du 5 avril 2027 : le prêt peut être prolongé au plus jusqu'au 4 avril 2027.");
    assertThat(requests.find(id).lastDay()).isEqualTo(LocalDate.of(2027, 3, 30));

    // The 31st day in all needs a reason and the département's examination.
    assertThatThrownBy(() -> lifecycle.requestExtension(organisationId, id, "31/03/2027", "", user))
        .hasMessageContaining("au-delà de 30 jours, expliquez pourquoi");
    assertThat(lifecycle.requestExtension(organisationId, id, "04/04/2027", "Le projet avec le collège dure une semaine de plus.", user))
        .isEqualTo(ExtensionOutcome.TO_EXAMINE);
    assertThat(requests.find(id).lastDay()).isEqualTo(LocalDate.of(2027, 3, 30));
    LoanExtension extension = lifecycle.extensionsOf(id).get(1);
    assertThat(extension.status()).isEqualTo(LoanExtensionStatus.EN_EXAMEN);
    driver.runJobs(extension.processInstanceId());
    assertThat(subjectsTo(ConventionFixtures.REFERENT_EMAIL))
        .contains("Prolongation de prêt à examiner : Médiathèque de Villedieu-les-Poêles, jusqu'au 4 avril 2027");
    assertThatThrownBy(() -> lifecycle.requestExtension(organisationId, id, "02/04/2027", "Une autre raison valable.", user))
        .hasMessageContaining("déjà en cours d'examen");

    Task examine = driver.openTask(extension.processInstanceId(), LoanExtensionProcess.EXAMINE_TASK);
    assertThat(taskService.createTaskQuery().taskId(examine.getId()).taskCandidateGroup("tna-referents-reseau").count()).isOne();
    assertThat(taskService.getVariableLocal(examine.getId(), "extensionReason"))
        .isEqualTo("Le projet avec le collège dure une semaine de plus.");
    driver.claimAndSubmit(examine, REFERENT, Map.of("extensionDecision", "accorder", "extensionDecisionReason", ""));
    driver.runJobs(loan.getId());
    assertThat(requests.find(id).lastDay()).isEqualTo(LocalDate.of(2027, 4, 4));
    assertThat(lifecycle.extension(extension.id()).status()).isEqualTo(LoanExtensionStatus.ACCORDEE);
    assertThat(subjectsTo(member.memberSignatoryEmail())).contains("Prêt de matériel prolongé jusqu'au 4 avril 2027");

    // A refusal needs its reason and is mailed.
    ConventionFixtures.at(LocalDate.of(2027, 3, 20));
    availability.release(availability.reservationsOf(headset.id(), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 5)).get(0).id());
    lifecycle.requestExtension(organisationId, id, "20/04/2027", "Encore deux semaines d'ateliers.", user);
    LoanExtension refused = lifecycle.extensionsOf(id).get(2);
    Task second = driver.openTask(refused.processInstanceId(), LoanExtensionProcess.EXAMINE_TASK);
    assertThatThrownBy(() -> driver.claimAndSubmit(second, REFERENT, Map.of("extensionDecision", "refuser")))
        .hasMessageContaining("pourquoi vous refusez la prolongation");
    driver.claimAndSubmit(second, REFERENT, Map.of("extensionDecision", "refuser",
        "extensionDecisionReason", "Le casque part en maintenance le 10 avril."));
    driver.runJobs(refused.processInstanceId());
    MimeMessage mail = mailTo(member.memberSignatoryEmail(), "Prolongation de prêt refusée");
    assertThat(Mails.part(mail, "text/plain")).contains("Le casque part en maintenance le 10 avril.").contains("4 avril 2027");
    assertThat(requests.find(id).lastDay()).isEqualTo(LocalDate.of(2027, 4, 4));

    // Another organisation cannot extend it.
    ConventionFixtures.Signed other = fixtures.signed(TestSirets.next(), "Centre social de Percy", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    assertThatThrownBy(() -> lifecycle.requestExtension(other.convention().organisationId(), id, "05/04/2027", "", "x"))
        .hasMessage("Votre structure n'a pas de demande de prêt n° " + id + ".");
  }

  @Test
  void aConventionsEndListsTheLoansStillOpen() {
    ProcessInstance loan = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(loan, APPROVE_TASK, MANAGER, "approuver", "");
    assertThat(OpenWorkAtConventionEnd.all(openWork, organisationId))
        .containsExactly("Prêt n° " + loans.loanIdOf(loan) + " : " + headset.inventoryNumber()
            + " (Casque de réalité virtuelle), du 1er au 10 mars 2027");
  }

  private String options(Task task) {
    return ((ObjectValue) taskService.getVariableLocalTyped(task.getId(), "freeItemOptions", false)).getValueSerialized();
  }

  private Instant timerDue(ProcessInstance instance, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return job.getDuedate().toInstant();
  }

  private void assertEnded(ProcessInstance instance, String endEvent) {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(endEvent).count()).isOne();
  }

  private static List<String> subjectsTo(String address) {
    return Mails.to(address).stream().map(Mails::subject).toList();
  }

  private static MimeMessage mailTo(String address, String subject) {
    return Mails.to(address).stream().filter(mail -> Mails.subject(mail).equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("No mail « " + subject + " » to " + address + " in " + subjectsTo(address)));
  }
}
