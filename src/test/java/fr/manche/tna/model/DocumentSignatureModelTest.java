package fr.manche.tna.model;

import static fr.manche.tna.model.Signatures.MEMBER_SIGNATORY;
import static fr.manche.tna.model.Signatures.refuse;
import static fr.manche.tna.model.Signatures.sign;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DocumentSignature.bpmn (R02, R04): the document is mailed, both parties sign in either order (the member's
 * signatory by name, the département's signatories as a group), or only the party the kind of document names, the
 * département through the staff group it names; a refusal by either ends it with the BPMN error
 * SignatureRefusee, after the refusal mail.
 */
class DocumentSignatureModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/signature/DocumentSignature.bpmn");

  private ProcessInstance signature;

  @BeforeEach
  void documentToSign() {
    Signatures.behaveAsTheApplication(models);
    signature = models.start("convention-42", Map.of("documentType", "CONVENTION", "documentId", 42L));
  }

  @Test
  void theDocumentIsMailedThenEachPartyHasItsTask() throws Exception {
    verify(models.delegateOf("ServiceTask_PrepareSignature")).execute(any());
    assertThat(signature).isWaitingAt("ServiceTask_NotifySignatories");
    verify(models.delegateOf("ServiceTask_NotifySignatories"), never()).execute(any());

    models.executeDueJobs();

    verify(models.delegateOf("ServiceTask_NotifySignatories")).execute(any());
    assertThat(signature).isWaitingAt("UserTask_SignAsMember", "UserTask_SignAsDepartment");
    assertThat(models.task("UserTask_SignAsMember")).isAssignedTo(MEMBER_SIGNATORY).hasName("Signer pour l'organisation");
    assertThat(models.task("UserTask_SignAsDepartment")).isNotAssigned().hasCandidateGroup("tna-signataires")
        .hasName("Signer pour le Département");
  }

  @Test
  void aDocumentTheDepartmentAloneSignsGoesToTheStaffGroupItsTypeNames() throws Exception {
    Signatures.behaveAsTheApplication(models, false, "tna-gestionnaires-materiel");
    ProcessInstance minutes = models.start("proces-verbal-7", Map.of("documentType", "PROCES_VERBAL", "documentId", 7L));
    models.executeDueJobs();

    assertThat(minutes).isWaitingAt("UserTask_SignAsDepartment");
    assertThat(models.engine().getTaskService().createTaskQuery().processInstanceId(minutes.getId()).singleResult())
        .hasCandidateGroup("tna-gestionnaires-materiel");
    models.engine().getTaskService().complete(
        models.engine().getTaskService().createTaskQuery().processInstanceId(minutes.getId()).singleResult().getId(),
        Map.of("signatureDecision", "signer"));
    assertThat(minutes).isEnded().hasPassed("EndEvent_Signed").hasNotPassed("UserTask_SignAsMember");
  }

  @Test
  void aDocumentTheMemberAloneAcknowledgesOpensOnlyTheMembersTask() throws Exception {
    Signatures.behaveAsTheApplication(models, true, null);
    ProcessInstance report = models.start("rapport-8", Map.of("documentType", "RAPPORT", "documentId", 8L));
    models.executeDueJobs();

    assertThat(report).isWaitingAt("UserTask_SignAsMember");
    org.camunda.bpm.engine.task.Task task =
        models.engine().getTaskService().createTaskQuery().processInstanceId(report.getId()).singleResult();
    assertThat(task).isAssignedTo(MEMBER_SIGNATORY);
    models.engine().getTaskService().complete(task.getId(), Map.of("signatureDecision", "signer"));
    assertThat(report).isEnded().hasPassed("EndEvent_Signed").hasNotPassed("UserTask_SignAsDepartment");
  }

  @Test
  void r02SignedByTheMemberThenTheDepartment() throws Exception {
    models.executeDueJobs();
    sign(models, "UserTask_SignAsMember");
    assertThat(signature).isWaitingAt("UserTask_SignAsDepartment");
    sign(models, "UserTask_SignAsDepartment");

    verify(models.taskListenerOf("UserTask_SignAsDepartment", "complete"), times(2)).notify(any(DelegateTask.class));
    assertThat(signature).isEnded().hasPassed("EndEvent_Signed").hasNotPassed("ServiceTask_NotifySignatureRefused");
  }

  @Test
  void r02SignedByTheDepartmentThenTheMember() throws Exception {
    models.executeDueJobs();
    sign(models, "UserTask_SignAsDepartment");
    assertThat(signature).isWaitingAt("UserTask_SignAsMember");
    sign(models, "UserTask_SignAsMember");

    assertThat(signature).isEnded().hasPassed("EndEvent_Signed");
  }

  @Test
  void aMemberWhoRefusesEndsTheSignatureWithTheErrorAfterTheRefusalMail() throws Exception {
    models.executeDueJobs();
    refuse(models, "UserTask_SignAsMember");

    assertThat(signature).isWaitingAt("ServiceTask_NotifySignatureRefused");
    assertThat(models.task("UserTask_SignAsDepartment")).as("the département's task is withdrawn").isNull();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifySignatureRefused")).execute(any());
    assertThat(signature).isEnded().hasPassed("EndEvent_MemberRefused", "EndEvent_SignatureRefused")
        .hasNotPassed("EndEvent_Signed");
  }

  @Test
  void theDepartmentMayRefuseAfterTheMemberSigned() throws Exception {
    models.executeDueJobs();
    sign(models, "UserTask_SignAsMember");
    refuse(models, "UserTask_SignAsDepartment");

    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifySignatureRefused")).execute(any());
    assertThat(signature).isEnded().hasPassed("EndEvent_DepartmentRefused", "EndEvent_SignatureRefused")
        .hasNotPassed("EndEvent_Signed");
  }
}
