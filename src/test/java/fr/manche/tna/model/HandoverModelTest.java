package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Handover.bpmn (R12): the member books a slot, the booking is confirmed, reminded the day before (10:00 Paris) and
 * recorded at the appointment; a move or a cancellation is confirmed and the process looks again at the booking; a
 * missed appointment asks for another; after an extension the process finds the booking already held.
 */
class HandoverModelTest {

  private static final Map<String, Object> CALLED_WITH = Map.of("loanRequestId", 42L, "handoverKind", "RETRAIT",
      "memberGroupId", "membre-12", "organisationId", 12L);

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/handover/Handover.bpmn");

  @BeforeEach
  void clock() {
    ModelHarness.clockAt(2027, 3, 1, 10, 0);
  }

  /** What « Voir si un créneau est réservé » finds: the tasks' names, and a booking or none. */
  private void prepareFinds(boolean booked) {
    models.sets(models.delegateOf("ServiceTask_PrepareHandover"), Map.of("handoverBooked", booked,
        "bookingTaskName", "Réserver un créneau pour retirer le matériel",
        "handoverTaskName", "Remettre le matériel à la structure : état des lieux de départ",
        "handoverReminderAt", reminderAt(27)));
  }

  private ProcessInstance booked() throws Exception {
    prepareFinds(false);
    ProcessInstance handover = models.start("pret-42", CALLED_WITH);
    verify(models.executionListenerOf("Handover", "start")).notify(any(DelegateExecution.class));
    assertThat(handover).isWaitingAt("UserTask_BookSlot");
    assertThat(models.task("UserTask_BookSlot")).hasCandidateGroup("membre-12")
        .hasName("Réserver un créneau pour retirer le matériel");
    models.sets(models.taskListenerOf("UserTask_BookSlot", "complete"), "handoverReminderAt", reminderAt(27));
    models.engine().getTaskService().complete(models.task("UserTask_BookSlot").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyBooked")).execute(any());
    assertThat(handover).isWaitingAt("UserTask_Handover");
    assertThat(models.task("UserTask_Handover")).hasCandidateGroup("tna-gestionnaires-materiel")
        .hasName("Remettre le matériel à la structure : état des lieux de départ");
    return handover;
  }

  @Test
  void aBookingIsConfirmedRemindedTheDayBeforeAndRecorded() throws Exception {
    ProcessInstance handover = booked();
    ModelHarness.clockAt(2027, 3, 27, 9, 59);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindHandover"), never()).execute(any());
    ModelHarness.clockAt(2027, 3, 27, 10, 0);
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_RemindHandover")).execute(any());
    assertThat(handover).isWaitingAt("UserTask_Handover");

    models.sets(models.taskListenerOf("UserTask_Handover", "complete"), "handoverDone", true);
    models.engine().getTaskService().complete(models.task("UserTask_Handover").getId());
    assertThat(handover).isEnded().hasPassed("EndEvent_HandoverDone").hasNotPassed("ServiceTask_NotifyMissed");
  }

  @Test
  void aMoveIsConfirmedAndAMissedAppointmentAsksForAnother() throws Exception {
    ProcessInstance handover = booked();
    prepareFinds(true);
    models.engine().getRuntimeService().createMessageCorrelation("HandoverChanged").processInstanceId(handover.getId())
        .correlate();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyChanged")).execute(any());
    assertThat(handover).isWaitingAt("UserTask_Handover");

    prepareFinds(false);
    models.sets(models.taskListenerOf("UserTask_Handover", "complete"), "handoverDone", false);
    models.engine().getTaskService().complete(models.task("UserTask_Handover").getId());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyMissed")).execute(any());
    assertThat(handover).isWaitingAt("UserTask_BookSlot");
    verify(models.delegateOf("ServiceTask_PrepareHandover"), times(3)).execute(any());
  }

  @Test
  void startedAgainWithABookingHeldItWaitsForTheAppointment() throws Exception {
    prepareFinds(true);
    ProcessInstance handover = models.start("pret-42", CALLED_WITH);
    assertThat(handover).isWaitingAt("UserTask_Handover").hasNotPassed("UserTask_BookSlot");
  }

  private static Date reminderAt(int march) {
    return Date.from(ModelHarness.parisTime(2027, 3, march, 10, 0).toInstant());
  }
}
