package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CommunicationRequest.bpmn (R21): the referents review a member's request and grant it, refuse it, or ask for
 * changes, which the member's organisation makes before the referents review it again; granted, the operation's report
 * is started (R22, JointReport.bpmn), refused, none.
 */
class CommunicationRequestModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/communication/CommunicationRequest.bpmn");

  private ProcessInstance request;

  @BeforeEach
  void filed() throws Exception {
    models.sets(models.delegateOf("ServiceTask_RegisterRequest"), "memberGroupId", "membre-villedieu");
    request = models.start(Map.of("subject", "Fête du numérique", "initiator", "julie.hamel"));
    verify(models.executionListenerOf("CommunicationRequest", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_RegisterRequest")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferents")).execute(any());
  }

  @Test
  void theReferentsReviewTheRequestAndGrantItWhichStartsTheJointReport() throws Exception {
    assertThat(request).isWaitingAt("UserTask_ReviewRequest");
    assertThat(models.task("UserTask_ReviewRequest")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Examiner la demande de communication");

    review("accorder", false);
    verify(models.taskListenerOf("UserTask_ReviewRequest", "complete")).notify(any(DelegateTask.class));
    verify(models.delegateOf("ServiceTask_RecordDecision")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyMember")).execute(any());
    verify(models.delegateOf("ServiceTask_StartJointReport")).execute(any());
    assertThat(request).isEnded().hasPassed("ServiceTask_StartJointReport", "EndEvent_RequestAnswered")
        .hasNotPassed("UserTask_AmendRequest");
  }

  @Test
  void aRefusalIsAnAnswerTooAndAsksForNoReport() throws Exception {
    review("refuser", false);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_StartJointReport"), never()).execute(any());
    assertThat(request).isEnded().hasPassed("EndEvent_RequestAnswered")
        .hasNotPassed("UserTask_AmendRequest", "ServiceTask_StartJointReport");
  }

  @Test
  void changesRequestedGoToTheMembersOrganisationThenBackToTheReferents() throws Exception {
    review("modifier", true);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_StartJointReport"), never()).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyMember")).execute(any());
    assertThat(request).isWaitingAt("UserTask_AmendRequest");
    assertThat(models.task("UserTask_AmendRequest")).hasCandidateGroup("membre-villedieu")
        .hasName("Modifier la demande de communication");

    models.engine().getTaskService().complete(models.task("UserTask_AmendRequest").getId(),
        Map.of("content", "Affiche corrigée"));
    verify(models.taskListenerOf("UserTask_AmendRequest", "complete")).notify(any(DelegateTask.class));
    assertThat(request).isWaitingAt("ServiceTask_NotifyReferents");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferents"), times(2)).execute(any());
    assertThat(request).isWaitingAt("UserTask_ReviewRequest");

    review("accorder", false);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyMember"), times(2)).execute(any());
    verify(models.delegateOf("ServiceTask_StartJointReport")).execute(any());
    assertThat(request).isEnded().hasPassed("ServiceTask_StartJointReport", "EndEvent_RequestAnswered");
  }

  /** The referent's decision, and what the decision's delegate records for the gateways. */
  private void review(String decision, boolean changesRequested) {
    models.sets(models.delegateOf("ServiceTask_RecordDecision"),
        Map.of("changesRequested", changesRequested, "agreed", "accorder".equals(decision)));
    models.engine().getTaskService().complete(models.task("UserTask_ReviewRequest").getId(),
        Map.of("decision", decision, "decisionComment", "Voir le logo du Département"));
  }
}
