package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** YearEndReview.bpmn (R20, R23): self-assessment by the member, interview fixed and held, summary sent. */
class YearEndReviewModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/steering/YearEndReview.bpmn");

  @Test
  void theMemberAssessesStaffScheduleAndRecordTheSummaryIsSent() throws Exception {
    ModelHarness.clockAt(2027, 11, 1, 7, 0);
    ProcessInstance review = models.start("bilan-2027-12", Map.of("reviewId", 6L, "memberGroupId", "membre-12"));
    verify(models.delegateOf("ServiceTask_RegisterReview")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReviewOpened")).execute(any());
    assertThat(models.task("UserTask_SelfAssessment")).hasCandidateGroup("membre-12");
    models.engine().getTaskService().complete(models.task("UserTask_SelfAssessment").getId());
    assertThat(models.task("UserTask_ScheduleInterview")).hasCandidateGroup("tna-referents-reseau");
    models.sets(models.taskListenerOf("UserTask_ScheduleInterview", "complete"), "interviewAt",
        Date.from(ModelHarness.parisTime(2027, 12, 2, 10, 0).toInstant()));
    models.engine().getTaskService().complete(models.task("UserTask_ScheduleInterview").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_InviteToInterview")).execute(any());
    assertThat(review).isWaitingAt("IntermediateEvent_InterviewHeld");
    ModelHarness.clockAt(2027, 12, 2, 10, 0);
    models.executeDueJobs();
    assertThat(models.task("UserTask_RecordReview")).hasCandidateGroup("tna-referents-reseau");
    models.engine().getTaskService().complete(models.task("UserTask_RecordReview").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_SendSummary")).execute(any());
    assertThat(review).isEnded().hasPassed("EndEvent_ReviewDone");
  }
}
