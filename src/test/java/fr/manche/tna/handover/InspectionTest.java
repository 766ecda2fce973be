package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.handover.process.InspectionReportProcess;
import fr.manche.tna.inventory.Catalogue;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.inventory.ItemStatus;
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
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
 * Issue 11, items 3 and 4 (R13, R15): the pickup inspection starts the loan and its report (PDF) reaches the member,
 * who acknowledges it in Tasklist when nobody did on the spot; the return inspection, beside the pickup one, flags a
 * worse condition or a missing accessory, opens a damage case and keeps the item out of the loans; the report gives
 * both records side by side and the differences. Nothing is done at the desk without an inspection.
 */
@ApplicationTest
class InspectionTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired Inspections inspections;
  @Autowired LoanRequestService requests;
  @Autowired Catalogue catalogue;
  @Autowired ProcessDriver driver;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  private String user;
  private String email;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Espace public numérique de Torigny",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    email = member.memberSignatoryEmail();
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
  void thePickupInspectionStartsTheLoanAndTheMemberAcknowledgesItsReportInTasklist() throws Exception {
    Item drone = loans.item("Drone");
    ProcessInstance loan = handovers.approvedLoan(user, "10/09/2027", "14/09/2027", drone.inventoryNumber());
    handovers.book(user, loan, "2027-09-10T09:00+02:00");
    ConventionFixtures.at(LocalDate.of(2027, 9, 10), LocalTime.of(9, 5));
    // « Done » in Tasklist without an inspection is refused: the inspection is what records the handover.
    Task desk = handovers.handoverTask(loan);
    assertThatThrownBy(() -> driver.claimAndSubmit(desk, ConventionFixtures.EQUIPMENT_MANAGER,
        Map.of("handoverOutcome", "fait", "handoverNotes", ""))).hasMessageContaining("Faites d'abord l'état des lieux");
    taskService.setAssignee(desk.getId(), null);

    // A bad draft is refused in French and writes nothing.
    InspectionDraft incomplete = new InspectionDraft(Map.of(), Map.of(), Map.of(), " ", false, "");
    assertThat(inspections.check(handovers.heldBooking(loan).id(), incomplete))
        .containsKeys("etat-" + drone.id(), "representant");
    assertThatThrownBy(() -> handovers.inspect(loan, incomplete)).hasMessageContaining("Choisissez l'état");
    assertThat(handovers.handoverTask(loan)).isNotNull();

    Map<Long, String> conditions = new HashMap<>(Map.of(drone.id(), Condition.USAGE.name()));
    handovers.inspect(loan, new InspectionDraft(conditions, Map.of(drone.id(), List.of("Chargeur")),
        Map.of(drone.id(), "Rayure sur une hélice"), "Camille Lefèvre", false, "Batteries chargées"));
    long loanId = loans.loanIdOf(loan);
    assertThat(requests.find(loanId).pickedUp()).isTrue();
    assertThat(handovers.bookingTask(loan)).as("the return is to book").isNotNull();

    MimeMessage report = mailTo("État des lieux de retrait : prêt n° " + loanId);
    assertThat(Mails.attachmentNames(report)).containsExactly("etat-des-lieux-pret-" + loanId + "-retrait.pdf");
    assertThat(Mails.pdfText(report)).contains("Usure normale").contains("Rayure sur une hélice").contains("Camille Lefèvre");
    assertThat(Mails.part(report, "text/plain")).contains("Prendre connaissance de l'état des lieux");

    // Not acknowledged on the spot: the member's task shows the record and asks for the acknowledgement.
    ProcessInstance reportInstance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(InspectionReportProcess.KEY).variableValueEquals("inspectionId",
            inspections.ofLoan(loanId, HandoverKind.RETRAIT).orElseThrow().id()).singleResult();
    Task acknowledge = driver.openTask(reportInstance.getId(), InspectionReportProcess.ACKNOWLEDGE_TASK);
    assertThat(taskService.getVariable(acknowledge.getId(), "inspectionSummary").toString())
        .contains(drone.inventoryNumber() + " (Drone) : Usure normale ; Rayure sur une hélice").contains("Camille Lefèvre");
    fixtures.asUser(user);
    try {
      assertThatThrownBy(() -> driver.claimAndSubmit(acknowledge, user, Map.of("inspectionAcknowledged", false)))
          .hasMessageContaining("J'ai pris connaissance");
      driver.claimAndSubmit(acknowledge, user, Map.of("inspectionAcknowledged", true, "memberRemarks",
          "La rayure était déjà là."));
    } finally {
      fixtures.clearUser();
    }
    Inspection acknowledged = inspections.ofLoan(loanId, HandoverKind.RETRAIT).orElseThrow();
    assertThat(acknowledged.acknowledgedBy()).isEqualTo(user);
    assertThat(acknowledged.memberRemarks()).isEqualTo("La rayure était déjà là.");
  }

  @Test
  void aReturnWithAMissingAccessoryOpensADamageCaseKeepsTheItemOutAndTheReportShowsBothRecords() throws Exception {
    Item drone = loans.item("Drone");
    ProcessInstance loan = handovers.approvedLoan(user, "17/09/2027", "21/09/2027", drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, "2027-09-17T09:00+02:00");
    handovers.inspect(loan, handovers.goodCondition(loan, true, ""));
    handovers.book(user, loan, "2027-09-21T14:00+02:00");
    ConventionFixtures.at(LocalDate.of(2027, 9, 21), LocalTime.of(14, 10));

    List<Inspections.Difference> differences = handovers.inspect(loan, new InspectionDraft(
        Map.of(drone.id(), Condition.ABIME.name()), Map.of(drone.id(), List.of()), Map.of(drone.id(), "Coque fendue"),
        "Julie Hamel", true, ""));
    assertThat(differences).singleElement().satisfies(difference -> assertThat(difference.description())
        .contains("état « Abîmé » au retour, « Bon état » au départ").contains("accessoire manquant : Chargeur"));
    assertThat(requests.find(loanId).status()).isEqualTo(LoanRequestStatus.RENDUE);
    assertThat(catalogue.item(drone.id()).orElseThrow().status()).isEqualTo(ItemStatus.IN_MAINTENANCE);
    assertThat(jdbc.sql("select count(*) from damage_case where loan_request_id = ? and item_id = ? and status = 'OUVERT'")
        .params(loanId, drone.id()).query(Long.class).single()).isOne();
    assertThat(handovers.handover(loan)).isNull();

    MimeMessage report = mailTo("État des lieux de retour : prêt n° " + loanId);
    String pdf = Mails.pdfText(report);
    assertThat(pdf).contains("Au départ").contains("Au retour").contains("Bon état").contains("Abîmé")
        .contains("Coque fendue").contains("Chargeur");
    assertThat(Mails.part(report, "text/plain")).contains("Des différences ont été relevées")
        .contains("accessoire manquant : Chargeur");
  }

  private MimeMessage mailTo(String subject) {
    return Mails.to(email).stream().filter(mail -> Mails.subject(mail).equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("No mail « " + subject + " » in "
            + Mails.to(email).stream().map(Mails::subject).toList()));
  }
}
