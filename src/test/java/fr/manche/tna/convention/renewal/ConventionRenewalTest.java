package fr.manche.tna.convention.renewal;

import static fr.manche.tna.convention.renewal.process.ConventionRenewalProcess.ANSWER_TASK;
import static fr.manche.tna.convention.renewal.process.ConventionRenewalProcess.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.convention.ConventionTerms;
import fr.manche.tna.convention.TerminationScope;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
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
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.IdentityService;
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
 * R03 (with R02 and R08): renewal proposed by staff, answered by the member before the convention's end, the
 * renewed convention following the current one without a gap; declined, unanswered and refused proposals.
 * The clock is moved, never waited for.
 */
@ApplicationTest
class ConventionRenewalTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired ConventionLifecycle lifecycle;
  @Autowired RenewalService renewals;
  @Autowired AccountService accounts;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
    fixtures.ensureStaff();
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void anAcceptedRenewalSignedBeforeTheEndFollowsTheConventionWithoutAGap() throws Exception {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Percy-en-Normandie",
        LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 3, 10));
    long organisationId = signed.convention().organisationId();

    // After the year-end bilateral review, the referent proposes the renewal.
    ConventionFixtures.at(LocalDate.of(2028, 12, 5));
    TestMailServer.reset();
    ProcessInstance proposal = propose(siret, "Merci pour cette année d'ateliers : nous souhaitons poursuivre ensemble.");
    driver.runJobs(proposal.getId());

    MimeMessage toContact = single(signed.contactEmail(), "Proposition de renouvellement de votre convention : Commune de Percy-en-Normandie");
    assertThat(Mails.to(signed.memberSignatoryEmail())).anyMatch(mail -> Mails.subject(mail).startsWith("Proposition de renouvellement"));
    assertThat(Mails.part(toContact, "text/plain"))
        .contains("en vigueur jusqu'au 10 mars 2029 inclus")
        .contains("« Merci pour cette année d'ateliers : nous souhaitons poursuivre ensemble. »")
        .contains("prendra effet le 11 mars 2029, sans interruption")
        .contains("https://reseau-tna.example.fr/taches?processus=" + proposal.getId());
    assertThat(renewals.ofConvention(signed.id())).singleElement().satisfies(renewal -> {
      assertThat(renewal.status()).isEqualTo(RenewalStatus.PROPOSEE);
      assertThat(renewal.label()).isEqualTo("Renouvellement proposé le 5 décembre 2028, en attente de la réponse de l'organisation");
    });

    // The member's people see the proposal and their task, prefilled with the current signatory.
    String contact = userWithEmail(organisationId, signed.contactEmail());
    fixtures.asUser(contact);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isEqualTo(1);
    Task task = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    assertThat(task.getName()).startsWith("Répondre à la proposition de renouvellement – ");
    assertThat(task.getDescription()).isEqualTo("Renouvellement de la convention, dont le dernier jour est le 10 mars 2029");
    assertThat(task.getDueDate()).as("the proposal lapses at the convention's end")
        .isEqualTo(java.util.Date.from(java.time.ZonedDateTime.of(2029, 3, 11, 0, 0, 0, 0, fr.manche.tna.platform.time.ParisTime.ZONE).toInstant()));
    assertThat(formService.getTaskFormVariables(task.getId()).get("signatoryName")).isEqualTo("Jean Dupuis");
    assertThat(formService.getTaskFormVariables(task.getId()).get("signatoryEmail")).isEqualTo(signed.memberSignatoryEmail());
    assertThat(formService.getTaskFormVariables(task.getId()).get("currentLastDay")).isEqualTo("10 mars 2029");
    identityService.clearAuthentication();

    // The member accepts, naming a newly elected mayor as signatory.
    ConventionFixtures.at(LocalDate.of(2028, 12, 12));
    answer(proposal, contact, accept("Claire Martin", "maire", "claire.martin@percy.example.fr"));
    Renewal accepted = renewals.ofConvention(signed.id()).get(0);
    assertThat(accepted.status()).isEqualTo(RenewalStatus.ACCEPTEE);
    assertThat(accepted.answeredBy()).isEqualTo(contact);
    long newId = accepted.successorId();
    Convention renewal = lifecycle.convention(newId);
    assertThat(renewal.status()).isEqualTo(ConventionStatus.ACCEPTEE);
    assertThat(renewal.predecessorId()).isEqualTo(signed.id());
    assertThat(renewal.memberSignatory()).isEqualTo("Claire Martin, maire");
    assertThat(accepted.label()).isEqualTo("Renouvellement proposé le 5 décembre 2028, accepté le 12 décembre 2028 (nouvelle convention n° " + newId + ")");

    // Once accepted, the convention cannot be proposed for renewal again.
    assertThatThrownBy(() -> propose(siret, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("est déjà renouvelée : nouvelle convention n° " + newId);

    // The renewed convention's signature opens; the referents learn that the member accepted.
    driver.runJobs(proposal.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isZero();
    assertThat(Mails.part(single(ConventionFixtures.REFERENT_EMAIL, "Renouvellement accepté : Commune de Percy-en-Normandie"), "text/plain"))
        .contains("Marie Lefèvre a accepté, le 12 décembre 2028, le renouvellement")
        .contains("envoyée pour signature à Claire Martin, maire (claire.martin@percy.example.fr)");
    ProcessInstance newLife = fixtures.lifeOf(newId);
    assertThat(newLife).isNotNull();
    // The proposal keeps the renewed (old) convention and the new one apart.
    assertThat(historicVariable(proposal, "renewedConventionId")).isEqualTo(signed.id());
    assertThat(historicVariable(proposal, "newConventionId")).isEqualTo(newId);
    fixtures.runAll(newLife);
    MimeMessage toSign = Mails.to("claire.martin@percy.example.fr").stream()
        .filter(mail -> Mails.subject(mail).startsWith("À signer")).findFirst().orElseThrow();
    assertThat(Mails.pdfText(toSign))
        .contains("Cette convention renouvelle la convention n° " + signed.id() + ", en vigueur jusqu'au 10 mars 2029")
        .contains("représenté(e) par Claire Martin, maire")
        .contains("Référent du réseau pour le Département : " + ConventionFixtures.REFERENT + " (test).")
        .contains("Signée avant la fin de la convention qu'elle renouvelle, la convention prendra effet le lendemain de son dernier jour");

    // Both sign in January, before the current convention's end.
    fixtures.signBoth(newLife, LocalDate.of(2029, 1, 15), LocalDate.of(2029, 1, 18));
    Convention renewed = lifecycle.convention(newId);
    assertThat(renewed.status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(renewed.effectiveDate()).isEqualTo(LocalDate.of(2029, 3, 11));
    assertThat(renewed.lastDay()).isEqualTo(ConventionTerms.lastDayInForce(LocalDate.of(2029, 3, 11))).isEqualTo(LocalDate.of(2032, 3, 10));
    assertThat(Mails.part(single("claire.martin@percy.example.fr", "Convention signée : Commune de Percy-en-Normandie"), "text/plain"))
        .contains("en vigueur du 11 mars 2029 au 10 mars 2032 inclus");

    // The old convention ends at midnight after its last day, renewed: no gap, loans go on.
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2029, 3, 10), LocalTime.of(23, 59));
    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.convention(signed.id()).status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 3, 10))).as("old last day").isTrue();
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 3, 11))).as("next day, already planned").isTrue();
    ConventionFixtures.at(LocalDate.of(2029, 3, 11), LocalTime.of(0, 0));
    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.convention(signed.id()).status()).isEqualTo(ConventionStatus.ARRIVEE_A_TERME);
    assertThat(Mails.part(single(signed.contactEmail(), "Votre convention est renouvelée : Commune de Percy-en-Normandie"), "text/plain"))
        .contains("La convention renouvelée lui succède sans interruption");
    assertThat(Mails.to(signed.contactEmail())).noneMatch(mail -> Mails.subject(mail).startsWith("Votre convention est arrivée à son terme"));
    assertThat(Mails.to(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL)).noneMatch(mail -> Mails.subject(mail).contains("Percy-en-Normandie"));
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 3, 11))).isTrue();
    assertThat(lifecycle.inForceOn(organisationId, LocalDate.of(2029, 3, 11)).orElseThrow().id()).isEqualTo(newId);
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2032, 3, 10))).isTrue();
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2032, 3, 11))).isFalse();
    assertThat(fixtures.lifeOf(newId)).as("the renewed convention lives on").isNotNull();
  }

  @Test
  void aDeclinedRenewalLetsTheConventionEndAtItsLastDayAndStaffRecoverTheEquipment() throws Exception {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Gavray-sur-Sienne",
        LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 12));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 6, 11));
    long organisationId = signed.convention().organisationId();

    ConventionFixtures.at(LocalDate.of(2029, 1, 8));
    TestMailServer.reset();
    ProcessInstance proposal = propose(siret, "");
    driver.runJobs(proposal.getId());
    assertThat(Mails.part(single(signed.contactEmail(), "Proposition de renouvellement de votre convention : Commune de Gavray-sur-Sienne"), "text/plain"))
        .doesNotContain("Message du référent");

    ConventionFixtures.at(LocalDate.of(2029, 1, 20));
    answer(proposal, signed.memberSignatoryUserId(), decline("La commune rejoint le dispositif de l'intercommunalité."));
    Renewal declined = renewals.ofConvention(signed.id()).get(0);
    assertThat(declined.status()).isEqualTo(RenewalStatus.DECLINEE);
    assertThat(declined.declineReason()).isEqualTo("La commune rejoint le dispositif de l'intercommunalité.");
    assertThat(declined.label()).isEqualTo("Renouvellement proposé le 8 janvier 2029, refusé par l'organisation le 20 janvier 2029 : "
        + "« La commune rejoint le dispositif de l'intercommunalité. »");
    assertThat(lifecycle.ofOrganisation(organisationId)).as("no renewed convention").hasSize(1);

    driver.runJobs(proposal.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isZero();
    assertThat(Mails.part(single(ConventionFixtures.REFERENT_EMAIL, "Renouvellement refusé : Commune de Gavray-sur-Sienne"), "text/plain"))
        .contains("Jean Dupuis a refusé, le 20 janvier 2029, le renouvellement")
        .contains("Motif indiqué : « La commune rejoint le dispositif de l'intercommunalité. »")
        .contains("La convention prendra fin le 11 juin 2029 au soir");

    // The convention expires at its end date: no more loans the day after; staff recover the equipment.
    TestMailServer.reset();
    ConventionFixtures.at(LocalDate.of(2029, 6, 11), LocalTime.of(23, 59));
    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 6, 11))).as("last day").isTrue();
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 6, 12))).as("the day after").isFalse();
    ConventionFixtures.at(LocalDate.of(2029, 6, 12), LocalTime.of(0, 0));
    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.convention(signed.id()).status()).isEqualTo(ConventionStatus.ARRIVEE_A_TERME);
    assertThat(lifecycle.mayBorrow(organisationId, LocalDate.of(2029, 6, 12))).isFalse();
    assertThat(Mails.part(single(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL,
            "Fin de convention sans renouvellement : Commune de Gavray-sur-Sienne ne peut plus emprunter"), "text/plain"))
        .contains("Vérifiez le matériel qu'elle a encore en prêt");
    assertThat(Mails.part(single(signed.contactEmail(), "Votre convention est arrivée à son terme : Commune de Gavray-sur-Sienne"), "text/plain"))
        .contains("ne peut plus emprunter le matériel du Département")
        .contains("Pour rejoindre à nouveau le réseau, écrivez au référent du réseau : fixture.referent (test) ("
            + ConventionFixtures.REFERENT_EMAIL + ").");
  }

  @Test
  void aProposalNotAnsweredBeforeTheEndExpiresAndTheReferentsAreTold() throws Exception {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Lessay",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 9, 7));

    ConventionFixtures.at(LocalDate.of(2029, 7, 1));
    ProcessInstance proposal = propose(siret, "Pouvons-nous en parler lors du comité de juillet ?");
    driver.runJobs(proposal.getId());
    TestMailServer.reset();

    // Still open on the last day, at 23:59 in Paris.
    ConventionFixtures.at(LocalDate.of(2029, 9, 7), LocalTime.of(23, 59));
    driver.runJobs(proposal.getId());
    assertThat(driver.openTask(proposal.getId(), ANSWER_TASK)).isNotNull();
    assertThat(renewals.ofConvention(signed.id()).get(0).status()).isEqualTo(RenewalStatus.PROPOSEE);

    // At midnight the proposal lapses.
    ConventionFixtures.at(LocalDate.of(2029, 9, 8), LocalTime.of(0, 0));
    driver.runJobs(proposal.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isZero();
    Renewal expired = renewals.ofConvention(signed.id()).get(0);
    assertThat(expired.status()).isEqualTo(RenewalStatus.EXPIREE);
    assertThat(expired.label()).isEqualTo("Renouvellement proposé le 1er juillet 2029, expiré sans réponse à la fin de la convention");
    assertThat(renewals.openProposal(signed.id())).isEmpty();
    assertThat(Mails.part(single(ConventionFixtures.REFERENT_EMAIL, "Proposition de renouvellement sans réponse : Commune de Lessay"), "text/plain"))
        .contains("faite le 1er juillet 2029 à Commune de Lessay est restée sans réponse")
        .contains("le 7 septembre 2029 au soir")
        .contains("ne peut plus emprunter le matériel du Département")
        .contains("une nouvelle demande de convention devra être enregistrée")
        .doesNotContain("l'organisation devra déposer");
    assertThat(lifecycle.ofOrganisation(signed.convention().organisationId())).hasSize(1);

    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.convention(signed.id()).status()).isEqualTo(ConventionStatus.ARRIVEE_A_TERME);
    assertThat(lifecycle.mayBorrow(signed.convention().organisationId(), LocalDate.of(2029, 9, 8))).isFalse();
  }

  @Test
  void aProposalNeedsAConventionInForceNotTerminatedAndNoOtherProposalOpen() {
    int proposalsBefore = proposals();

    // Unknown organisation.
    assertThatThrownBy(() -> propose(TestSirets.next(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Aucune organisation n'a le numéro SIRET");
    // An accepted convention not signed yet is not in force: nothing to renew.
    String unsigned = TestSirets.next();
    fixtures.accepted(LocalDate.of(2026, 4, 1), unsigned, "Association Clic en Cotentin");
    assertThatThrownBy(() -> propose(unsigned, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Association Clic en Cotentin n'a pas de convention en vigueur aujourd'hui : il n'y a rien à renouveler. "
            + "Pour rejoindre le réseau, l'organisation dépose une demande de convention.");
    // A partly terminated convention (R07) is not renewed.
    String terminated = TestSirets.next();
    ConventionFixtures.Signed partly = fixtures.signed(terminated, "Commune de Brécey",
        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 9));
    ConventionFixtures.at(LocalDate.of(2027, 2, 1));
    lifecycle.terminate(partly.id(), TerminationScope.PARTIELLE, ConventionFixtures.REFERENT, "Matériel non assuré");
    assertThatThrownBy(() -> propose(terminated, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("La convention de Commune de Brécey a été résiliée");
    // A message longer than 2000 characters.
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Villedieu-les-Poêles",
        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 9));
    ConventionFixtures.at(LocalDate.of(2028, 12, 1));
    assertThatThrownBy(() -> propose(siret, "x".repeat(2001)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ne doit pas dépasser 2000 caractères");
    assertThat(proposals()).as("nothing recorded").isEqualTo(proposalsBefore);

    // One open proposal at a time.
    ProcessInstance first = propose(siret.substring(0, 7) + " " + siret.substring(7), "");
    assertThat(first.getBusinessKey()).isEqualTo("renouvellement-" + renewals.ofConvention(signed.id()).get(0).id());
    assertThatThrownBy(() -> propose(siret, "Deuxième proposition"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Un renouvellement de la convention de Commune de Villedieu-les-Poêles a déjà été proposé le 1er décembre 2028 "
            + "et attend la réponse de l'organisation : une seule proposition à la fois.");
    assertThat(renewals.ofConvention(signed.id())).hasSize(1);
    assertThat(proposals()).isEqualTo(proposalsBefore + 1);
  }

  @Test
  void onlyThePeopleOfTheOrganisationAnswerAndTheServerChecksTheAnswer() {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Montmartin-sur-Mer",
        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 12));
    ConventionFixtures.Signed other = fixtures.signed(TestSirets.next(), "Commune de Hambye",
        LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 12));
    ConventionFixtures.at(LocalDate.of(2028, 12, 1));
    ProcessInstance proposal = propose(siret, "");
    driver.runJobs(proposal.getId());
    Task task = driver.openTask(proposal.getId(), ANSWER_TASK);
    assertThat(task.getName()).isEqualTo("Répondre à la proposition de renouvellement – Commune de Montmartin-sur-Mer");

    // A member of another organisation neither sees nor completes the task: to her, it does not exist.
    String outsider = other.memberSignatoryUserId();
    fixtures.asUser(outsider);
    assertThat(taskService.createTaskQuery().processInstanceId(proposal.getId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(proposal.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(task.getId(), outsider)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), Map.of("answer", "refuser")))
        .isInstanceOf(NotFoundException.class);
    identityService.clearAuthentication();

    // Members cannot propose a renewal themselves: staff do (R03).
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
    fixtures.asUser(signed.memberSignatoryUserId());
    assertThatThrownBy(() -> formService.submitStartForm(definitionId, Map.of("siret", siret)))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("CREATE_INSTANCE");
    identityService.clearAuthentication();

    // Staff cannot answer in the member's place.
    assertThat(refusal(() -> answer(proposal, ConventionFixtures.REFERENT, decline(""))))
        .isEqualTo("Seule une personne de Commune de Montmartin-sur-Mer peut répondre à cette proposition de renouvellement.");

    // The member's own answer is checked: an answer must be chosen (the form's own rule, checked on the server by
    // the platform), the signatory's e-mail must be valid.
    String member = signed.memberSignatoryUserId();
    assertThat(refusal(() -> answer(proposal, member, Map.of("answer", ""))))
        .isEqualTo("Le champ « Votre réponse » est obligatoire.");
    assertThat(refusal(() -> answer(proposal, member, accept("Jean Dupuis", "maire", "jean.dupuis-at-montmartin.fr"))))
        .isEqualTo("Le champ « Courriel du signataire » doit contenir une adresse électronique valide, par exemple "
            + "prenom.nom@exemple.fr.");
    assertThat(refusal(() -> answer(proposal, member, accept("", "maire", "jean.dupuis@montmartin.example.fr"))))
        .isEqualTo("Le champ « Nom du signataire » est obligatoire.");

    // Nothing changed: the task waits, the proposal is open, no new convention.
    assertThat(driver.openTask(proposal.getId(), ANSWER_TASK)).isNotNull();
    assertThat(renewals.openProposal(signed.id())).isPresent();
    assertThat(lifecycle.ofOrganisation(signed.convention().organisationId())).hasSize(1);
    assertThat(runtimeService.getVariable(proposal.getId(), "signatoryEmail")).isEqualTo(signed.memberSignatoryEmail());
  }

  private ProcessInstance propose(String siret, String message) {
    fixtures.asUser(ConventionFixtures.REFERENT);
    try {
      return driver.submitStartForm(KEY, Map.of("siret", siret, "proposalMessage", message));
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The person answers the proposal through the task form, logged in with their groups. */
  private void answer(ProcessInstance proposal, String userId, Map<String, String> values) {
    Task task = driver.openTask(proposal.getId(), ANSWER_TASK);
    fixtures.asUser(userId);
    try {
      driver.claimAndSubmit(task, userId, values);
    } finally {
      identityService.clearAuthentication();
      if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
        taskService.setAssignee(task.getId(), null);
      }
    }
  }

  /** The French message of the refusal the action meets (the engine wraps a task listener's refusal). */
  private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action);
    assertThat(thrown).as("refused").isNotNull();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException refused) {
        assertThat(thrown.getMessage()).as("the message reaches the form").contains(refused.getMessage());
        return refused.getMessage();
      }
    }
    throw new AssertionError("Not a French refusal", thrown);
  }

  private static Map<String, String> accept(String name, String role, String email) {
    Map<String, String> values = new HashMap<>();
    values.put("answer", "accepter");
    values.put("signatoryName", name);
    values.put("signatoryRole", role);
    values.put("signatoryEmail", email);
    return values;
  }

  private static Map<String, String> decline(String reason) {
    return Map.of("answer", "refuser", "declineReason", reason);
  }

  private String userWithEmail(long organisationId, String email) {
    return accounts.peopleOf(organisationId).stream().filter(person -> person.email().equalsIgnoreCase(email))
        .map(Person::userId).findFirst().orElseThrow();
  }

  private static MimeMessage single(String address, String subject) {
    List<MimeMessage> found = Mails.to(address).stream().filter(mail -> Mails.subject(mail).equals(subject)).toList();
    assertThat(found).as("mails to " + address + " « " + subject + " »").hasSize(1);
    return found.get(0);
  }

  private int proposals() {
    return jdbc.sql("select count(*) from renewal").query(Integer.class).single();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .singleResult().getValue();
  }
}
