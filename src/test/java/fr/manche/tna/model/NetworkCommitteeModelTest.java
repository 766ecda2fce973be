package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NetworkCommittee.bpmn (R23): prepared by the referent, the members invited, the agenda sent once the proposals'
 * deadline has passed (Paris time), the minutes recorded after the meeting and sent.
 */
class NetworkCommitteeModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/steering/NetworkCommittee.bpmn");

  @Test
  void preparedInvitedAgendaAfterTheDeadlineMinutesAfterTheMeeting() throws Exception {
    ModelHarness.clockAt(2027, 6, 1, 7, 0);
    ProcessInstance committee = models.start("comite-2027", Map.of("cycleId", 4L));
    verify(models.delegateOf("ServiceTask_RegisterCommittee")).execute(any());
    assertThat(committee).isWaitingAt("UserTask_PrepareCommittee");
    assertThat(models.task("UserTask_PrepareCommittee")).hasCandidateGroup("tna-referents-reseau");
    models.sets(models.taskListenerOf("UserTask_PrepareCommittee", "complete"), Map.of(
        "proposalsClosedAt", at(2027, 6, 11, 8), "meetingAt", at(2027, 6, 15, 14)));
    models.engine().getTaskService().complete(models.task("UserTask_PrepareCommittee").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_InviteMembers")).execute(any());
    verify(models.delegateOf("ServiceTask_SendAgenda"), never()).execute(any());

    ModelHarness.clockAt(2027, 6, 11, 8, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_SendAgenda")).execute(any());
    assertThat(committee).isWaitingAt("IntermediateEvent_MeetingHeld");
    ModelHarness.clockAt(2027, 6, 15, 14, 0);
    models.executeDueJobs();
    assertThat(committee).isWaitingAt("UserTask_RecordCommittee");
    models.engine().getTaskService().complete(models.task("UserTask_RecordCommittee").getId());
    verify(models.taskListenerOf("UserTask_RecordCommittee", "complete")).notify(any(DelegateTask.class));
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_SendMinutes")).execute(any());
    assertThat(committee).isEnded().hasPassed("EndEvent_CommitteeHeld");
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ModelHarness.parisTime(year, month, day, hour, 0).toInstant());
  }
}
