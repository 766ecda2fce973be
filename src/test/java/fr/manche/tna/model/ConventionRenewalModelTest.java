package fr.manche.tna.model;

import static fr.manche.tna.model.ModelHarness.clockAt;
import static fr.manche.tna.model.ModelHarness.parisMidnight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConventionRenewal.bpmn (R03): the referent proposes, the member's organisation answers before the current
 * convention's end; accepted, the renewed convention's life starts (with the new convention's id); without an
 * answer the proposal expires at the end, at midnight in Paris.
 */
class ConventionRenewalModelTest {

  /** The current convention's last day is 28 March 2027 (the day the clocks go forward): it expires at 0:00 on the 29th. */
  private static final Date EXPIRES_AT = parisMidnight(LocalDate.of(2027, 3, 29));

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/convention/ConventionRenewal.bpmn");

  private ProcessInstance renewal;

  @BeforeEach
  void proposed() throws Exception {
    clockAt(2026, 12, 15, 10, 0);
    models.sets(models.delegateOf("ServiceTask_RegisterProposal"), Map.of(
        "renewedConventionId", 42L, "memberGroupId", "membre-villedieu", "proposalExpiresAt", EXPIRES_AT));
    renewal = models.start(Map.of("siret", "21505019300014", "proposalMessage", "Poursuivons ensemble"));
    verify(models.delegateOf("ServiceTask_RegisterProposal")).execute(any());
    assertThat(renewal).isWaitingAt("ServiceTask_NotifyMemberOfProposal");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyMemberOfProposal")).execute(any());
  }

  @Test
  void theMembersOrganisationAnswersUntilTheEndOfTheConvention() {
    assertThat(renewal).isWaitingAt("UserTask_AnswerProposal");
    assertThat(models.task("UserTask_AnswerProposal")).hasCandidateGroup("membre-villedieu")
        .hasName("Répondre à la proposition de renouvellement");
    assertThat(models.timer("BoundaryEvent_ConventionEnd").getDuedate())
        .isEqualTo(Date.from(Instant.parse("2027-03-28T22:00:00Z")));
  }

  @Test
  void r03AnAcceptedProposalStartsTheRenewedConventionsLife() throws Exception {
    AtomicReference<Object> startedFor = new AtomicReference<>();
    models.answers(models.delegateOf("ServiceTask_OpenSignature"), invocation -> {
      startedFor.set(((DelegateExecution) invocation.getArgument(0)).getVariable("conventionId"));
      return null;
    });
    models.sets(models.delegateOf("ServiceTask_CreateRenewal"), "newConventionId", 43L);

    answer(true);
    verify(models.taskListenerOf("UserTask_AnswerProposal", "complete")).notify(any(DelegateTask.class));
    verify(models.delegateOf("ServiceTask_CreateRenewal")).execute(any());
    assertThat(renewal).isWaitingAt("ServiceTask_OpenSignature");
    models.executeDueJobs();

    verify(models.delegateOf("ServiceTask_OpenSignature")).execute(any());
    assertThat(startedFor.get()).as("the life started is the new convention's").isEqualTo(43L);
    verify(models.delegateOf("ServiceTask_NotifyReferentsAccepted")).execute(any());
    assertThat(renewal).isEnded().hasPassed("EndEvent_RenewalAccepted");
    assertThat(models.engine().getManagementService().createJobQuery().count()).as("expiry timer cancelled").isZero();
  }

  @Test
  void r03ADeclinedProposalIsRecordedAndTheReferentsToldSo() throws Exception {
    answer(false);
    verify(models.delegateOf("ServiceTask_RecordDeclined")).execute(any());
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferentsDeclined")).execute(any());
    verify(models.delegateOf("ServiceTask_CreateRenewal"), never()).execute(any());
    assertThat(renewal).isEnded().hasPassed("EndEvent_RenewalDeclined");
  }

  @Test
  void r03WithoutAnswerTheProposalExpiresAtMidnightInParisAfterTheLastDay() throws Exception {
    clockAt(2027, 3, 28, 23, 59);
    assertThat(models.dueJobs()).isEmpty();
    assertThat(renewal).isWaitingAt("UserTask_AnswerProposal");

    clockAt(2027, 3, 29, 0, 0);
    models.fireTimer("BoundaryEvent_ConventionEnd");
    verify(models.delegateOf("ServiceTask_ExpireProposal")).execute(any());
    assertThat(models.task("UserTask_AnswerProposal")).as("the member can no longer answer").isNull();
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReferentsExpired")).execute(any());
    verify(models.taskListenerOf("UserTask_AnswerProposal", "complete"), never()).notify(any(DelegateTask.class));
    assertThat(renewal).isEnded().hasPassed("EndEvent_ProposalExpired");
  }

  /** The organisation's answer, and what the answer's listener records for the gateway. */
  private void answer(boolean accepted) {
    models.sets(models.taskListenerOf("UserTask_AnswerProposal", "complete"), "renewalAccepted", accepted);
    models.engine().getTaskService().complete(models.task("UserTask_AnswerProposal").getId(),
        Map.of("answer", accepted ? "accepter" : "refuser"));
  }
}
