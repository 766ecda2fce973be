package fr.manche.tna.model;

import static fr.manche.tna.model.Signatures.refuse;
import static fr.manche.tna.model.Signatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConventionAmendment.bpmn (R04-R06), with the real DocumentSignature.bpmn: a late request is refused at once
 * (R05), the referents review the others, an accepted amendment is signed by both parties and applied; a refused
 * signature (the called model's error SignatureRefusee) records it not signed.
 */
class ConventionAmendmentModelTest {

  @RegisterExtension
  ModelHarness models =
      ModelHarness.of("bpmn/convention/ConventionAmendment.bpmn", "bpmn/signature/DocumentSignature.bpmn");

  @Test
  void r05ARequestReceivedLessThanThreeMonthsBeforeTheEndIsRefusedAtOnce() throws Exception {
    ProcessInstance amendment = request(false);

    verify(models.executionListenerOf("ConventionAmendment", "start")).notify(any(DelegateExecution.class));
    assertThat(amendment).isWaitingAt("ServiceTask_NotifyLateRequest");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyLateRequest")).execute(any());
    assertThat(amendment).isEnded().hasPassed("EndEvent_RequestTooLate").hasNotPassed("UserTask_ReviewAmendment");
    verify(models.delegateOf("ServiceTask_NotifyReferents"), never()).execute(any());
  }

  @Test
  void aRequestInTimeIsReviewedByTheReferentsAndMayBeRefused() throws Exception {
    ProcessInstance amendment = request(true);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferents")).execute(any());
    assertThat(amendment).isWaitingAt("UserTask_ReviewAmendment");
    assertThat(models.task("UserTask_ReviewAmendment")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Examiner la demande d'avenant");

    decide(false);
    verify(models.taskListenerOf("UserTask_ReviewAmendment", "complete")).notify(any(DelegateTask.class));
    verify(models.delegateOf("ServiceTask_RecordDecision")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyRefusal")).execute(any());
    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentRefused").hasNotPassed("CallActivity_SignAmendment");
  }

  @Test
  void r04AnAcceptedAmendmentIsSignedByBothPartiesThenAppliedAndMailed() throws Exception {
    ProcessInstance amendment = reviewed(true);
    assertThat(amendment).isWaitingAt("CallActivity_SignAmendment");

    models.executeDueJobs(); // the call activity's save point, then the signature's mail
    ProcessInstance signature = signature();
    assertThat(signature.getBusinessKey()).isEqualTo("avenant-5");
    assertThat(models.engine().getRuntimeService().getVariables(signature.getId()))
        .containsEntry("documentType", "AVENANT").containsEntry("documentId", 5L);
    sign(models, "UserTask_SignAsMember");
    sign(models, "UserTask_SignAsDepartment");

    assertThat(amendment).isWaitingAt("ServiceTask_ApplyAmendment");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_ApplyAmendment")).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyAmendmentSigned")).execute(any());
    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentSigned").hasNotPassed("EndEvent_AmendmentNotSigned");
  }

  @Test
  void aRefusedSignatureRecordsTheAmendmentNotSigned() throws Exception {
    ProcessInstance amendment = reviewed(true);
    models.executeDueJobs();
    sign(models, "UserTask_SignAsDepartment");
    refuse(models, "UserTask_SignAsMember");
    verify(models.delegateOf("ServiceTask_RecordAmendmentNotSigned"), never()).execute(any());

    models.executeDueJobs(); // the refusal mail, then the error reaches the call activity
    verify(models.delegateOf("ServiceTask_NotifySignatureRefused")).execute(any());
    verify(models.delegateOf("ServiceTask_RecordAmendmentNotSigned")).execute(any());
    verify(models.delegateOf("ServiceTask_ApplyAmendment"), never()).execute(any());
    assertThat(amendment).isEnded().hasPassed("EndEvent_AmendmentNotSigned");
  }

  // ---------------------------------------------------------------------------------------------------------

  private ProcessInstance request(boolean inTime) {
    models.sets(models.delegateOf("ServiceTask_RegisterRequest"), Map.of("amendmentInTime", inTime, "amendmentId", 5L));
    return models.start("avenant-5", Map.of("amendmentObject", "Ajout d'un lieu", "amendmentContent", "Médiathèque"));
  }

  private ProcessInstance reviewed(boolean accepted) throws Exception {
    Signatures.behaveAsTheApplication(models);
    ProcessInstance amendment = request(true);
    models.executeDueJobs();
    decide(accepted);
    return amendment;
  }

  private void decide(boolean accepted) {
    models.sets(models.delegateOf("ServiceTask_RecordDecision"), "amendmentAccepted", accepted);
    models.engine().getTaskService().complete(models.task("UserTask_ReviewAmendment").getId(),
        Map.of("decision", accepted ? "accepter" : "refuser"));
  }

  private ProcessInstance signature() {
    return models.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("DocumentSignature").singleResult();
  }
}
