package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.NOTIFY_APPLICANT;
import static fr.manche.tna.convention.process.ConventionApplicationProcess.NOTIFY_REVIEWERS;
import static fr.manche.tna.convention.process.ConventionApplicationProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.ConventionApplicationService;
import fr.manche.tna.convention.ConventionSummary;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
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

/** The first process end to end: start form, R01 checks, review form, mails with a Tasklist link and .ics. */
@ApplicationTest
class ConventionApplicationFlowTest {

  static final String REFERENT = "flow.referent";
  static final String REFERENT_EMAIL = "flow.referent@manche.fr";

  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired ConventionApplicationService service;
  @Autowired ConventionFixtures fixtures;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
    driver.ensureStaff(REFERENT, REFERENT_EMAIL, "tna-referents-reseau");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anAcceptedApplicationTellsTheReferentThenTheOrganisationWithAnInvitationInParisTime() throws Exception {
    // 1 March 2026, 9:00 in Paris (winter time, UTC+1).
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T08:00:00Z")));
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY, application("21505019300014"));

    assertThat(driver.runJob(instance.getId(), NOTIFY_REVIEWERS)).isNull();
    List<MimeMessage> toReferent = Mails.to(REFERENT_EMAIL);
    assertThat(toReferent).hasSize(1);
    assertThat(Mails.subject(toReferent.get(0)))
        .isEqualTo("Nouvelle demande de convention à examiner : Commune de Percy-en-Normandie");
    String referentText = Mails.part(toReferent.get(0), "text/plain");
    assertThat(referentText)
        .contains("Organisation : Commune de Percy-en-Normandie")
        .contains("Objet : Demande de convention de coopération")
        .contains("https://reseau-tna.example.fr/taches?processus=" + instance.getId());
    assertThat(Mails.part(toReferent.get(0), "text/html"))
        .contains("href=\"https://reseau-tna.example.fr/taches?processus=" + instance.getId() + "\"");

    Task review = driver.openTask(instance.getId(), REVIEW_TASK);
    // Tasklist lists it with its organisation and what it is about (platform.tasks); the model keeps its name.
    assertThat(review.getName()).isEqualTo("Examiner la demande de convention – Commune de Percy-en-Normandie");
    assertThat(review.getDescription()).isEqualTo("Collectivité territoriale · SIRET 21505019300014 · signataire : Jean Dupuis, maire");
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .anyMatch(link -> "tna-referents-reseau".equals(link.getGroupId()));
    // The meeting is on 30 March at 10:15 in Paris: summer time (UTC+2) by then.
    driver.claimAndSubmit(
        review,
        REFERENT,
        Map.of("decision", "accepter", "decisionReason", "", "welcomeMeetingDate", "30/03/2026", "welcomeMeetingTime", "10h15"));

    assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNull();
    List<MimeMessage> toApplicant = Mails.to("mairie@percy.example.fr");
    assertThat(toApplicant).hasSize(1);
    MimeMessage decision = toApplicant.get(0);
    assertThat(Mails.subject(decision))
        .isEqualTo("Votre demande de convention est acceptée : Commune de Percy-en-Normandie");
    // The contact has no account yet: the mail says when the invitation comes and links to the member's page,
    // not to Tasklist, which they cannot open.
    String decisionText = Mails.part(decision, "text/plain");
    assertThat(decisionText)
        .contains("lundi 30 mars 2026 à 10h15")
        .contains("elle sera signée par Jean Dupuis, maire, qui va recevoir par courriel le projet de convention (PDF)")
        .contains("Vous n'avez pas encore de compte sur la plateforme du réseau : dès que la convention sera signée par les deux "
            + "parties, vous recevrez un courriel d'invitation avec votre identifiant et un lien pour choisir votre mot de passe.")
        .contains("Voir la convention (une fois votre mot de passe choisi) : https://reseau-tna.example.fr/ma-convention")
        .contains("Pour toute question, écrivez au référent du réseau : flow.referent (test) (" + REFERENT_EMAIL + ").")
        .doesNotContain("/camunda/app/tasklist");
    assertThat(Mails.part(decision, "text/html"))
        .contains("href=\"https://reseau-tna.example.fr/ma-convention\"")
        .doesNotContain("/camunda/app/tasklist");
    assertThat(Mails.attachmentNames(decision)).containsExactly("invitation.ics");
    String ics = Mails.part(decision, "text/calendar");
    assertThat(ics)
        .contains("METHOD:REQUEST")
        .contains("DTSTART;TZID=Europe/Paris:20260330T101500")
        .contains("DTEND;TZID=Europe/Paris:20260330T111500")
        .contains("BEGIN:VTIMEZONE")
        .contains("TZID:Europe/Paris");

    // Accepted, the convention goes to signature: its life starts, waiting for both signatures.
    assertThat(driver.runJob(instance.getId(), "ServiceTask_OpenSignature")).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionLifeProcess.KEY)
            .processInstanceBusinessKey(instance.getBusinessKey()).singleResult())
        .as("life of " + instance.getBusinessKey()).isNotNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ApplicationAccepted");
    Map<String, Object> convention =
        jdbc.sql("select status, decided_by, welcome_meeting_at from convention where process_instance_id = ?")
            .param(instance.getId())
            .query()
            .singleRow();
    assertThat(convention.get("status")).isEqualTo("ACCEPTEE");
    assertThat(convention.get("decided_by")).isEqualTo(REFERENT);
    assertThat(jdbc.sql("select actor from audit_entry where action = 'Demande de convention acceptée' and subject like ?")
            .param("%Percy-en-Normandie").query(String.class).list())
        .contains(REFERENT);
  }

  @Test
  void aRefusalNeedsAReasonWhichTheOrganisationReceives() {
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY, application("21505012800010"));
    driver.runJob(instance.getId(), NOTIFY_REVIEWERS);
    Task review = driver.openTask(instance.getId(), REVIEW_TASK);

    assertThatThrownBy(() -> driver.claimAndSubmit(review, REFERENT, Map.of("decision", "refuser", "decisionReason", "non")))
        .hasMessageContaining("Indiquez le motif du refus");
    assertThat(driver.openTask(instance.getId(), REVIEW_TASK)).as("the task stays open").isNotNull();

    driver.claimAndSubmit(
        review,
        REFERENT,
        Map.of("decision", "refuser", "decisionReason", "Le lieu n'est pas ouvert au public (article 3)."));
    driver.runJobs(instance.getId());

    MimeMessage refusal = Mails.to("mairie@percy.example.fr").get(0);
    assertThat(Mails.subject(refusal)).startsWith("Votre demande de convention n'est pas retenue");
    // The organisation cannot file an application itself and has no account: it writes to the referent.
    assertThat(Mails.part(refusal, "text/plain"))
        .contains("Motif : Le lieu n'est pas ouvert au public (article 3).")
        .contains("(c'est le référent du réseau qui l'enregistre), écrivez au référent du réseau : flow.referent (test) (" + REFERENT_EMAIL + ").")
        .contains("Écrire au référent du réseau : " + REFERENT_EMAIL)
        .doesNotContain("/camunda/app/tasklist");
    assertThat(Mails.part(refusal, "text/html")).contains("href=\"mailto:" + REFERENT_EMAIL + "\"");
    assertThat(Mails.attachmentNames(refusal)).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ApplicationRefused");
  }

  @Test
  void theReferentAsksForMoreInformationThenReviewsTheCompletedApplication() {
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY, application("21505004500024"));
    driver.runJob(instance.getId(), NOTIFY_REVIEWERS);
    driver.claimAndSubmit(
        driver.openTask(instance.getId(), REVIEW_TASK),
        REFERENT,
        Map.of("decision", "completer", "decisionReason", "Précisez les horaires d'ouverture au public."));
    assertThat(driver.runJob(instance.getId(), NOTIFY_APPLICANT)).isNull();
    MimeMessage changes = Mails.to("mairie@percy.example.fr").get(0);
    assertThat(Mails.subject(changes)).startsWith("Votre demande de convention : des compléments sont nécessaires");
    assertThat(Mails.part(changes, "text/plain"))
        .contains("Précisez les horaires d'ouverture au public.")
        .contains("Envoyez-les par courriel au référent du réseau, flow.referent (test) (" + REFERENT_EMAIL + ") (ne répondez pas à ce message)")
        .contains("Écrire au référent du réseau : " + REFERENT_EMAIL)
        .doesNotContain("/camunda/app/tasklist");

    Task complete = driver.openTask(instance.getId(), ConventionApplicationProcess.COMPLETE_TASK);
    Map<String, String> completed = application("21505004500024");
    completed.put("legalForm", "SARL");
    assertThatThrownBy(() -> driver.claimAndSubmit(complete, REFERENT, completed))
        .hasMessageContaining("Seules peuvent signer la convention");
    completed.put("legalForm", "COLLECTIVITE_TERRITORIALE");
    completed.put("venueDescription", "Espace public numérique, ouvert du mardi au samedi");
    driver.claimAndSubmit(complete, REFERENT, completed);

    assertThat(driver.openTask(instance.getId(), REVIEW_TASK)).as("back to the review").isNotNull();
    assertThat(service.summaries())
        .filteredOn(summary -> summary.organisationName().equals("Commune de Percy-en-Normandie"))
        .extracting(ConventionSummary::statusLabel)
        .contains("Demande en cours d'examen");
    assertThat(jdbc.sql("select o.venue_description from organisation o join convention c on c.organisation_id = o.id where c.process_instance_id = ?")
            .param(instance.getId()).query(String.class).single())
        .isEqualTo("Espace public numérique, ouvert du mardi au samedi");
  }

  @Test
  void r01AnIneligibleOrganisationIsRefusedAtOnceAndNothingIsCreated() {
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    long organisationsBefore = jdbc.sql("select count(*) from organisation").query(Long.class).single();

    Map<String, String> company = application("21505016900014");
    company.put("legalForm", "SOCIETE_COMMERCIALE");
    assertThatThrownBy(() -> driver.submitStartForm(ConventionApplicationProcess.KEY, company))
        .hasMessageContaining("Seules peuvent signer la convention (article 2)");

    Map<String, String> badSiret = application("21505016900011");
    assertThatThrownBy(() -> driver.submitStartForm(ConventionApplicationProcess.KEY, badSiret))
        .hasMessageContaining("Le numéro SIRET 21505016900011 n'est pas valide");

    Map<String, String> tooLong = application("21505016900014");
    tooLong.put("address", "x".repeat(501));
    assertThatThrownBy(() -> driver.submitStartForm(ConventionApplicationProcess.KEY, tooLong))
        .hasMessageContaining("Le champ « Adresse » ne doit pas dépasser 500 caractères (il en compte 501).");

    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(organisationsBefore);
  }

  @Test
  void theSignatoryCannotBeAPersonOfAnotherOrganisation() {
    ConventionFixtures.Signed other = fixtures.signed(TestSirets.next(), "Commune de Marigny",
        java.time.LocalDate.of(2026, 1, 5), java.time.LocalDate.of(2026, 1, 6), java.time.LocalDate.of(2026, 1, 7));
    Map<String, String> application = application(TestSirets.next());
    application.put("memberSignatoryEmail", other.memberSignatoryEmail());
    assertThatThrownBy(() -> driver.submitStartForm(ConventionApplicationProcess.KEY, application))
        .hasMessageContaining("est celle d'une personne d'une autre organisation");
  }

  @Test
  void r01AnOrganisationOfAnotherLegalFormIsRefusedByMailWithTheReasonAndNothingIsRegistered() {
    long organisationsBefore = jdbc.sql("select count(*) from organisation").query(Long.class).single();
    Map<String, String> company = application("21505016900014");
    company.put("organisationName", "SARL Numérique Services");
    company.put("legalForm", "AUTRE");
    company.put("contactEmail", "contact@sarl-numerique.example.fr");

    ProcessInstance instance;
    fixtures.asUser(REFERENT);
    try {
      instance = driver.submitStartForm(ConventionApplicationProcess.KEY, company);
    } finally {
      fixtures.clearUser();
    }
    assertThat(driver.runJob(instance.getId(), ConventionApplicationProcess.NOTIFY_INELIGIBLE)).isNull();

    MimeMessage refusal = Mails.to("contact@sarl-numerique.example.fr").get(0);
    assertThat(Mails.subject(refusal)).isEqualTo("Votre demande de convention ne peut pas être retenue : SARL Numérique Services");
    assertThat(Mails.part(refusal, "text/plain"))
        .contains("Motif du refus : Seules peuvent signer la convention de coopération (article 2 de la convention) : Collectivité territoriale")
        .contains("SARL Numérique Services n'a pas l'une de ces formes juridiques")
        .contains("écrivez au référent du réseau, flow.referent (test) (" + REFERENT_EMAIL + ") : il peut enregistrer une nouvelle demande.")
        .contains("Écrire au référent du réseau : " + REFERENT_EMAIL)
        .doesNotContain("/camunda/app/tasklist");
    assertThat(Mails.to(REFERENT_EMAIL)).as("nothing to review").isEmpty();
    assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(organisationsBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_ApplicationIneligible");
    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'Demande de convention non recevable (R01)' and subject = ?")
            .param("SARL Numérique Services").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void r01TheApplicationFormSaysThatAnotherLegalFormIsRefusedByMailAndNothingIsRegistered() throws Exception {
    byte[] form = new fr.manche.tna.platform.deployment.ModelDeployer(null).findModels()
        .get("forms/convention/ConventionApplicationStart.form");
    com.fasterxml.jackson.databind.JsonNode legalForm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form)
        .get("components").findParents("key").stream()
        .filter(field -> "legalForm".equals(field.get("key").asText())).findFirst().orElseThrow();
    assertThat(legalForm.get("description").asText())
        .contains("rien n'est enregistré")
        .contains("reçoit par courriel le refus et son motif")
        .doesNotContain("est alors enregistrée");
  }

  @Test
  void aContactWhoSignsIsToldThatTheirPasswordInvitationComesWithTheSignature() {
    Map<String, String> values = application(TestSirets.next());
    values.put("memberSignatoryEmail", "mairie@percy.example.fr");
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY, values);
    driver.runJob(instance.getId(), NOTIFY_REVIEWERS);
    driver.claimAndSubmit(driver.openTask(instance.getId(), REVIEW_TASK), REFERENT, Map.of("decision", "accepter"));
    driver.runJob(instance.getId(), NOTIFY_APPLICANT);
    assertThat(Mails.part(Mails.to("mairie@percy.example.fr").get(0), "text/plain"))
        .contains("C'est vous qui la signez pour Commune de Percy-en-Normandie")
        .contains("un autre courriel vous donnera votre identifiant et un lien pour choisir votre mot de passe")
        .doesNotContain("dès que la convention sera signée par les deux parties");
  }

  @Test
  void aWelcomeMeetingInTheHourSkippedInMarchIsRefused() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T08:00:00Z")));
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY, application("21505004500016"));
    driver.runJob(instance.getId(), NOTIFY_REVIEWERS);
    Task review = driver.openTask(instance.getId(), REVIEW_TASK);

    // 29 March 2026: clocks go from 2:00 to 3:00 in Paris; 2:30 does not exist.
    assertThatThrownBy(
            () -> driver.claimAndSubmit(review, REFERENT, Map.of("decision", "accepter", "welcomeMeetingDate", "29/03/2026", "welcomeMeetingTime", "02:30")))
        .hasMessageContaining("n'existe pas en France");
    assertThatThrownBy(
            () -> driver.claimAndSubmit(review, REFERENT, Map.of("decision", "accepter", "welcomeMeetingDate", "27/02/2026", "welcomeMeetingTime", "10:00")))
        .hasMessageContaining("doit être fixé dans le futur");
    assertThat(driver.openTask(instance.getId(), REVIEW_TASK)).isNotNull();
  }

  private static Map<String, String> application(String siret) {
    Map<String, String> values = new HashMap<>();
    values.put("organisationName", "Commune de Percy-en-Normandie");
    values.put("legalForm", "COLLECTIVITE_TERRITORIALE");
    values.put("siret", siret);
    values.put("address", "Place du Général de Gaulle, 50410 Percy-en-Normandie");
    values.put("venueDescription", "Espace public numérique de la mairie");
    values.put("contactName", "Marie Lefèvre");
    values.put("contactEmail", "mairie@percy.example.fr");
    values.put("memberSignatoryName", "Jean Dupuis");
    values.put("memberSignatoryRole", "maire");
    values.put("memberSignatoryEmail", "maire-" + siret + "@percy.example.fr");
    return values;
  }
}
