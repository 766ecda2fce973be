package fr.manche.tna.model;

import static fr.manche.tna.model.ModelHarness.clockAt;
import static fr.manche.tna.model.ModelHarness.paris;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convention.bpmn, the convention's life (R02, R03, R07): signature (DocumentSignature stubbed), entry into force,
 * reminders six and four months before the end, the end at midnight in Paris after the last day, or the
 * termination message. The dates are those the put-in-force delegate would set (stubbed here).
 */
class ConventionModelTest {

  private static final String BUSINESS_KEY = "convention-42";

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/convention/Convention.bpmn");

  @Test
  void theConventionIsSignedThroughDocumentSignatureThenPutInForceAndMailed() throws Exception {
    clockAt(2024, 3, 29, 10, 0);
    inForceUntil(LocalDate.of(2027, 3, 28));
    ProcessInstance life = start();

    assertThat(life).isWaitingAt("CallActivity_SignConvention");
    Task stub = models.task(ModelHarness.STUB_TASK);
    ProcessInstance signature = models.engine().getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(stub.getProcessInstanceId()).singleResult();
    assertThat(signature.getBusinessKey()).isEqualTo(BUSINESS_KEY);
    assertThat(models.engine().getRuntimeService().getVariables(signature.getId()))
        .containsEntry("documentType", "CONVENTION")
        .containsEntry("documentId", 42L);
    verify(models.delegateOf("ServiceTask_PutInForce"), never()).execute(any());

    models.completeStub();
    // A save point after the last signature: putting in force is a step of its own, so that its failure (PDF,
    // admission) never undoes the signature the signatory just gave.
    verify(models.delegateOf("ServiceTask_PutInForce"), never()).execute(any());
    assertThat(life).isWaitingAt("ServiceTask_PutInForce");

    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_PutInForce")).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyConventionSigned")).execute(any());
    assertThat(life).isWaitingAt("IntermediateEvent_LastDayPassed");
    assertThat(models.timer("BoundaryEvent_FirstReminder").getDuedate()).isEqualTo(paris(2026, 9, 28, 9, 0));
    assertThat(models.timer("BoundaryEvent_SecondReminder").getDuedate()).isEqualTo(paris(2026, 11, 28, 9, 0));
    assertThat(models.timer("IntermediateEvent_LastDayPassed").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2027-03-28T22:00:00Z")));
    assertThat(models.dueJobs()).isEmpty();
  }

  @Test
  void r02TwoRemindersThenTheEndAtMidnightInParisAfterTheLastDay() throws Exception {
    inForce(LocalDate.of(2024, 3, 29), LocalDate.of(2027, 3, 28));
    ProcessInstance life = lifeInstance();

    clockAt(2026, 9, 28, 8, 59);
    assertThat(models.dueJobs()).isEmpty();
    clockAt(2026, 9, 28, 9, 0);
    models.fireTimer("BoundaryEvent_FirstReminder");
    assertThat(life).isWaitingAt("ServiceTask_NotifyFirstReminder", "IntermediateEvent_LastDayPassed");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyFirstReminder"), times(1)).execute(any());
    assertThat(life).hasPassed("EndEvent_FirstReminderSent").isWaitingAt("IntermediateEvent_LastDayPassed");

    clockAt(2026, 11, 28, 8, 59);
    assertThat(models.dueJobs()).isEmpty();
    clockAt(2026, 11, 28, 9, 0);
    models.fireTimer("BoundaryEvent_SecondReminder");
    models.executeDueJobs();
    // Both reminders are the same mail, sent through the same bean.
    verify(models.delegateOf("ServiceTask_NotifySecondReminder"), times(2)).execute(any());
    assertThat(life).hasPassed("EndEvent_SecondReminderSent").isWaitingAt("IntermediateEvent_LastDayPassed");

    // 29 March 2027 begins the day after the clocks went forward (28 March 2027, 2:00 -> 3:00): UTC+2.
    clockAt(2027, 3, 28, 23, 59);
    assertThat(models.dueJobs()).isEmpty();
    verify(models.delegateOf("ServiceTask_ReachEnd"), never()).execute(any());
    clockAt(2027, 3, 29, 0, 0);
    models.fireTimer("IntermediateEvent_LastDayPassed");
    verify(models.delegateOf("ServiceTask_ReachEnd")).execute(any());
    assertThat(life).isWaitingAt("ServiceTask_NotifyConventionEnded");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyConventionEnded")).execute(any());
    assertThat(life).isEnded().hasPassed("EndEvent_ConventionEnded").hasNotPassed("EndEvent_ConventionTerminated");
  }

  /** The end timer fires at 0:00 in Paris after the last day, whichever side of a clock change it falls. */
  @ParameterizedTest(name = "signed {0}, last day {1}: ends at 0:00 Paris = {2}")
  @CsvSource({
    "2024-03-29, 2027-03-28, 2027-03-28T22:00:00Z", // summer time began on 28 March 2027
    "2024-10-31, 2027-10-30, 2027-10-30T22:00:00Z", // still summer time at 0:00 on 31 October 2027
    "2024-11-01, 2027-10-31, 2027-10-31T23:00:00Z", // winter time again from 31 October 2027, 3:00
  })
  void r02TheEndFiresAtMidnightInParisNotAMinuteBefore(LocalDate signedOn, LocalDate lastDay, Instant end)
      throws Exception {
    inForce(signedOn, lastDay);
    ProcessInstance life = lifeInstance();
    assertThat(models.timer("IntermediateEvent_LastDayPassed").getDuedate()).isEqualTo(Date.from(end));

    clockAt(lastDay.atTime(23, 59).atZone(ModelHarness.PARIS));
    models.executeDueJobs(); // the reminders, long due
    assertThat(models.isDue("IntermediateEvent_LastDayPassed")).isFalse();
    assertThat(life).isWaitingAt("IntermediateEvent_LastDayPassed");

    clockAt(lastDay.plusDays(1).atStartOfDay(ModelHarness.PARIS));
    models.fireTimer("IntermediateEvent_LastDayPassed");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_ReachEnd")).execute(any());
    assertThat(life).isEnded().hasPassed("EndEvent_ConventionEnded");
  }

  @Test
  void r07TheTerminationMessageEndsTheLifeAndCancelsItsTimers() throws Exception {
    inForce(LocalDate.of(2024, 3, 29), LocalDate.of(2027, 3, 28));
    ProcessInstance life = lifeInstance();
    clockAt(2026, 9, 28, 9, 0);
    models.executeDueJobs(); // first reminder sent
    assertThat(models.engine().getManagementService().createJobQuery().count()).isEqualTo(2);

    clockAt(2026, 10, 15, 14, 0);
    models.engine().getRuntimeService().createMessageCorrelation("ConventionTerminated")
        .processInstanceBusinessKey(BUSINESS_KEY)
        .correlate();

    assertThat(life).isEnded().hasPassed("EndEvent_ConventionTerminated").hasNotPassed("EndEvent_ConventionEnded");
    assertThat(models.engine().getManagementService().createJobQuery().count()).isZero();
    verify(models.delegateOf("ServiceTask_ReachEnd"), never()).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyConventionEnded"), never()).execute(any());
  }

  @Test
  void r07NoTerminationMessageIsAwaitedBeforeTheConventionIsInForce() {
    clockAt(2024, 3, 20, 10, 0);
    ProcessInstance life = start();
    assertThat(life).isWaitingAt("CallActivity_SignConvention");
    assertThat(models.engine().getRuntimeService().createEventSubscriptionQuery()
        .eventType("message").eventName("ConventionTerminated").count()).isZero();
  }

  @Test
  void aRefusedSignatureRecordsTheConventionNotSigned() throws Exception {
    clockAt(2024, 3, 20, 10, 0);
    ProcessInstance life = start();

    models.throwFromStub("SignatureRefusee");

    verify(models.delegateOf("ServiceTask_RecordNotSigned")).execute(any());
    verify(models.delegateOf("ServiceTask_PutInForce"), never()).execute(any());
    assertThat(life).isEnded().hasPassed("EndEvent_ConventionNotSigned");
  }

  // ---------------------------------------------------------------------------------------------------------

  private ProcessInstance start() {
    return models.start(BUSINESS_KEY, Map.of("conventionId", 42L, "organisationId", 7L));
  }

  private ProcessInstance lifeInstance() {
    return models.engine().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("Convention").processInstanceBusinessKey(BUSINESS_KEY).singleResult();
  }

  /** What the put-in-force delegate sets (R02): reminders at 9:00 six and four months before, end at 0:00 after. */
  private void inForceUntil(LocalDate lastDay) {
    models.sets(models.delegateOf("ServiceTask_PutInForce"), Map.of(
        "firstReminderAt", nineInParis(lastDay.minusMonths(6)),
        "secondReminderAt", nineInParis(lastDay.minusMonths(4)),
        "endsAt", parisMidnight(lastDay.plusDays(1))));
  }

  /** A convention signed on that day, waiting for its end. */
  private void inForce(LocalDate signedOn, LocalDate lastDay) throws Exception {
    clockAt(signedOn.atTime(11, 0).atZone(ModelHarness.PARIS));
    inForceUntil(lastDay);
    start();
    models.completeStub();
    models.executeDueJobs();
  }

  private static Date nineInParis(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(ModelHarness.PARIS).toInstant());
  }
}
