package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RequestAcknowledgement.bpmn: the acknowledgement mail goes in its own job, after the request's start. */
class RequestAcknowledgementModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/platform/RequestAcknowledgement.bpmn");

  @Test
  void theAcknowledgementIsMailedInAJobOfItsOwnAndTheProcessEnds() throws Exception {
    ProcessInstance acknowledgement = models.start("instance-1", Map.of("requestInstanceId", "instance-1", "requesterUserId", "julie.hamel"));

    assertThat(acknowledgement).isWaitingAt("ServiceTask_NotifyRequester");
    verify(models.delegateOf("ServiceTask_NotifyRequester"), never()).execute(any());

    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyRequester")).execute(any());
    assertThat(acknowledgement).isEnded().hasPassed("EndEvent_RequesterNotified");
  }
}
