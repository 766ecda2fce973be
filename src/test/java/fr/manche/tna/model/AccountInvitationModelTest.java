package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AccountInvitation.bpmn: the invitation mail goes in its own job, after the account's transaction. */
class AccountInvitationModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/membership/AccountInvitation.bpmn");

  @Test
  void theInvitationIsMailedInAJobOfItsOwnAndTheProcessEnds() throws Exception {
    ProcessInstance invitation = models.start(Map.of("personId", 7L));

    assertThat(invitation).isWaitingAt("ServiceTask_SendInvitation");
    verify(models.delegateOf("ServiceTask_SendInvitation"), never()).execute(any());

    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_SendInvitation")).execute(any());
    assertThat(invitation).isEnded().hasPassed("EndEvent_InvitationSent");
  }
}
