package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CommitteeProposal.bpmn (R23): a member's proposal is recorded in the start transaction. */
class CommitteeProposalModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/steering/CommitteeProposal.bpmn");

  @Test
  void theProposalIsRecorded() throws Exception {
    ProcessInstance proposal = models.start(Map.of("initiator", "julie.hamel"));
    verify(models.executionListenerOf("CommitteeProposal", "start")).notify(any(DelegateExecution.class));
    verify(models.delegateOf("ServiceTask_RegisterProposal")).execute(any());
    assertThat(proposal).isEnded().hasPassed("EndEvent_Registered");
  }
}
