package fr.manche.tna.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.steering.process.CommitteeProposalProcess;
import fr.manche.tna.steering.process.NetworkCommitteeProcess;
import fr.manche.tna.steering.process.YearEndReviewProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, items 1, 2 and 5 (R23, R20, R03), the clock moved over two years: the calendar starts the committee in June
 * and the reviews in November by itself, once each per year however often it runs; the committee invites the members
 * in force on its day (not one whose convention has ended, not one admitted later), takes their proposals, sends the
 * agenda after the deadline and the minutes after the meeting, at Paris times across summer and winter time; each
 * member in force in November (one admitted mid-year included) is reviewed; a convention ending within the year gets
 * its renewal proposed.
 */
@ApplicationTest
class SteeringCycleTest {

  private static final String REFERENT = ConventionFixtures.REFERENT;

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired SteeringCycles cycles;
  @Autowired Reviews reviews;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void twoYearsOfCommitteesAndReviewsStartByThemselvesOnceForTheRightMembers() throws Exception {
    TestMailServer.ensureUp();
    // In force from 11 September 2026 to 10 September 2029; ended on 10 April 2027; admitted on 11 July 2027.
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Brécey", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.Signed ended = fixtures.signed(TestSirets.next(), "Espace numérique de Juvigny", LocalDate.of(2024, 4, 1),
        LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 11));
    ConventionFixtures.Signed newcomer = fixtures.signed(TestSirets.next(), "Centre social de Tessy", LocalDate.of(2027, 7, 1),
        LocalDate.of(2027, 7, 10), LocalDate.of(2027, 7, 11));
    long memberId = member.convention().organisationId();
    long newcomerId = newcomer.convention().organisationId();
    TestMailServer.reset();

    // 31 May: nothing yet. 1 June, 7:00 Paris: the committee 2027, once however often the calendar runs.
    morning(2027, 5, 31);
    assertThat(committees(2027)).isEmpty();
    morning(2027, 6, 1);
    morning(2027, 6, 1);
    assertThat(committees(2027)).hasSize(1);
    ProcessInstance committee = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("comite-2027")
        .processDefinitionKey(NetworkCommitteeProcess.KEY).singleResult();
    long cycleId = committees(2027).get(0);

    // The referent prepares it: a past date is refused in French; then the members in force on its day are invited.
    Task prepare = driver.openTask(committee.getId(), NetworkCommitteeProcess.PREPARE_TASK);
    assertThatThrownBy(() -> driver.claimAndSubmit(prepare, REFERENT, preparation("20/05/2027", "05/06/2027")))
        .hasMessageContaining("après aujourd'hui");
    driver.claimAndSubmit(prepare, REFERENT, preparation("15/06/2027", "10/06/2027"));
    driver.runJobs(committee.getId());
    assertThat(cycles.invited(cycleId)).extracting(organisation -> organisation.id()).contains(memberId)
        .doesNotContain(ended.convention().organisationId(), newcomerId);
    String ics = Mails.part(mail(member.contactEmail(), "Invitation au comité du réseau du mardi 15 juin 2027 à 14h30"),
        "text/calendar");
    assertThat(ics).contains("DTSTART;TZID=Europe/Paris:20270615T143000");

    // The member proposes a practice; an organisation not invited cannot.
    propose(member.memberSignatoryUserId(), "Les ateliers seniors du jeudi");
    assertThatThrownBy(() -> propose(newcomer.memberSignatoryUserId(), "Hors délai")).hasMessageContaining("Aucun comité");
    assertThat(cycles.proposals(cycleId)).extracting(SteeringCycles.Proposal::title).containsExactly("Les ateliers seniors du jeudi");

    // The agenda goes the morning after the deadline, with the proposals; the minutes after the meeting.
    ConventionFixtures.at(LocalDate.of(2027, 6, 11), LocalTime.of(7, 59));
    driver.runJobs(committee.getId());
    assertThat(subjects(member.contactEmail())).noneMatch(subject -> subject.contains("ordre du jour"));
    ConventionFixtures.at(LocalDate.of(2027, 6, 11), LocalTime.of(8, 0));
    driver.runJobs(committee.getId());
    MimeMessage agenda = mail(member.contactEmail(), "Comité du réseau du 15 juin 2027 : ordre du jour et propositions");
    assertThat(Mails.part(agenda, "text/plain")).contains("Les ateliers seniors du jeudi");
    assertThat(Mails.attachmentNames(agenda)).as("the indicator pack of the past twelve months")
        .containsExactly("indicateurs-2026-semestre-2.pdf", "indicateurs-2027-semestre-1.pdf");
    ConventionFixtures.at(LocalDate.of(2027, 6, 15), LocalTime.of(14, 30));
    driver.runJobs(committee.getId());
    Task record = driver.openTask(committee.getId(), NetworkCommitteeProcess.RECORD_TASK);
    assertThat(taskService.getVariable(record.getId(), NetworkCommitteeProcess.INVITED_OPTIONS).toString())
        .contains("Médiathèque de Brécey");
    driver.claimAndSubmit(record, REFERENT, Map.of("attendance", fr.manche.tna.test.LoanFixtures.checklist(
        List.of(String.valueOf(memberId))), "minutes", "Échanges sur les ateliers seniors.",
        "decisions", "Un atelier commun à l'automne."));
    driver.runJobs(committee.getId());
    assertThat(Mails.part(mail(member.contactEmail(), "Compte rendu du comité du réseau du 15 juin 2027"), "text/plain"))
        .contains("Médiathèque de Brécey").contains("Un atelier commun à l'automne.");

    // 1 November: one review per member in force that day, the newcomer included, the ended one not; once.
    morning(2027, 11, 1);
    morning(2027, 11, 1);
    assertThat(reviews.ofYear(2027)).extracting(Reviews.Review::organisationId).contains(memberId, newcomerId)
        .doesNotContain(ended.convention().organisationId());
    assertThat(reviews.ofYear(2027).stream().filter(review -> review.organisationId() == memberId)).hasSize(1);
    ProcessInstance review = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("bilan-2027-" + memberId).singleResult();
    driver.runJobs(review.getId());
    mail(member.contactEmail(), "Votre bilan 2027 : à remplir avant l'entretien annuel");

    // The member's self-assessment (a commitment left out is refused), the interview in winter time, the summary PDF.
    Task assess = driver.openTask(review.getId(), YearEndReviewProcess.SELF_ASSESSMENT_TASK);
    fixtures.asUser(member.memberSignatoryUserId());
    try {
      assertThatThrownBy(() -> driver.claimAndSubmit(assess, member.memberSignatoryUserId(), Map.of("commitmentAccess", "TENU")))
          .hasMessageContaining("Ordinateurs connectés");
      driver.claimAndSubmit(assess, member.memberSignatoryUserId(), selfAssessment());
    } finally {
      fixtures.clearUser();
    }
    driver.claimAndSubmit(driver.openTask(review.getId(), YearEndReviewProcess.SCHEDULE_TASK), REFERENT,
        Map.of("interviewDate", "02/12/2027", "interviewTime", "10:00", "interviewPlace", "À la médiathèque"));
    driver.runJobs(review.getId());
    assertThat(Mails.part(mail(member.contactEmail(), "Entretien annuel 2027 : le jeudi 2 décembre 2027 à 10h00"),
        "text/calendar")).contains("DTSTART;TZID=Europe/Paris:20271202T100000");
    ConventionFixtures.at(LocalDate.of(2027, 12, 2), LocalTime.of(10, 0));
    driver.runJobs(review.getId());
    Task recordReview = driver.openTask(review.getId(), YearEndReviewProcess.RECORD_TASK);
    assertThat(taskService.getVariable(recordReview.getId(), YearEndReviewProcess.RENEWAL_DUE.name())).isEqualTo("non");
    driver.claimAndSubmit(recordReview, REFERENT, Map.of("results", "Objectifs atteints.", "plans", "Un atelier emploi."));
    driver.runJobs(review.getId());
    MimeMessage summary = mail(member.contactEmail(), "Synthèse de votre entretien annuel 2027");
    assertThat(Mails.pdfText(summary)).contains("Objectifs atteints.").contains("Un atelier emploi.")
        .contains("Au moins un animateur sur place : tenu");

    // 2028: the committee once in June; in November the member's convention ends within the year: renewal proposed.
    morning(2028, 6, 1);
    morning(2028, 6, 2);
    assertThat(committees(2028)).hasSize(1);
    morning(2028, 11, 1);
    ProcessInstance second = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("bilan-2028-" + memberId).singleResult();
    driver.runJobs(second.getId());
    fixtures.asUser(member.memberSignatoryUserId());
    try {
      driver.claimAndSubmit(driver.openTask(second.getId(), YearEndReviewProcess.SELF_ASSESSMENT_TASK),
          member.memberSignatoryUserId(), selfAssessment());
    } finally {
      fixtures.clearUser();
    }
    driver.claimAndSubmit(driver.openTask(second.getId(), YearEndReviewProcess.SCHEDULE_TASK), REFERENT,
        Map.of("interviewDate", "05/12/2028", "interviewTime", "10:00", "interviewPlace", "À la médiathèque"));
    driver.runJobs(second.getId());
    ConventionFixtures.at(LocalDate.of(2028, 12, 5), LocalTime.of(10, 0));
    driver.runJobs(second.getId());
    Task renewal = driver.openTask(second.getId(), YearEndReviewProcess.RECORD_TASK);
    assertThat(taskService.getVariable(renewal.getId(), YearEndReviewProcess.RENEWAL_DUE.name())).isEqualTo("oui");
    assertThatThrownBy(() -> driver.claimAndSubmit(renewal, REFERENT, Map.of("results", "Bien.", "plans", "Continuer.")))
        .hasMessageContaining("renouvellement");
    driver.claimAndSubmit(renewal, REFERENT, Map.of("results", "Bien.", "plans", "Continuer.", "proposeRenewal", "oui"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ConventionRenewal")
        .variableValueEquals("organisationId", memberId).count()).isOne();
  }

  private List<Long> committees(int year) {
    return cycles.cycles(SteeringCycles.Kind.COMITE, year);
  }

  /** 7:00 Paris that day: the calendar's morning run, as its timer fires it, then what it started. */
  private void morning(int year, int month, int day) {
    ConventionFixtures.at(LocalDate.of(year, month, day), LocalTime.of(7, 0));
    Job calendar = managementService.createJobQuery().processDefinitionKey("SteeringCalendar").timers().singleResult();
    managementService.executeJob(calendar.getId());
    for (ProcessInstance started : runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(NetworkCommitteeProcess.KEY, YearEndReviewProcess.KEY).active().list()) {
      driver.runJobs(started.getId());
    }
  }

  private static Map<String, String> preparation(String day, String deadline) {
    return Map.of("meetingDate", day, "meetingTime", "14:30", "meetingPlace", "Maison du Département, Saint-Lô",
        "agenda", "Bilan des prêts du semestre ; projets de la rentrée.", "proposalsDeadline", deadline);
  }

  private static Map<String, String> selfAssessment() {
    return Map.of("commitmentAccess", "TENU", "commitmentEquipment", "TENU", "commitmentFacilitator", "TENU",
        "commitmentWorkshops", "EN_PARTIE", "commitmentNetwork", "TENU", "workshopsCount", "24", "peopleReached", "150");
  }

  private void propose(String userId, String title) {
    fixtures.asUser(userId);
    try {
      driver.submitStartForm(CommitteeProposalProcess.KEY, Map.of("proposalKind", "PRATIQUE", "proposalTitle", title));
    } finally {
      fixtures.clearUser();
    }
  }

  private static List<String> subjects(String address) {
    return Mails.to(address).stream().map(Mails::subject).toList();
  }

  private static MimeMessage mail(String address, String subject) {
    return Mails.to(address).stream().filter(mail -> Mails.subject(mail).equals(subject)).findFirst()
        .orElseThrow(() -> new AssertionError("No mail « " + subject + " » to " + address + " in " + subjects(address)));
  }
}
