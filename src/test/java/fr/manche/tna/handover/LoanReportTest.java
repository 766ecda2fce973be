package fr.manche.tna.handover;

import fr.manche.tna.platform.Appreciation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.handover.process.LoanReportProcess;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.InvalidInputException;
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
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
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
 * Issue 11, item 7 (R24): once the equipment is back, the member's group is asked to file the loan's report in
 * Tasklist (actions and audiences by type and number, the audience's appreciation); a faulty report is refused in
 * French and changes nothing; a good one is stored with its lines, once; without it, a reminder goes seven days after
 * the return, at 9:00 Paris.
 */
@ApplicationTest
class LoanReportTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired HandoverFixtures handovers;
  @Autowired LoanReports reports;
  @Autowired ProcessDriver driver;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired OrganisationRepository organisations;

  private String user;
  private String email;
  private long organisationId;
  private String memberGroupId;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Villedieu-les-Poêles",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    email = member.memberSignatoryEmail();
    organisationId = member.convention().organisationId();
    memberGroupId = organisations.findById(organisationId).orElseThrow().memberGroupId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  /** A loan picked up and brought back on {@code returnDay} at 14:10 (the return's handover done). */
  private long returned(int firstDay, int returnDay) {
    Item drone = loans.item("Drone");
    ProcessInstance loan = handovers.approvedLoan(user, "%02d/10/2027".formatted(firstDay),
        "%02d/10/2027".formatted(returnDay), drone.inventoryNumber());
    long loanId = loans.loanIdOf(loan);
    handovers.book(user, loan, "2027-10-%02dT09:00+02:00".formatted(firstDay));
    handovers.record(loan, "fait", "");
    assertThat(handovers.loanReport(loanId)).as("no report before the return").isNull();
    handovers.book(user, loan, "2027-10-%02dT14:00+02:00".formatted(returnDay));
    ConventionFixtures.at(LocalDate.of(2027, 10, returnDay), LocalTime.of(14, 10));
    handovers.record(loan, "fait", "");
    return loanId;
  }

  private Task reportTask(long loanId) {
    ProcessInstance report = handovers.loanReport(loanId);
    assertThat(report).as("the loan report's process of the loan " + loanId).isNotNull();
    return driver.openTask(report.getId(), LoanReportProcess.FILE_TASK);
  }

  private static Map<String, Object> good() {
    return HandoverFixtures.loanReport();
  }

  private void submit(Task task, Map<String, Object> values) {
    fixtures.asUser(user);
    try {
      driver.claimAndSubmit(task, user, values);
    } finally {
      fixtures.clearUser();
    }
  }

  private long reportRows(long loanId) {
    return jdbc.sql("select count(*) from loan_report where loan_request_id = ?").param(loanId).query(Long.class).single();
  }

  @Test
  void theReturnAsksTheMembersGroupForTheReportAndAFaultyOneIsRefusedInFrenchAGoodOneStoredOnce() {
    long loanId = returned(4, 8);
    Task task = reportTask(loanId);
    assertThat(task).as("the task « Rédiger le compte rendu du prêt »").isNotNull();
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(memberGroupId));
    assertThat(task.getName()).startsWith("Rédiger le compte rendu du prêt");
    assertThat(task.getDescription()).startsWith("compte rendu du prêt n° " + loanId + " : ");
    assertThat(ZonedDateTime.ofInstant(task.getDueDate().toInstant(), fr.manche.tna.platform.time.ParisTime.ZONE))
        .isEqualTo(ZonedDateTime.of(2027, 10, 15, 9, 0, 0, 0, fr.manche.tna.platform.time.ParisTime.ZONE));
    assertThat(taskService.getVariable(task.getId(), "requestedItems").toString()).contains("(Drone)");
    assertThat(Mails.to(email).stream().map(Mails::subject))
        .contains("Compte rendu de votre prêt n° " + loanId + " à rédiger");

    // Letters in a number, nothing above zero, no appreciation: refused in French, nothing stored, the task stays.
    Map<String, Object> letters = good();
    letters.put("reportSessions", "quatre");
    assertThatThrownBy(() -> submit(task, letters)).hasMessageContaining("Nombre de séances d'initiation");
    Map<String, Object> noAction = good();
    noAction.put("reportSessions", "0");
    noAction.put("reportEvents", "");
    assertThatThrownBy(() -> submit(task, noAction)).hasMessageContaining("Indiquez au moins une action");
    Map<String, Object> noAudience = good();
    noAudience.put("reportSchoolPupils", "0");
    noAudience.put("reportTeachers", "");
    assertThatThrownBy(() -> submit(task, noAudience)).hasMessageContaining("Indiquez au moins un public");
    Map<String, Object> noAppreciation = good();
    noAppreciation.remove("audienceAppreciation");
    assertThatThrownBy(() -> submit(task, noAppreciation)).hasMessageContaining("Appréciation du public");
    assertThat(reportRows(loanId)).isZero();
    assertThat(reportTask(loanId)).isNotNull();

    // The service checks on its own what a form would not: letters, beyond 100 000, fractions, long comments.
    for (Object wrong : new Object[] {"12a", "100001", 2.5, -1, "1,5"}) {
      assertThatThrownBy(() -> reports.file(loanId, organisationId, Map.of(ReportCategory.SEANCE, wrong,
          ReportCategory.SENIORS, 3), "SATISFAIT", "", user))
          .as(String.valueOf(wrong)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("« Nombre de séances d'initiation »");
    }
    assertThatThrownBy(() -> reports.file(loanId, organisationId, Map.of(ReportCategory.SEANCE, 1,
        ReportCategory.SENIORS, 3), "SATISFAIT", "x".repeat(2001), user)).hasMessageContaining("Commentaires");
    assertThatThrownBy(() -> reports.file(loanId, organisationId + 100_000, Map.of(ReportCategory.SEANCE, 1,
        ReportCategory.SENIORS, 3), "SATISFAIT", "", user)).hasMessageContaining("n'est pas un prêt de votre structure");
    assertThat(reportRows(loanId)).isZero();

    String reportInstance = handovers.loanReport(loanId).getId();
    submit(task, good());
    LoanReport report = reports.find(loanId).orElseThrow();
    assertThat(report.organisationId()).isEqualTo(organisationId);
    assertThat(report.filedBy()).isEqualTo(user);
    assertThat(report.appreciation()).isEqualTo(Appreciation.TRES_SATISFAIT);
    assertThat(report.comments()).isEqualTo("Les collégiens ont adoré le vol en intérieur.");
    assertThat(report.lines()).containsExactly(new LoanReport.Line(ReportCategory.SEANCE, 4),
        new LoanReport.Line(ReportCategory.EVENEMENT, 1), new LoanReport.Line(ReportCategory.SCOLAIRES, 75),
        new LoanReport.Line(ReportCategory.ENSEIGNANTS, 3));
    assertThat(reports.ofOrganisation(organisationId)).extracting(LoanReport::loanRequestId).containsExactly(loanId);
    assertThat(handovers.loanReport(loanId)).as("the process ended").isNull();

    // Filed once.
    assertThatThrownBy(() -> reports.file(loanId, organisationId, Map.of(ReportCategory.ATELIER, "2",
        ReportCategory.SENIORS, "10"), "SATISFAIT", "", user)).hasMessageContaining("est déjà rédigé");
    assertThat(reports.find(loanId).orElseThrow().lines()).hasSize(4);

    // No reminder once filed.
    ConventionFixtures.at(LocalDate.of(2027, 10, 15), LocalTime.of(9, 5));
    driver.runJobs(reportInstance);
    assertThat(management.createJobQuery().processInstanceId(reportInstance).count()).as("no reminder left waiting").isZero();
    assertThat(Mails.to(email).stream().map(Mails::subject))
        .doesNotContain("Rappel : compte rendu de votre prêt n° " + loanId + " à rédiger");
  }

  @Test
  void notFiledSevenDaysAfterTheReturnTheMemberIsReminded() {
    long loanId = returned(18, 22);
    ProcessInstance report = handovers.loanReport(loanId);
    String reminder = "Rappel : compte rendu de votre prêt n° " + loanId + " à rédiger";

    ConventionFixtures.at(LocalDate.of(2027, 10, 29), LocalTime.of(8, 55));
    driver.runJobs(report.getId());
    assertThat(Mails.to(email).stream().map(Mails::subject)).doesNotContain(reminder);

    ConventionFixtures.at(LocalDate.of(2027, 10, 29), LocalTime.of(9, 5));
    driver.runJobs(report.getId());
    assertThat(Mails.to(email).stream().map(Mails::subject).filter(reminder::equals)).hasSize(1);
    assertThat(reportTask(loanId)).as("the task stays open after the reminder").isNotNull();

    submit(reportTask(loanId), good());
    assertThat(reports.find(loanId)).isPresent();
  }
}
