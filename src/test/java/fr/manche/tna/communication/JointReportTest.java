package fr.manche.tna.communication;

import fr.manche.tna.platform.Appreciation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.communication.process.JointReportProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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
 * Issue 12, item 4 (R22): after a communication operation agreed through {@code CommunicationRequest} (R21), the
 * member's group is asked, the day after the planned diffusion at 9:00 Paris, to report on it in Tasklist; reminded
 * fourteen days later if not filed (not before, not once filed); a faulty report is refused in French and changes
 * nothing; a good one is stored once and mailed to the referent who follows the convention; a refused request asks for
 * no report.
 */
@ApplicationTest
class JointReportTest {

  private static final String REVIEWER = "joint.referent";
  private static final String REVIEWER_EMAIL = "joint.referent@manche.fr";

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired JointReports reports;
  @Autowired CommunicationRequestService requests;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  private String user;
  private String email;
  private long organisationId;
  private String memberGroupId;
  private String subject;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    ConventionFixtures.Signed member = fixtures.signed(TestSirets.next(), "Médiathèque de Brécey",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    email = member.memberSignatoryEmail();
    organisationId = member.convention().organisationId();
    memberGroupId = organisations.findById(organisationId).orElseThrow().memberGroupId();
    // Another referent reviews the requests: the report goes to the one who follows the convention.
    driver.ensureStaff(REVIEWER, REVIEWER_EMAIL, "tna-referents-reseau");
    subject = "Fête du numérique " + System.nanoTime();
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 3, 1));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  /** A request for a diffusion on 15 March 2027, answered by the referent on 1 March. @return the request's id */
  private long answered(String decision) {
    Map<String, String> values = new HashMap<>();
    values.put("subject", subject);
    values.put("content", "Article sur la fête du numérique, avec le logo du Département");
    values.put("media", "Bulletin municipal");
    values.put("partners", "Collège Jean-Monnet");
    values.put("plannedOn", "15/03/2027");
    ProcessInstance instance;
    fixtures.asUser(user);
    try {
      instance = driver.submitStartForm(CommunicationRequestProcess.KEY, values);
    } finally {
      fixtures.clearUser();
    }
    driver.runJobs(instance.getId());
    Map<String, String> answer = new HashMap<>();
    answer.put("decision", decision);
    answer.put("decisionComment", "accorder".equals(decision) ? "" : "La date tombe pendant la période électorale.");
    driver.claimAndSubmit(driver.openTask(instance.getId(), CommunicationRequestProcess.REVIEW_TASK), REVIEWER, answer);
    driver.runJobs(instance.getId());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId()).as("the request is answered").isEqualTo("EndEvent_RequestAnswered");
    return CommunicationRequestProcess.REQUEST_ID.getOptional(history, instance.getId()).orElseThrow();
  }

  private ProcessInstance reportInstance(long requestId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(JointReportProcess.KEY)
        .processInstanceBusinessKey("compte-rendu-communication-" + requestId).singleResult();
  }

  private Task task(ProcessInstance report) {
    return driver.openTask(report.getId(), JointReportProcess.FILE_TASK);
  }

  private List<String> subjectsTo(String address) {
    return Mails.to(address).stream().map(Mails::subject).toList();
  }

  private static Map<String, Object> good() {
    Map<String, Object> values = new HashMap<>();
    values.put("jointWhatWasDone", "Un article d'une page dans le bulletin municipal et trois affiches en mairie.");
    values.put("jointPeopleReached", "1 200");
    values.put("jointDiffusions", "4");
    values.put("jointPartners", "Collège Jean-Monnet");
    values.put("jointAppreciation", "SATISFAIT");
    values.put("jointComments", "Plusieurs habitants sont venus aux ateliers après l'article.");
    return values;
  }

  private void submit(Task task, Map<String, Object> values) {
    fixtures.asUser(user);
    try {
      driver.claimAndSubmit(task, user, values);
    } finally {
      fixtures.clearUser();
    }
  }

  private long rows(long requestId) {
    return jdbc.sql("select count(*) from joint_report where communication_request_id = ?").param(requestId)
        .query(Long.class).single();
  }

  @Test
  void anAgreedOperationIsReportedTheDayAfterItsDiffusionRemindedFourteenDaysLaterAndTheReportGoesToTheReferent() {
    long requestId = answered("accorder");
    ProcessInstance report = reportInstance(requestId);
    assertThat(report).as("the joint report's process of the request").isNotNull();
    String reportTask = "Compte rendu de votre opération de communication à rédiger : « " + subject + " »";
    String reminder = "Rappel : compte rendu de votre opération de communication à rédiger : « " + subject + " »";

    // Until the day after the diffusion, 9:00 Paris: nothing to do.
    ConventionFixtures.at(LocalDate.of(2027, 3, 16), LocalTime.of(8, 55));
    driver.runJobs(report.getId());
    assertThat(task(report)).as("no task before the day after the diffusion").isNull();
    assertThat(subjectsTo(email)).doesNotContain(reportTask);

    ConventionFixtures.at(LocalDate.of(2027, 3, 16), LocalTime.of(9, 5));
    driver.runJobs(report.getId());
    Task task = task(report);
    assertThat(task).as("the task « Rendre compte de l'opération de communication »").isNotNull();
    assertThat(task.getName()).startsWith("Rendre compte de l'opération de communication");
    assertThat(task.getDescription()).startsWith("compte rendu de l'opération « " + subject + " », diffusée le");
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(memberGroupId));
    assertThat(ZonedDateTime.ofInstant(task.getDueDate().toInstant(), ParisTime.ZONE))
        .isEqualTo(ZonedDateTime.of(2027, 3, 30, 9, 0, 0, 0, ParisTime.ZONE));
    assertThat(taskService.getVariable(task.getId(), "jointOperation").toString()).contains(subject);
    assertThat(subjectsTo(email)).containsOnlyOnce(reportTask);

    // Not before fourteen days: no reminder.
    ConventionFixtures.at(LocalDate.of(2027, 3, 30), LocalTime.of(8, 55));
    driver.runJobs(report.getId());
    assertThat(subjectsTo(email)).doesNotContain(reminder);
    // Fourteen days later, 9:00 Paris: reminded once, the task stays.
    ConventionFixtures.at(LocalDate.of(2027, 3, 30), LocalTime.of(9, 5));
    driver.runJobs(report.getId());
    assertThat(subjectsTo(email).stream().filter(reminder::equals)).hasSize(1);
    assertThat(task(report)).as("the task stays open after the reminder").isNotNull();

    // Faulty reports: refused in French naming the field, nothing stored, the task stays.
    Map<String, Object> letters = good();
    letters.put("jointPeopleReached", "environ mille");
    assertThatThrownBy(() -> submit(task(report), letters)).hasMessageContaining("Nombre de personnes touchées");
    Map<String, Object> noDiffusions = good();
    noDiffusions.remove("jointDiffusions");
    assertThatThrownBy(() -> submit(task(report), noDiffusions)).hasMessageContaining("Nombre de publications ou diffusions");
    Map<String, Object> tooShort = good();
    tooShort.put("jointWhatWasDone", "Fait.");
    assertThatThrownBy(() -> submit(task(report), tooShort)).hasMessageContaining("Ce qui a été fait");
    Map<String, Object> noAppreciation = good();
    noAppreciation.remove("jointAppreciation");
    assertThatThrownBy(() -> submit(task(report), noAppreciation)).hasMessageContaining("Appréciation du public");
    assertThat(rows(requestId)).isZero();
    assertThat(task(report)).isNotNull();

    // The service checks on its own what a form would not.
    for (Object wrong : new Object[] {"12a", "1000001", 2.5, -1, "1,5"}) {
      assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
          "Un article d'une page dans le bulletin municipal.", wrong, 1, null, "SATISFAIT", null), user))
          .as(String.valueOf(wrong)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("« Nombre de personnes touchées »");
    }
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "SATISFAIT", "x".repeat(2001)), user))
        .hasMessageContaining("Commentaires");
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "ENCHANTE", null), user))
        .hasMessageContaining("Appréciation du public");
    assertThat(rows(requestId)).isZero();

    submit(task(report), good());
    JointReport filed = reports.find(requestId).orElseThrow();
    assertThat(filed.organisationId()).isEqualTo(organisationId);
    assertThat(filed.filedBy()).isEqualTo(user);
    assertThat(filed.subject()).isEqualTo(subject);
    assertThat(filed.diffusedOn()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(filed.peopleReached()).isEqualTo(1200);
    assertThat(filed.diffusions()).isEqualTo(4);
    assertThat(filed.partners()).isEqualTo("Collège Jean-Monnet");
    assertThat(filed.appreciation()).isEqualTo(Appreciation.SATISFAIT);
    assertThat(reports.ofOrganisation(organisationId)).extracting(JointReport::communicationRequestId)
        .containsExactly(requestId);
    assertThat(reports.between(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15)))
        .extracting(JointReport::communicationRequestId).contains(requestId);
    assertThat(reports.between(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 6, 30)))
        .extracting(JointReport::communicationRequestId).doesNotContain(requestId);

    // The report goes to the referent who follows the convention, not to the one who reviewed the request.
    driver.runJobs(report.getId());
    String toReferent = "Compte rendu d'une opération de communication : Médiathèque de Brécey, « " + subject + " »";
    List<jakarta.mail.internet.MimeMessage> referentMails = Mails.to(ConventionFixtures.REFERENT_EMAIL).stream()
        .filter(mail -> toReferent.equals(Mails.subject(mail))).toList();
    assertThat(referentMails).hasSize(1);
    assertThat(Mails.part(referentMails.get(0), "text/plain"))
        .contains("Un article d'une page dans le bulletin municipal et trois affiches en mairie.")
        .contains("Personnes touchées : 1200").contains("publications ou diffusions : 4")
        .contains("Appréciation du public : Satisfait");
    assertThat(subjectsTo(REVIEWER_EMAIL)).doesNotContain(toReferent);
    assertThat(reportInstance(requestId)).as("the process ended").isNull();

    // Filed once.
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un autre article dans le bulletin municipal.", 10, 1, null, "SATISFAIT", null), user))
        .hasMessageContaining("est déjà rédigé");
  }

  @Test
  void filedBeforeTheReminderNoneGoesAndAnotherOrganisationsRequestIsRefused() {
    long requestId = answered("accorder");
    ProcessInstance report = reportInstance(requestId);
    String reminder = "Rappel : compte rendu de votre opération de communication à rédiger : « " + subject + " »";

    // Before the diffusion is over, even the service refuses.
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "SATISFAIT", null), user))
        .hasMessageContaining("se rédige après sa diffusion");

    ConventionFixtures.at(LocalDate.of(2027, 3, 17));
    driver.runJobs(report.getId());

    // Another organisation: its id, or one of its people, is refused.
    long other = organisations.insert(new Organisation(null, "Commune de Gavray", LegalForm.COLLECTIVITE_TERRITORIALE,
        TestSirets.next(), "Mairie, 50450 Gavray", null, "Paul Lenoir", "paul.lenoir@gavray.example.fr", null),
        OffsetDateTime.now());
    Person stranger = accounts.addPerson(other, "Paul", "Lenoir", "paul" + System.nanoTime() + "@gavray.example.fr",
        "REFERENT", "test");
    assertThatThrownBy(() -> reports.file(requestId, other, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "SATISFAIT", null), stranger.userId()))
        .hasMessageContaining("n'est pas une demande de votre structure");
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "SATISFAIT", null), stranger.userId()))
        .hasMessageContaining("ne concerne pas votre organisation");
    assertThat(rows(requestId)).isZero();

    submit(task(report), good());
    assertThat(reports.find(requestId)).isPresent();
    driver.runJobs(report.getId());
    assertThat(reportInstance(requestId)).as("the process ended").isNull();

    ConventionFixtures.at(LocalDate.of(2027, 3, 31));
    assertThat(management.createJobQuery().processInstanceId(report.getId()).count()).as("no reminder waiting").isZero();
    assertThat(subjectsTo(email)).doesNotContain(reminder);
  }

  @Test
  void aRefusedRequestAsksForNoReport() {
    long requestId = answered("refuser");
    assertThat(reportInstance(requestId)).isNull();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(JointReportProcess.KEY)
        .processInstanceBusinessKey("compte-rendu-communication-" + requestId).count()).isZero();
    ConventionFixtures.at(LocalDate.of(2027, 3, 20));
    assertThatThrownBy(() -> reports.file(requestId, organisationId, new JointReports.Submission(
        "Un article d'une page dans le bulletin municipal.", 10, 1, null, "SATISFAIT", null), user))
        .hasMessageContaining("se rédige pour une opération de communication accordée");
    assertThat(rows(requestId)).isZero();
  }
}
