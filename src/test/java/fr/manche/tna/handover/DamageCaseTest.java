package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.handover.process.DamageCaseProcess;
import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
import fr.manche.tna.inventory.ReservationKind;
import fr.manche.tna.loan.LoanRequestService;
import fr.manche.tna.loan.LoanRequestStatus;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.HandoverFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 5 (R15-R17, R19): a member reports a failure on an item in their hands (refused in French for an item
 * that is not, creating nothing), is reminded not to repair it; staff plan a repair at the borrower's cost (the item is
 * blocked in the one availability until then, the member told the amount); a return that finds damage opens a case
 * whose retirement re-plans the approved loans on the item: another of its type, or the member told.
 */
@ApplicationTest
class DamageCaseTest {

  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired DamageCases cases;
  @Autowired LoanRequestService requests;
  @Autowired Catalogue catalogue;
  @Autowired Availability availability;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtimeService;

  private ConventionFixtures.Signed member;
  private String user;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    member = fixtures.signed(TestSirets.next(), "Médiathèque de Coutances", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    loans.insuredUntil(member.convention().organisationId(), LocalDate.of(2030, 12, 31));
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void aReportedFailureIsRepairedAtTheBorrowersCostAndTheItemIsBlockedUntilThen() {
    Item drone = loans.item("Drone");
    Item other = loans.item("Drone");
    ProcessInstance loan = handovers.approvedLoan(user, "01/10/2027", "08/10/2027", drone.inventoryNumber());
    handovers.book(user, loan, "2027-10-01T09:00+02:00");
    handovers.record(loan, "fait", "");
    ConventionFixtures.at(LocalDate.of(2027, 10, 4), LocalTime.of(10, 0));

    // Refused in French, creating nothing: an item not in their hands, an unknown number, a day to come.
    for (Map<String, String> refused : List.of(report(other.inventoryNumber(), "04/10/2027"), report("INV-XYZ", "04/10/2027"),
        report(drone.inventoryNumber(), "05/10/2027"))) {
      assertThatThrownBy(() -> start(refused)).hasMessageMatching(".*(n'est pas en prêt chez vous|Aucun matériel ne porte"
          + "|doit se situer entre).*");
    }
    assertThat(cases.ofOrganisation(member.convention().organisationId())).isEmpty();
    // Another organisation's member cannot report (nor learn anything of) an item in this organisation's hands.
    ConventionFixtures.Signed stranger = fixtures.signed(TestSirets.next(), "Association Les Connectés de Granville",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2027, 10, 4), LocalTime.of(10, 0));
    fixtures.asUser(stranger.memberSignatoryUserId());
    try {
      assertThatThrownBy(() -> driver.submitStartForm(DamageCaseProcess.KEY, report(drone.inventoryNumber(), "04/10/2027")))
          .hasMessageContaining("n'est pas en prêt chez vous");
    } finally {
      fixtures.clearUser();
    }
    assertThat(cases.ofOrganisation(stranger.convention().organisationId())).isEmpty();

    ProcessInstance reported = start(report(drone.inventoryNumber().toLowerCase(), "04/10/2027"));
    driver.runJobs(reported.getId());
    DamageCase damage = cases.ofProcess(reported.getId()).orElseThrow();
    assertThat(damage.nature()).isEqualTo(DamageCase.Nature.PANNE);
    assertThat(Mails.part(mail(member.memberSignatoryEmail(), "Dossier ouvert sur le matériel " + damage.itemNamed()
        + " : ne réparez rien vous-même"), "text/plain")).contains("ne tentez aucune réparation vous-même");
    mail(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL, "Dossier de dommage à examiner : " + damage.itemNamed());

    Task assess = driver.openTask(reported.getId(), DamageCaseProcess.ASSESS_TASK);
    assertThat(assess.getName()).contains("Médiathèque de Coutances");
    Map<String, Object> noAmount = new HashMap<>(Map.of("itemOutcome", "reparation", "repairUntil", "20/10/2027",
        "borrowerPays", "oui", "amount", "beaucoup", "decisionReason", "Batterie à remplacer."));
    assertThatThrownBy(() -> driver.claimAndSubmit(assess, MANAGER, noAmount)).hasMessageContaining("montant");
    assertThat(cases.find(damage.id()).open()).isTrue();
    noAmount.put("amount", "89,90");
    noAmount.put("insuranceClaim", "MAIF-2027-123");
    driver.claimAndSubmit(assess, MANAGER, noAmount);
    driver.runJobs(reported.getId());

    // Out on loan until 8 October, then in repair through the 20th: offered to nobody before the 21st.
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 9), LocalDate.of(2027, 10, 9))).isFalse();
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 20), LocalDate.of(2027, 10, 20))).isFalse();
    assertThat(availability.isFree(drone.id(), LocalDate.of(2027, 10, 21), LocalDate.of(2027, 10, 21))).isTrue();
    String decided = Mails.part(mail(member.memberSignatoryEmail(), "Dossier de dommage examiné : " + damage.itemNamed()),
        "text/plain");
    assertThat(decided).contains("réparé").contains("89,90 €").contains("MAIF-2027-123").contains("article 4.1");
  }

  @Test
  void anItemRetiredAfterItsReturnIsReplacedInTheApprovedLoansOrTheirMembersAreTold() {
    // A type of its own: the other tests' drones, free in the shared database, must not stand in for the spare.
    String type = "Drone sous-marin " + System.nanoTime() % 1_000_000;
    Item drone = loans.item(type);
    Item spare = loans.item(type);
    ProcessInstance damaged = handovers.approvedLoan(user, "04/10/2027", "06/10/2027", drone.inventoryNumber());
    ProcessInstance later = handovers.approvedLoan(user, "18/10/2027", "22/10/2027", drone.inventoryNumber());
    ProcessInstance latest = handovers.approvedLoan(user, "25/10/2027", "29/10/2027", drone.inventoryNumber());
    availability.reserve(spare.id(), LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 29), ReservationKind.OWN_USE, "Salon");

    handovers.book(user, damaged, "2027-10-04T09:00+02:00");
    handovers.record(damaged, "fait", "");
    handovers.book(user, damaged, "2027-10-06T14:00+02:00");
    ConventionFixtures.at(LocalDate.of(2027, 10, 6), LocalTime.of(14, 10));
    handovers.inspect(damaged, new InspectionDraft(Map.of(drone.id(), Condition.HORS_USAGE.name()),
        Map.of(drone.id(), drone.accessories()), Map.of(drone.id(), "Tombé dans l'eau"), "Julie Hamel", true, ""));
    DamageCase damage = cases.ofOrganisation(member.convention().organisationId()).get(0);
    assertThat(damage.origin()).isEqualTo(DamageCase.Origin.RETOUR);
    driver.runJobs(damage.processInstanceId());

    driver.claimAndSubmit(driver.openTask(damage.processInstanceId(), DamageCaseProcess.ASSESS_TASK), MANAGER,
        Map.of("itemOutcome", "reforme", "borrowerPays", "non", "decisionReason", "Carte électronique noyée."));
    driver.runJobs(damage.processInstanceId());
    handovers.runJobs(latest);

    assertThat(catalogue.item(drone.id()).orElseThrow().status()).isEqualTo(ItemStatus.RETIRED);
    assertThat(requests.find(loans.loanIdOf(later)).items()).extracting(item -> item.itemId()).containsExactly(spare.id());
    assertThat(availability.isFree(spare.id(), LocalDate.of(2027, 10, 18), LocalDate.of(2027, 10, 18))).isFalse();
    assertThat(requests.find(loans.loanIdOf(latest)).status()).isEqualTo(LoanRequestStatus.ANNULEE);
    List<String> subjects = Mails.to(member.memberSignatoryEmail()).stream().map(Mails::subject).toList();
    assertThat(subjects).contains("Votre prêt n° " + loans.loanIdOf(later) + " : un matériel réformé",
        "Votre prêt n° " + loans.loanIdOf(latest) + " : un matériel réformé");
    assertThat(Mails.part(mail(member.memberSignatoryEmail(), "Votre prêt n° " + loans.loanIdOf(later)
        + " : un matériel réformé"), "text/plain")).contains("remplacé dans votre prêt par le matériel n° "
        + spare.inventoryNumber());
  }

  private static Map<String, String> report(String number, String day) {
    return Map.of("inventoryNumber", number, "nature", "PANNE", "occurredOn", day,
        "description", "Le drone ne s'allume plus depuis la séance de lundi.");
  }

  private ProcessInstance start(Map<String, String> values) {
    fixtures.asUser(user);
    try {
      return driver.submitStartForm(DamageCaseProcess.KEY, values);
    } finally {
      fixtures.clearUser();
    }
  }

  private static jakarta.mail.internet.MimeMessage mail(String address, String subject) {
    return Mails.to(address).stream().filter(mail -> Mails.subject(mail).equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("No mail « " + subject + " » to " + address + " in "
            + Mails.to(address).stream().map(Mails::subject).toList()));
  }
}
