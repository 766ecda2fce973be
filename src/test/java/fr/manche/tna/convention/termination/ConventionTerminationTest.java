package fr.manche.tna.convention.termination;

import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.ACKNOWLEDGEMENT_TASK;
import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.DECISION_TASK;
import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.KEY;
import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.REMEDY_TASK;
import static fr.manche.tna.test.ConventionFixtures.REFERENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.TerminationScope;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.audit.AuditLog;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R07 (article 8): formal notice, thirty days after its acknowledgement (Paris time), then termination wholly
 * or partly, or the notice lifted once the failure is remedied; with the clock moved. The staff act as a
 * logged-in network referent, so that authorizations apply.
 */
@ApplicationTest
class ConventionTerminationTest {

  /** Signed on 12 January 2027: in force through 11 January 2030. */
  private static final LocalDate ACCEPTED_ON = LocalDate.of(2027, 1, 4);
  private static final LocalDate MEMBER_SIGNS_ON = LocalDate.of(2027, 1, 11);
  private static final LocalDate DEPARTMENT_SIGNS_ON = LocalDate.of(2027, 1, 12);
  private static final LocalDate SENT_ON = LocalDate.of(2027, 3, 3);
  /** Before the clocks go forward (28 March 2027): the thirty days end in summer time. */
  private static final LocalDate ACKNOWLEDGED_ON = LocalDate.of(2027, 3, 10);
  private static final LocalDate POSSIBLE_ON = LocalDate.of(2027, 4, 9);
  private static final String FAILURE = "Aucun atelier d'initiation ouvert au public depuis septembre 2026 (article 3).";
  private static final String LETTER = "1A 234 567 8901 2";

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired ConventionLifecycle lifecycle;
  @Autowired FormalNoticeService notices;
  @Autowired OrganisationRepository organisations;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  /** A member, its signed convention and its formal notice's process. */
  record Case(ConventionFixtures.Signed signed, Organisation organisation, ProcessInstance notice) {
    long conventionId() {
      return signed.id();
    }

    String pid() {
      return notice.getId();
    }
  }

  @Test
  void r07TheThirtyDaysEndAtMidnightParisTimeAcrossTheChangeToSummerTime() {
    Case member = noticeSent("Commune de Gavray");

    // The member gets a copy of the notice: the failure, the letter, and what may follow (article 8).
    driver.runJobs(member.pid());
    for (String address : List.of(member.signed().contactEmail(), member.signed().memberSignatoryEmail())) {
      List<MimeMessage> mails = Mails.to(address);
      assertThat(mails).extracting(Mails::subject).containsExactly("Mise en demeure : Commune de Gavray");
      assertThat(Mails.part(mails.get(0), "text/plain"))
          .contains("le 3 mars 2027, une lettre recommandée avec accusé de réception (référence " + LETTER + ")")
          .contains("Manquement constaté : " + FAILURE)
          .contains("si ce manquement n'est pas réparé dans les trente jours qui suivent la réception de la lettre")
          .contains("pourra résilier la convention, en totalité ou en partie")
          .contains("écrivez au référent du réseau : fixture.referent (test) (" + ConventionFixtures.REFERENT_EMAIL + ").");
    }
    FormalNotice sent = notices.openNotice(member.conventionId()).orElseThrow();
    assertThat(sent.status()).isEqualTo(FormalNoticeStatus.ENVOYEE);
    assertThat(sent.recordedBy()).isEqualTo(REFERENT);
    assertThat(sent.deadlineLabel()).isEqualTo("Mise en demeure envoyée le 3 mars 2027 : accusé de réception à enregistrer");
    // The organisation's people may read this instance: it belongs to the organisation's tenant (no other member's).
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(member.pid()).singleResult().getTenantId())
        .isEqualTo(member.organisation().memberGroupId());
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("tna-membres").resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(KEY).singleResult().isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE))
        .isTrue();

    acknowledge(member, "10/03/2027", LocalDate.of(2027, 3, 12));
    FormalNotice acknowledged = notices.find(sent.id());
    assertThat(acknowledged.status()).isEqualTo(FormalNoticeStatus.ACCUSEE);
    assertThat(acknowledged.acknowledgedOn()).isEqualTo(ACKNOWLEDGED_ON);
    ZonedDateTime possibleFrom = ZonedDateTime.of(POSSIBLE_ON.atStartOfDay(), ParisTime.ZONE);
    assertThat(notices.openNoticeDeadline(member.conventionId())).contains(possibleFrom);
    assertThat(possibleFrom.toInstant()).isEqualTo(Instant.parse("2027-04-08T22:00:00Z"));
    assertThat(acknowledged.terminationPossibleFromLabel()).isEqualTo("9 avril 2027");
    assertThat(acknowledged.deadlineLabel()).isEqualTo("Mise en demeure : résiliation possible à partir du 9 avril 2027 (article 8)");
    assertThat(notices.openNotices()).containsKey(member.conventionId());
    Job timer = managementService.createJobQuery().processInstanceId(member.pid()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-04-08T22:00:00Z"));

    // 8 April at 23:59 in Paris: the thirty days are not over.
    ConventionFixtures.at(LocalDate.of(2027, 4, 8), LocalTime.of(23, 59));
    driver.runJobs(member.pid());
    assertThat(driver.openTask(member.pid(), DECISION_TASK)).isNull();
    assertThat(driver.openTask(member.pid(), REMEDY_TASK)).isNotNull();
    assertThat(Mails.to(ConventionFixtures.REFERENT_EMAIL)).isEmpty();

    // 9 April at 0:00 in Paris (22:00 UTC the day before): the decision is due, the referents are told.
    ConventionFixtures.at(POSSIBLE_ON, LocalTime.MIDNIGHT);
    driver.runJobs(member.pid());
    assertThat(driver.openTask(member.pid(), REMEDY_TASK)).isNull();
    assertThat(driver.openTask(member.pid(), DECISION_TASK)).isNotNull();
    MimeMessage periodOver = Mails.to(ConventionFixtures.REFERENT_EMAIL).get(0);
    assertThat(Mails.subject(periodOver)).isEqualTo("Mise en demeure : délai écoulé pour Commune de Gavray, décision à prendre");
    assertThat(Mails.part(periodOver, "text/plain")).contains("Le délai de trente jours est écoulé depuis le 9 avril 2027");
    assertThat(notices.find(sent.id()).statusLabel()).isEqualTo("Délai de trente jours écoulé, décision à prendre");
    // Nothing is decided yet: the member may still borrow.
    assertThat(lifecycle.mayBorrow(member.organisation().id(), POSSIBLE_ON)).isTrue();
  }

  @Test
  void r07AFailureRemediedDuringTheThirtyDaysLiftsTheNoticeAndNothingElseChanges() {
    Case member = acknowledgedNotice("Commune de Percy-en-Normandie");
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2027, 3, 25));
    Task remedy = driver.openTask(member.pid(), REMEDY_TASK);

    // Validating the task without ticking the box lifts nothing.
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(remedy, REFERENT, Map.of("remedied", false, "remedyComment", ""))))
        .hasMessage("La case « Le manquement est régularisé » doit être cochée.");
    assertThat(notices.openNotice(member.conventionId())).isPresent();

    asReferent(() -> driver.claimAndSubmit(remedy, REFERENT,
        Map.<String, Object>of("remedied", true, "remedyComment", "Deux ateliers par mois ont repris depuis le 15 mars.")));
    FormalNotice lifted = notices.ofConvention(member.conventionId()).get(0);
    assertThat(lifted.status()).isEqualTo(FormalNoticeStatus.REGULARISEE);
    assertThat(lifted.decidedBy()).isEqualTo(REFERENT);
    assertThat(lifted.decision()).isEqualTo("Deux ateliers par mois ont repris depuis le 15 mars.");
    assertThat(lifted.terminatedParts()).isNull();
    assertThat(lifted.statusLabel()).isEqualTo("Levée : manquement régularisé");
    assertThat(notices.openNotice(member.conventionId())).isEmpty();
    assertThat(notices.openNoticeDeadline(member.conventionId())).isEmpty();
    // The timer is gone with the task.
    assertThat(managementService.createJobQuery().processInstanceId(member.pid()).timers().count()).isZero();

    driver.runJobs(member.pid());
    MimeMessage mail = Mails.to(member.signed().contactEmail()).get(0);
    assertThat(Mails.subject(mail)).isEqualTo("Mise en demeure levée : Commune de Percy-en-Normandie");
    assertThat(Mails.part(mail, "text/plain"))
        .contains("La mise en demeure est levée et la situation revient à la normale")
        .contains("Commune de Percy-en-Normandie peut toujours emprunter le matériel du Département")
        .contains("Deux ateliers par mois ont repris depuis le 15 mars.");
    assertThat(Mails.to(member.signed().memberSignatoryEmail())).hasSize(1);
    assertThat(endOf(member)).isEqualTo("EndEvent_NoticeLifted");

    // Back to normal: still signed, loans allowed, the convention's life goes on.
    Convention convention = lifecycle.convention(member.conventionId());
    assertThat(convention.status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(convention.terminationScope()).isNull();
    assertThat(lifecycle.mayBorrow(member.organisation().id(), LocalDate.of(2027, 5, 1))).isTrue();
    assertThat(fixtures.lifeOf(member.conventionId())).isNotNull();
    assertThat(audit.latest(member.organisation().id(), 10)).extracting(AuditLog.Entry::action)
        .contains("Mise en demeure levée : manquement régularisé", "Accusé de réception de mise en demeure", "Mise en demeure envoyée");
    // The lifted notice no longer blocks a new one for a later failure.
    startNotice(member.organisation().siret(), "20/05/2027", LocalDate.of(2027, 5, 21));
    assertThat(notices.ofConvention(member.conventionId())).extracting(FormalNotice::status)
        .containsExactly(FormalNoticeStatus.ENVOYEE, FormalNoticeStatus.REGULARISEE);
  }

  @Test
  void r07AFailureRemediedWhenDecidingAfterTheThirtyDaysAlsoLiftsTheNotice() {
    Case member = periodOver("Commune de Hambye");
    TestMailServer.reset();
    asReferent(() -> driver.claimAndSubmit(driver.openTask(member.pid(), DECISION_TASK), REFERENT,
        Map.of("decision", "regularisee", "decisionReason", "")));
    assertThat(notices.ofConvention(member.conventionId()).get(0).status()).isEqualTo(FormalNoticeStatus.REGULARISEE);
    driver.runJobs(member.pid());
    assertThat(Mails.to(member.signed().contactEmail())).extracting(Mails::subject)
        .containsExactly("Mise en demeure levée : Commune de Hambye");
    assertThat(lifecycle.convention(member.conventionId()).status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(lifecycle.mayBorrow(member.organisation().id(), POSSIBLE_ON)).isTrue();
    assertThat(endOf(member)).isEqualTo("EndEvent_NoticeLifted");
  }

  @Test
  void r07TotalTerminationEndsTheConventionAndItsLifeAndTheEquipmentIsAskedBack() {
    Case member = periodOver("Commune de Villedieu-les-Poêles");
    TestMailServer.reset();
    ConventionFixtures.at(POSSIBLE_ON, LocalTime.of(9, 30));
    Task decision = driver.openTask(member.pid(), DECISION_TASK);

    // A termination needs a reason.
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(decision, REFERENT,
            Map.of("decision", "resilier_totalement", "decisionReason", " "))))
        .hasMessageContaining("Le champ « Motif de la résiliation » est obligatoire.");
    assertThat(lifecycle.convention(member.conventionId()).status()).isEqualTo(ConventionStatus.SIGNEE);

    asReferent(() -> driver.claimAndSubmit(decision, REFERENT,
        Map.of("decision", "resilier_totalement", "decisionReason", "Aucun atelier repris malgré la mise en demeure.")));

    Convention terminated = lifecycle.convention(member.conventionId());
    assertThat(terminated.status()).isEqualTo(ConventionStatus.RESILIEE);
    assertThat(terminated.terminationScope()).isEqualTo(TerminationScope.TOTALE);
    assertThat(terminated.endedOn()).isEqualTo(POSSIBLE_ON);
    assertThat(lifecycle.mayBorrow(member.organisation().id(), POSSIBLE_ON)).isFalse();
    // The convention's life instance has ended through its termination event.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(member.signed().life().getId()).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(member.signed().life().getId()).singleResult()
        .getEndActivityId()).isEqualTo("EndEvent_ConventionTerminated");
    FormalNotice notice = notices.ofConvention(member.conventionId()).get(0);
    assertThat(notice.status()).isEqualTo(FormalNoticeStatus.RESILIEE_TOTALE);
    assertThat(notice.decidedBy()).isEqualTo(REFERENT);
    assertThat(notice.decidedOnLabel()).isEqualTo("9 avril 2027");
    assertThat(notice.decision()).isEqualTo("Aucun atelier repris malgré la mise en demeure.");
    assertThat(notice.terminatedParts()).isEqualTo("La convention entière");
    assertThat(audit.latest(member.organisation().id(), 5)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("Convention résiliée");
      assertThat(entry.actor()).isEqualTo(REFERENT);
      assertThat(entry.details()).contains("Aucun atelier repris").contains("lettre " + LETTER);
    });

    driver.runJobs(member.pid());
    for (String address : List.of(member.signed().contactEmail(), member.signed().memberSignatoryEmail())) {
      MimeMessage mail = Mails.to(address).get(0);
      assertThat(Mails.subject(mail)).isEqualTo("Résiliation de votre convention : Commune de Villedieu-les-Poêles");
      assertThat(Mails.part(mail, "text/plain"))
          .contains("résilie en totalité la convention de coopération de Commune de Villedieu-les-Poêles, à compter du 9 avril 2027")
          .contains("Motif : Aucun atelier repris malgré la mise en demeure.")
          .contains("aucun nouveau prêt n'est possible")
          .contains("Le matériel encore en prêt doit être rapporté à la Maison du Département aux heures d'ouverture");
    }
    for (String staff : List.of(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL, ConventionFixtures.REFERENT_EMAIL)) {
      MimeMessage mail = Mails.to(staff).get(0);
      assertThat(Mails.subject(mail)).isEqualTo("Convention résiliée : Commune de Villedieu-les-Poêles ne peut plus emprunter");
      assertThat(Mails.part(mail, "text/plain")).contains("Vérifiez le matériel qu'elle a encore en prêt et organisez son retour");
    }
    assertThat(endOf(member)).isEqualTo("EndEvent_ConventionTerminated");
  }

  @Test
  void r07PartialTerminationEndsOnlyTheLoansTheConventionStaysSigned() {
    Case member = periodOver("Association Numérique Coutançais");
    TestMailServer.reset();
    asReferent(() -> driver.claimAndSubmit(driver.openTask(member.pid(), DECISION_TASK), REFERENT,
        Map.of("decision", "resilier_partiellement", "decisionReason", "Matériel prêté rendu endommagé à deux reprises.")));

    Convention convention = lifecycle.convention(member.conventionId());
    assertThat(convention.status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(convention.terminationScope()).isEqualTo(TerminationScope.PARTIELLE);
    assertThat(convention.endedOn()).isNull();
    assertThat(lifecycle.mayBorrow(member.organisation().id(), POSSIBLE_ON)).isFalse();
    assertThat(fixtures.lifeOf(member.conventionId())).isNotNull();
    FormalNotice notice = notices.ofConvention(member.conventionId()).get(0);
    assertThat(notice.status()).isEqualTo(FormalNoticeStatus.RESILIEE_PARTIELLE);
    assertThat(notice.terminatedParts()).startsWith("Le prêt de matériel (article 4)");

    driver.runJobs(member.pid());
    MimeMessage mail = Mails.to(member.signed().contactEmail()).get(0);
    assertThat(Mails.subject(mail)).isEqualTo("Résiliation partielle de votre convention (prêt de matériel) : Association Numérique Coutançais");
    assertThat(Mails.part(mail, "text/plain"))
        .contains("seul le prêt de matériel (article 4) prend fin")
        .contains("demeure en vigueur jusqu'au 11 janvier 2030")
        .contains("aucun nouveau prêt n'est possible");
    assertThat(Mails.to(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL)).extracting(Mails::subject)
        .containsExactly("Prêt de matériel résilié : Association Numérique Coutançais ne peut plus emprunter");
    assertThat(endOf(member)).isEqualTo("EndEvent_ConventionTerminated");
    // Already terminated partly: no new notice.
    assertThatThrownBy(() -> startNotice(member.organisation().siret(), "12/04/2027", LocalDate.of(2027, 4, 12)))
        .hasMessageContaining("est déjà résiliée partiellement");
  }

  @Test
  void r07NoTerminationBeforeTheEndOfTheThirtyDaysEvenWhenTheDecisionTaskIsReachedEarly() {
    Case member = acknowledgedNotice("Commune de Brécey");
    // Someone moves the instance to the decision through Cockpit, on 8 April at 23:59 in Paris...
    runtimeService.createProcessInstanceModification(member.pid())
        .cancelAllForActivity(REMEDY_TASK)
        .startBeforeActivity(DECISION_TASK)
        .execute();
    ConventionFixtures.at(LocalDate.of(2027, 4, 8), LocalTime.of(23, 59));
    Task decision = driver.openTask(member.pid(), DECISION_TASK);

    // ...the form is refused...
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(decision, REFERENT,
            Map.of("decision", "resilier_totalement", "decisionReason", "Trop tôt."))))
        .hasMessageContaining("La convention ne peut pas encore être résiliée : la mise en demeure a été reçue le 10 mars 2027 "
            + "et la résiliation n'est possible qu'à partir du 9 avril 2027 (trente jours après l'accusé de réception, article 8).");
    // ...and so is a completion through the API (as POST /engine-rest/task/{id}/complete does).
    assertThatThrownBy(() -> asReferent(() -> taskService.complete(decision.getId(),
            Map.of("decision", "resilier_partiellement", "decisionReason", "Trop tôt."))))
        .hasMessageContaining("La convention ne peut pas encore être résiliée");

    Convention convention = lifecycle.convention(member.conventionId());
    assertThat(convention.status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(convention.terminationScope()).isNull();
    assertThat(lifecycle.mayBorrow(member.organisation().id(), LocalDate.of(2027, 4, 8))).isTrue();
    assertThat(fixtures.lifeOf(member.conventionId())).isNotNull();
    assertThat(notices.openNotice(member.conventionId()).orElseThrow().status()).isEqualTo(FormalNoticeStatus.ACCUSEE);
    assertThat(driver.openTask(member.pid(), DECISION_TASK)).isNotNull();

    // From midnight in Paris the same decision stands.
    ConventionFixtures.at(POSSIBLE_ON, LocalTime.MIDNIGHT);
    asReferent(() -> driver.claimAndSubmit(decision, REFERENT, Map.of("decision", "resilier_partiellement", "decisionReason", "Pas de reprise.")));
    assertThat(lifecycle.convention(member.conventionId()).terminationScope()).isEqualTo(TerminationScope.PARTIELLE);
  }

  @Test
  void r07AnAcknowledgementBeforeTheLetterOrInTheFutureIsRefusedAndChangesNothing() {
    Case member = noticeSent("Commune de Saint-Pois");
    driver.runJobs(member.pid());
    Task acknowledgement = driver.openTask(member.pid(), ACKNOWLEDGEMENT_TASK);
    ConventionFixtures.at(LocalDate.of(2027, 3, 12));

    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(acknowledgement, REFERENT, Map.of("acknowledgedOn", "02/03/2027"))))
        .hasMessageContaining("L'accusé de réception (2 mars 2027) ne peut pas précéder l'envoi de la lettre, le 3 mars 2027");
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(acknowledgement, REFERENT, Map.of("acknowledgedOn", "13/03/2027"))))
        .hasMessageContaining("La date de l'accusé de réception (13 mars 2027) ne peut pas être dans le futur.");
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(acknowledgement, REFERENT, Map.of("acknowledgedOn", "31/02/2027"))))
        .hasMessageContaining("doit contenir une date qui existe");

    FormalNotice notice = notices.openNotice(member.conventionId()).orElseThrow();
    assertThat(notice.status()).isEqualTo(FormalNoticeStatus.ENVOYEE);
    assertThat(notice.acknowledgedOn()).isNull();
    assertThat(driver.openTask(member.pid(), ACKNOWLEDGEMENT_TASK)).isNotNull();
    assertThat(managementService.createJobQuery().processInstanceId(member.pid()).timers().count()).isZero();
    assertThat(runtimeService.getVariable(member.pid(), "terminationPossibleAt")).isNull();

    // The same day as the letter is accepted.
    asReferent(() -> driver.claimAndSubmit(acknowledgement, REFERENT, Map.of("acknowledgedOn", "03/03/2027")));
    assertThat(notices.find(notice.id()).terminationPossibleFromLabel()).isEqualTo("2 avril 2027");
  }

  @Test
  void r07ANoticeNeedsASignedConventionInForceAndNoOtherNoticeOpen() {
    long noticesBefore = jdbc.sql("select count(*) from formal_notice").query(Long.class).single();
    long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

    // An organisation that only applied: no convention in force.
    Organisation applicant = new Organisation(null, "Association Clic Saint-Lô", LegalForm.ASSOCIATION, TestSirets.next(),
        "Rue de la Poste, 50000 Saint-Lô", null, "Paul Henry", "paul.henry@clic.example.fr", null);
    organisations.insert(applicant, OffsetDateTime.now());
    assertThatThrownBy(() -> startNotice(applicant.siret(), "03/03/2027", SENT_ON))
        .hasMessageContaining("Association Clic Saint-Lô n'a pas de convention signée en vigueur aujourd'hui");
    // An unknown SIRET.
    String unknown = TestSirets.next();
    assertThatThrownBy(() -> startNotice(unknown, "03/03/2027", SENT_ON))
        .hasMessageContaining("Aucune organisation n'est enregistrée avec le SIRET " + unknown);
    assertThat(jdbc.sql("select count(*) from formal_notice").query(Long.class).single()).isEqualTo(noticesBefore);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instancesBefore);

    Case member = noticeSent("Commune de Tessy-Bocage");
    String siret = member.organisation().siret();
    // A letter not sent yet, or a second notice while the first one runs, is refused.
    assertThatThrownBy(() -> startNotice(siret, "04/03/2027", SENT_ON))
        .hasMessageContaining("La date d'envoi de la lettre (4 mars 2027) ne peut pas être dans le futur");
    assertThatThrownBy(() -> startNotice(siret, "03/03/2027", SENT_ON))
        .hasMessageContaining("Une mise en demeure est déjà en cours pour Commune de Tessy-Bocage : Mise en demeure du 3 mars 2027 (lettre "
            + LETTER + "), envoyée, accusé de réception attendu.");
    assertThat(notices.ofConvention(member.conventionId())).hasSize(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instancesBefore + 1);
  }

  @Test
  void r07ANoticeOvertakenByTheEndOfTheConventionIsClosedWithoutFurtherAction() {
    // Signed on 1 April 2024: its last day is 31 March 2027, within the thirty days of the notice.
    ConventionFixtures.Signed signed = fixtures.signed(TestSirets.next(), "Commune de Bréhal",
        LocalDate.of(2024, 3, 25), LocalDate.of(2024, 3, 29), LocalDate.of(2024, 4, 1));
    Organisation organisation = organisations.findById(signed.convention().organisationId()).orElseThrow();
    Case member = new Case(signed, organisation, startNotice(organisation.siret(), "03/03/2027", SENT_ON));
    driver.runJobs(member.pid());
    acknowledge(member, "10/03/2027", LocalDate.of(2027, 3, 12));
    ConventionFixtures.at(POSSIBLE_ON, LocalTime.MIDNIGHT);
    fixtures.runAll(signed.life());
    driver.runJobs(member.pid());
    assertThat(lifecycle.convention(member.conventionId()).status()).isEqualTo(ConventionStatus.ARRIVEE_A_TERME);

    asReferent(() -> driver.claimAndSubmit(driver.openTask(member.pid(), DECISION_TASK), REFERENT,
        Map.of("decision", "classer", "decisionReason", "")));
    assertThat(notices.ofConvention(member.conventionId()).get(0).status()).isEqualTo(FormalNoticeStatus.CLASSEE);
    assertThat(endOf(member)).isEqualTo("EndEvent_NoticeClosed");
  }

  @Test
  void r07ANoticeIsNotClosedWithoutFurtherActionWhileTheConventionIsInForce() {
    Case member = periodOver("Commune de Cérences");
    assertThatThrownBy(() -> asReferent(() -> driver.claimAndSubmit(driver.openTask(member.pid(), DECISION_TASK), REFERENT,
            Map.of("decision", "classer", "decisionReason", ""))))
        .hasMessageContaining("La convention est toujours en vigueur (jusqu'au 11 janvier 2030)");
    assertThat(notices.ofConvention(member.conventionId()).get(0).open()).isTrue();
  }

  // --- Steps, as a logged-in network referent ---

  private Case noticeSent(String name) {
    ConventionFixtures.Signed signed = fixtures.signed(TestSirets.next(), name, ACCEPTED_ON, MEMBER_SIGNS_ON, DEPARTMENT_SIGNS_ON);
    Organisation organisation = organisations.findById(signed.convention().organisationId()).orElseThrow();
    TestMailServer.reset();
    ProcessInstance notice = startNotice(organisation.siret(), "03/03/2027", SENT_ON);
    return new Case(signed, organisation, notice);
  }

  private Case acknowledgedNotice(String name) {
    Case member = noticeSent(name);
    driver.runJobs(member.pid());
    acknowledge(member, "10/03/2027", LocalDate.of(2027, 3, 12));
    return member;
  }

  /** Acknowledged on 10 March 2027; the clock at 9 April 2027, 0:00 in Paris, and the decision is due. */
  private Case periodOver(String name) {
    Case member = acknowledgedNotice(name);
    ConventionFixtures.at(POSSIBLE_ON, LocalTime.MIDNIGHT);
    driver.runJobs(member.pid());
    assertThat(driver.openTask(member.pid(), DECISION_TASK)).isNotNull();
    return member;
  }

  private ProcessInstance startNotice(String siret, String sentOn, LocalDate today) {
    ConventionFixtures.at(today);
    Map<String, String> form = new HashMap<>();
    form.put("siret", siret);
    form.put("failure", FAILURE);
    form.put("letterReference", LETTER);
    form.put("sentOn", sentOn);
    ProcessInstance[] started = new ProcessInstance[1];
    asReferent(() -> started[0] = driver.submitStartForm(KEY, form));
    return started[0];
  }

  private void acknowledge(Case member, String acknowledgedOn, LocalDate today) {
    ConventionFixtures.at(today);
    asReferent(() -> driver.claimAndSubmit(driver.openTask(member.pid(), ACKNOWLEDGEMENT_TASK), REFERENT,
        Map.of("acknowledgedOn", acknowledgedOn)));
  }

  private void asReferent(Runnable action) {
    fixtures.asUser(REFERENT);
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String endOf(Case member) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(member.pid()).singleResult().getEndActivityId();
  }
}
