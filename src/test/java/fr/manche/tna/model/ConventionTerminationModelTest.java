package fr.manche.tna.model;

import static fr.manche.tna.model.ModelHarness.clockAt;
import static fr.manche.tna.model.ModelHarness.parisMidnight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ConventionTermination.bpmn (R07): the formal notice is recorded and mailed, its acknowledgement recorded; a
 * remedy within thirty days lifts it; at 0:00 (Paris) on the thirtieth day the referents decide: total termination
 * (the convention's life ends), partial, remedied, or closed.
 */
class ConventionTerminationModelTest {

  /** Acknowledged on 27 February 2027: thirty days later is 29 March 2027, just after the clocks went forward. */
  private static final Date TERMINATION_POSSIBLE_AT = parisMidnight(LocalDate.of(2027, 3, 29));

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/convention/ConventionTermination.bpmn");

  @Test
  void theNoticeIsMailedThenItsAcknowledgementRecordedWhichStartsTheThirtyDays() throws Exception {
    ProcessInstance notice = acknowledged();

    assertThat(notice).isWaitingAt("UserTask_RecordRemedy");
    verify(models.taskListenerOf("UserTask_RecordAcknowledgement", "complete")).notify(any(DelegateTask.class));
    assertThat(models.task("UserTask_RecordRemedy")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Constater la régularisation");
    assertThat(models.timer("BoundaryEvent_NoticePeriodOver").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2027-03-28T22:00:00Z")));
  }

  @Test
  void r07ARemedyWithinThirtyDaysLiftsTheNotice() throws Exception {
    ProcessInstance notice = acknowledged();
    clockAt(2027, 3, 15, 11, 0);
    models.sets(models.taskListenerOf("UserTask_RecordRemedy", "complete"), "noticeOutcome", "REGULARISEE");
    models.engine().getTaskService().complete(models.task("UserTask_RecordRemedy").getId(),
        Map.of("remedied", true, "remedyComment", "Atelier repris"));

    verify(models.taskListenerOf("UserTask_RecordRemedy", "complete")).notify(any(DelegateTask.class));
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyRemedied")).execute(any());
    assertThat(notice).isEnded().hasPassed("EndEvent_NoticeLifted").hasNotPassed("UserTask_DecideTermination");
    assertThat(models.engine().getManagementService().createJobQuery().count()).as("timer cancelled").isZero();
  }

  @Test
  void r07TheDecisionComesAtMidnightInParisOnTheThirtiethDayNotAMinuteBefore() throws Exception {
    ProcessInstance notice = acknowledged();

    clockAt(2027, 3, 28, 23, 59);
    assertThat(models.dueJobs()).isEmpty();
    assertThat(notice).isWaitingAt("UserTask_RecordRemedy");

    clockAt(2027, 3, 29, 0, 0);
    models.fireTimer("BoundaryEvent_NoticePeriodOver");
    assertThat(models.task("UserTask_RecordRemedy")).as("the remedy task is withdrawn").isNull();
    assertThat(notice).isWaitingAt("ServiceTask_NotifyNoticePeriodOver");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyNoticePeriodOver")).execute(any());
    assertThat(notice).isWaitingAt("UserTask_DecideTermination");
    assertThat(models.task("UserTask_DecideTermination")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Décider de la résiliation");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "resilier_totalement,    RESILIEE_TOTALE,    EndEvent_ConventionTerminated, true",
    "resilier_partiellement, RESILIEE_PARTIELLE, EndEvent_ConventionTerminated, false",
    "regularisee,            REGULARISEE,        EndEvent_NoticeLifted,         false",
    "classer,                CLASSEE,            EndEvent_NoticeClosed,         false",
  })
  void r07TheReferentsDecision(String decision, String outcome, String end, boolean lifeEnds) throws Exception {
    ProcessInstance notice = models.startBefore("UserTask_DecideTermination", Map.of("conventionId", 42L, "noticeId", 3L));
    models.sets(models.taskListenerOf("UserTask_DecideTermination", "complete"), "noticeOutcome", outcome);
    models.engine().getTaskService().complete(models.task("UserTask_DecideTermination").getId(),
        Map.of("decision", decision, "decisionReason", "Manquement à l'article 3"));
    models.executeDueJobs();

    assertThat(notice).isEnded().hasPassed(end);
    verify(models.delegateOf("ServiceTask_EndConventionLife"), lifeEnds ? times(1) : never())
        .execute(any());
    boolean terminated = end.equals("EndEvent_ConventionTerminated");
    verify(models.delegateOf("ServiceTask_NotifyTerminationToMember"), terminated ? times(1) : never())
        .execute(any());
    verify(models.delegateOf("ServiceTask_NotifyTerminationToStaff"), terminated ? times(1) : never())
        .execute(any());
    verify(models.delegateOf("ServiceTask_NotifyRemedied"), end.equals("EndEvent_NoticeLifted")
        ? times(1) : never()).execute(any());
  }

  /** Notice sent on 22 February 2027, mailed, acknowledged on the 27th. */
  private ProcessInstance acknowledged() throws Exception {
    clockAt(2027, 2, 22, 10, 0);
    models.sets(models.delegateOf("ServiceTask_RecordFormalNotice"),
        Map.of("noticeId", 3L, "conventionId", 42L, "organisationName", "Commune de Villedieu-les-Poêles-Rouffigny"));
    ProcessInstance notice = models.start(Map.of("siret", "21505019300014", "sentOn", "22/02/2027"));
    verify(models.delegateOf("ServiceTask_RecordFormalNotice")).execute(any());
    assertThat(notice).isWaitingAt("ServiceTask_NotifyFormalNotice");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyFormalNotice")).execute(any());
    assertThat(notice).isWaitingAt("UserTask_RecordAcknowledgement");
    assertThat(models.task("UserTask_RecordAcknowledgement")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Enregistrer l'accusé de réception");

    clockAt(2027, 3, 1, 9, 30);
    models.sets(models.taskListenerOf("UserTask_RecordAcknowledgement", "complete"),
        "terminationPossibleAt", TERMINATION_POSSIBLE_AT);
    models.engine().getTaskService().complete(models.task("UserTask_RecordAcknowledgement").getId(),
        Map.of("acknowledgedOn", "27/02/2027"));
    return notice;
  }
}
