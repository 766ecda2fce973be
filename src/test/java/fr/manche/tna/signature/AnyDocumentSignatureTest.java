package fr.manche.tna.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.signature.process.DocumentSignatureProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The process {@code DocumentSignature} signs any kind of document a capability declares: the document type
 * says which parties sign and which staff group signs for the département (issue #9, "Signature for any
 * document"). Two kinds declared here as the loans' inspection reports or the committee's minutes will be:
 * one the département alone signs, through its equipment managers; one the member alone acknowledges.
 */
@ApplicationTest
@Import(AnyDocumentSignatureTest.Documents.class)
class AnyDocumentSignatureTest {

  static final DocumentType MINUTES = new DocumentType("ESSAI_PROCES_VERBAL");
  static final DocumentType ACKNOWLEDGED = new DocumentType("ESSAI_ACCUSE");

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired SignatureService signatures;
  @Autowired Documents documents;

  ConventionFixtures.Signed member;

  @BeforeEach
  void aMemberOrganisation() {
    TestMailServer.reset();
    fixtures.ensureStaff();
    member = fixtures.signed(TestSirets.next(), "Commune d'Essai-sur-Sienne",
        LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 3));
    documents.organisationId = member.convention().organisationId();
    documents.signatoryEmail = member.memberSignatoryEmail();
    ConventionFixtures.at(LocalDate.of(2027, 4, 6));
  }

  @AfterEach
  void resetClock() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void aDocumentSignedByTheDepartmentAloneGoesToItsOwnStaffGroup() {
    ProcessInstance signature = start(MINUTES, 41L);

    List<Task> tasks = taskService.createTaskQuery().processInstanceId(signature.getId()).list();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly(DocumentSignatureProcess.SIGN_AS_DEPARTMENT);
    assertThat(taskService.getIdentityLinksForTask(tasks.get(0).getId())).extracting(IdentityLink::getGroupId)
        .contains(StaffGroup.EQUIPMENT_MANAGERS.groupId())
        .doesNotContain(StaffGroup.SIGNATORIES.groupId());

    // The département's signatories do not sign a document its equipment managers sign, whatever they send.
    assertThatThrownBy(() -> sign(tasks.get(0), ConventionFixtures.SIGNATORY, "Anne Duval", "vice-présidente"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Seuls les membres du groupe « Gestionnaires du matériel » signent ce document pour le Département.");
    assertThat(signatures.signatures(MINUTES, 41L)).isEmpty();
    taskService.setAssignee(tasks.get(0).getId(), null); // the signatory hands the task back

    sign(taskService.createTaskQuery().processInstanceId(signature.getId()).singleResult(),
        ConventionFixtures.EQUIPMENT_MANAGER, "Luc Marie", "gestionnaire du matériel");

    assertThat(signatures.signatures(MINUTES, 41L)).extracting(Signature::party).containsExactly(Party.DEPARTEMENT);
    assertThat(signatures.archiveSigned(MINUTES, 41L).fileName()).isEqualTo("proces-verbal-41-signee.pdf");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(signature.getId()).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_Signed");
  }

  @Test
  void aDocumentTheMemberAloneAcknowledgesOpensOnlyTheMembersTask() {
    ProcessInstance signature = start(ACKNOWLEDGED, 42L);

    Task task = taskService.createTaskQuery().processInstanceId(signature.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(DocumentSignatureProcess.SIGN_AS_MEMBER);
    assertThat(task.getAssignee()).isEqualTo(member.memberSignatoryUserId());

    sign(task, member.memberSignatoryUserId(), "Jean Dupuis", "maire");

    assertThat(signatures.signatures(ACKNOWLEDGED, 42L)).extracting(Signature::party).containsExactly(Party.MEMBRE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(signature.getId()).count()).isZero();
  }

  @Test
  void aPartyThatDoesNotSignTheDocumentSignsNothing() {
    assertThatThrownBy(() -> signatures.sign(ACKNOWLEDGED, 43L, Party.DEPARTEMENT, ConventionFixtures.SIGNATORY, true, "Anne Duval", "vice-présidente"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Ce document ne se signe pas pour le Département de la Manche.");
  }

  @Test
  void aDocumentIsFoundByItsNameInItsAddress() {
    assertThat(signatures.documentType("essai_proces_verbal")).contains(MINUTES);
    assertThat(signatures.documentType("inconnu")).isEmpty();
  }

  private ProcessInstance start(DocumentType type, long documentId) {
    ProcessInstance signature = runtimeService.startProcessInstanceByKey(DocumentSignatureProcess.KEY, Map.ofEntries(
        DocumentSignatureProcess.DOCUMENT_TYPE.entry(type.name()),
        DocumentSignatureProcess.DOCUMENT_ID.entry(documentId),
        CommonVariables.ORGANISATION_ID.entry(member.convention().organisationId())));
    driver.runJobs(signature.getId());
    return signature;
  }

  private void sign(Task task, String userId, String name, String role) {
    fixtures.asUser(userId);
    try {
      driver.claimAndSubmit(task, userId,
          Map.of("signatureDecision", "signer", "signerName", name, "signerRole", role, "signatureConfirmed", true));
    } finally {
      fixtures.clearUser();
    }
  }

  /** Two kinds of documents as later capabilities will declare them. */
  @TestConfiguration
  static class Documents {

    long organisationId;
    String signatoryEmail;

    @Bean
    SignableDocument minutes() {
      return new Kind(MINUTES, "proces-verbal", EnumSet.of(Party.DEPARTEMENT), StaffGroup.EQUIPMENT_MANAGERS);
    }

    @Bean
    SignableDocument acknowledged() {
      return new Kind(ACKNOWLEDGED, "accuse", EnumSet.of(Party.MEMBRE), StaffGroup.SIGNATORIES);
    }

    private final class Kind implements SignableDocument {
      private final DocumentType type;
      private final String fileName;
      private final Set<Party> parties;
      private final StaffGroup group;

      Kind(DocumentType type, String fileName, Set<Party> parties, StaffGroup group) {
        this.type = type;
        this.fileName = fileName;
        this.parties = parties;
        this.group = group;
      }

      @Override
      public DocumentType type() {
        return type;
      }

      @Override
      public Signing signing(long documentId) {
        return new Signing(organisationId, "Commune d'Essai-sur-Sienne", "Document d'essai n° " + documentId,
            fileName + "-" + documentId, "Jean Dupuis", "maire", signatoryEmail);
      }

      @Override
      public byte[] render(long documentId, List<Signature> signed) {
        return ("%PDF-1.4 essai " + documentId + " " + signed.size()).getBytes(StandardCharsets.US_ASCII);
      }

      @Override
      public Set<Party> parties() {
        return parties;
      }

      @Override
      public StaffGroup departmentSignatories() {
        return group;
      }
    }
  }
}
