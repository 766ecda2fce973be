package fr.manche.tna.convention.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.ConventionStatus;
import fr.manche.tna.signature.process.DocumentSignatureProcess;
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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R02: signature by both parties in either order, entry into force, reminders and end, with the clock moved. */
@ApplicationTest
class ConventionLifeTest {

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired ConventionLifecycle lifecycle;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.FormService formService;
  @Autowired fr.manche.tna.membership.AccountService accounts;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void r02SignedLastOn29FebruaryTheConventionIsInForceThroughThe28FebruaryThreeYearsLater() throws Exception {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Bréhal", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 20), LocalDate.of(2028, 2, 29));

    Convention convention = lifecycle.convention(signed.id());
    assertThat(convention.status()).isEqualTo(ConventionStatus.SIGNEE);
    assertThat(convention.effectiveDate()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(convention.lastDay()).isEqualTo(LocalDate.of(2031, 2, 28));
    assertThat(lifecycle.mayBorrow(convention.organisationId(), LocalDate.of(2028, 2, 28))).isFalse();
    assertThat(lifecycle.mayBorrow(convention.organisationId(), LocalDate.of(2028, 2, 29))).isTrue();
    assertThat(lifecycle.mayBorrow(convention.organisationId(), LocalDate.of(2031, 2, 28))).isTrue();

    // The signed PDF goes to both parties and says who signed, in which capacity, when.
    MimeMessage toMember = Mails.to(signed.memberSignatoryEmail()).stream()
        .filter(mail -> Mails.subject(mail).startsWith("Convention signée")).findFirst().orElseThrow();
    assertThat(Mails.attachmentNames(toMember)).containsExactly("convention-" + signed.id() + "-signee.pdf");
    assertThat(Mails.to(ConventionFixtures.SIGNATORY_EMAIL)).anyMatch(mail -> Mails.subject(mail).startsWith("Convention signée"));
    assertThat(Mails.part(toMember, "text/plain")).contains("en vigueur du 29 février 2028 au 28 février 2031 inclus");
    assertThat(Mails.pdfText(toMember))
        .contains("Signature pour l'organisation : Jean Dupuis, maire, le 20 février 2028")
        .contains("Signature pour le Département : Anne Duval, vice-présidente du Conseil départemental, le 29 février 2028")
        .contains("en vigueur du 29 février 2028 au 28 février 2031 inclus");
    // Admission: the organisation is a member and its referent contact has an account.
    assertThat(accounts.peopleOf(convention.organisationId())).extracting(person -> person.email())
        .contains(signed.contactEmail(), signed.memberSignatoryEmail());
  }

  @Test
  void r02TheDepartmentMaySignFirstAndTheMemberSignatoryAloneSignsForTheOrganisation() {
    ProcessInstance life = fixtures.accepted(LocalDate.of(2027, 5, 3), TestSirets.next(), "Commune de Tessy-Bocage");
    ProcessInstance signature = fixtures.signatureOf(life);
    Task memberTask = driver.openTask(signature.getId(), DocumentSignatureProcess.SIGN_AS_MEMBER);
    String signatory = memberTask.getAssignee();
    assertThat(signatory).isNotBlank();
    // The draft went to the member's signatory and to the département's signatories, as a PDF.
    long conventionId = fixtures.conventionOf(life);
    MimeMessage draft = Mails.to(lifecycle.convention(conventionId).memberSignatoryEmail()).stream()
        .filter(mail -> Mails.subject(mail).startsWith("À signer")).findFirst().orElseThrow();
    assertThat(Mails.attachmentNames(draft)).containsExactly("convention-" + conventionId + "-a-signer.pdf");
    assertThat(Mails.part(draft, "text/plain"))
        .contains("validez la tâche « Signer pour l'organisation » (ou « Signer pour le Département »)");

    // Nobody else signs in the signatory's place, not even an administrator who took the task.
    identityService.setAuthentication("quelqu.un", List.of("camunda-admin"));
    try {
      taskService.setAssignee(memberTask.getId(), "quelqu.un");
      assertThatThrownBy(() -> formService.submitTaskForm(memberTask.getId(),
              Map.of("signatureDecision", "signer", "signerName", "X", "signerRole", "Y", "signatureConfirmed", true)))
          .hasMessageContaining("Seul le signataire désigné");
    } finally {
      taskService.setAssignee(memberTask.getId(), signatory);
      identityService.clearAuthentication();
    }
    // Without the confirmation nothing is signed.
    ConventionFixtures.at(LocalDate.of(2027, 5, 10));
    fixtures.asUser(ConventionFixtures.SIGNATORY);
    try {
      assertThatThrownBy(() -> driver.claimAndSubmit(driver.openTask(signature.getId(), DocumentSignatureProcess.SIGN_AS_DEPARTMENT),
              ConventionFixtures.SIGNATORY, Map.of("signatureDecision", "signer", "signerName", "Anne Duval", "signerRole", "vice-présidente", "signatureConfirmed", false)))
          .hasMessageContaining("Cochez");
    } finally {
      identityService.clearAuthentication();
    }

    fixtures.signBoth(life, LocalDate.of(2027, 5, 12), LocalDate.of(2027, 5, 10));
    Convention convention = lifecycle.convention(conventionId);
    assertThat(convention.effectiveDate()).isEqualTo(LocalDate.of(2027, 5, 12));
    assertThat(convention.lastDay()).isEqualTo(LocalDate.of(2030, 5, 11));
  }

  @Test
  void aSignatoryMayRefuseToSignWithAReasonThenTheConventionNeverTakesEffect() {
    ProcessInstance life = fixtures.accepted(LocalDate.of(2027, 6, 1), TestSirets.next(), "Commune de Hambye");
    long conventionId = fixtures.conventionOf(life);
    ProcessInstance signature = fixtures.signatureOf(life);
    fixtures.departmentSignsOnly(life, LocalDate.of(2027, 6, 2));

    // A refusal needs its reason.
    String member = driver.openTask(signature.getId(), DocumentSignatureProcess.SIGN_AS_MEMBER).getAssignee();
    fixtures.asUser(member);
    try {
      assertThatThrownBy(() -> driver.claimAndSubmit(driver.openTask(signature.getId(), DocumentSignatureProcess.SIGN_AS_MEMBER), member,
              Map.of("signatureDecision", "refuser", "signerName", "Jean Dupuis", "refusalReason", " ")))
          .hasMessageContaining("Motif du refus de signer");
    } finally {
      fixtures.clearUser();
    }
    TestMailServer.reset();
    fixtures.refuseToSign(life, true, LocalDate.of(2027, 6, 3), "Le conseil municipal n'a pas encore délibéré.");

    Convention convention = lifecycle.convention(conventionId);
    assertThat(convention.status()).isEqualTo(ConventionStatus.NON_SIGNEE);
    assertThat(convention.effectiveDate()).isNull();
    assertThat(lifecycle.mayBorrow(convention.organisationId(), LocalDate.of(2027, 6, 4))).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(life.getId()).count()).isZero();
    MimeMessage refusal = Mails.to(ConventionFixtures.SIGNATORY_EMAIL).get(0);
    assertThat(Mails.subject(refusal)).isEqualTo("Signature refusée : Convention de coopération de Commune de Hambye");
    assertThat(Mails.part(refusal, "text/plain"))
        .contains("Jean Dupuis a refusé de signer le document « Convention de coopération de Commune de Hambye » pour l'organisation.")
        .contains("Motif : Le conseil municipal n'a pas encore délibéré.");
    assertThat(lifecycle.ofOrganisation(convention.organisationId()).get(0).statusLabel()).isEqualTo("Non signée : signature refusée");
  }

  @Test
  void r02RemindersGoSixAndFourMonthsBeforeTheEndAndTheConventionEndsAtMidnightParisTime() {
    ConventionFixtures.Signed signed =
        fixtures.signed(TestSirets.next(), "Commune de Cerisy-la-Salle", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11));
    assertThat(signed.convention().lastDay()).isEqualTo(LocalDate.of(2029, 3, 10));
    TestMailServer.reset();

    // The evening before the first reminder (10 September 2028, 9:00), nothing is due.
    ConventionFixtures.at(LocalDate.of(2028, 9, 10), LocalTime.of(8, 59));
    driver.runJobs(signed.life().getId());
    assertThat(Mails.to(signed.contactEmail())).isEmpty();
    ConventionFixtures.at(LocalDate.of(2028, 9, 10), LocalTime.of(9, 0));
    driver.runJobs(signed.life().getId());
    List<MimeMessage> reminders = Mails.to(signed.contactEmail());
    assertThat(reminders).hasSize(1);
    assertThat(Mails.subject(reminders.get(0))).isEqualTo("La convention de Commune de Cerisy-la-Salle se termine le 10 mars 2029");
    assertThat(Mails.part(reminders.get(0), "text/plain")).contains("Une demande d'avenant reste possible jusqu'au 10 décembre 2028");

    ConventionFixtures.at(LocalDate.of(2028, 11, 10), LocalTime.of(9, 0));
    driver.runJobs(signed.life().getId());
    assertThat(Mails.to(signed.contactEmail())).hasSize(2);

    // 10 March 2029 is the last day: still in force at 23:59 in Paris, over at midnight.
    ConventionFixtures.at(LocalDate.of(2029, 3, 10), LocalTime.of(23, 59));
    driver.runJobs(signed.life().getId());
    assertThat(lifecycle.convention(signed.id()).status()).isEqualTo(ConventionStatus.SIGNEE);
    ConventionFixtures.at(LocalDate.of(2029, 3, 11), LocalTime.of(0, 0));
    driver.runJobs(signed.life().getId());
    Convention ended = lifecycle.convention(signed.id());
    assertThat(ended.status()).isEqualTo(ConventionStatus.ARRIVEE_A_TERME);
    assertThat(lifecycle.mayBorrow(ended.organisationId(), LocalDate.of(2029, 3, 11))).isFalse();
    assertThat(Mails.to(signed.contactEmail())).anyMatch(mail -> Mails.subject(mail).startsWith("Votre convention est arrivée à son terme"));
    // Staff are asked to get the equipment on loan back.
    assertThat(Mails.to(ConventionFixtures.EQUIPMENT_MANAGER_EMAIL))
        .anyMatch(mail -> Mails.part(mail, "text/plain").contains("Vérifiez le matériel qu'elle a encore en prêt"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(signed.life().getId()).count()).isZero();
  }
}
