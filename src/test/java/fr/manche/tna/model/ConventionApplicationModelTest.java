package fr.manche.tna.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ConventionApplication.bpmn (R01): an ineligible organisation gets the refusal; the referents review the others
 * and accept (the convention's life starts), refuse, or ask to complete the application, which comes back to them.
 */
class ConventionApplicationModelTest {

  @RegisterExtension
  ModelHarness models = ModelHarness.of("bpmn/convention/ConventionApplication.bpmn");

  @Test
  void r01AnIneligibleOrganisationGetsTheRefusalAndNothingIsReviewed() throws Exception {
    models.sets(models.delegateOf("ServiceTask_RegisterApplication"), "applicationOutcome", "NON_RECEVABLE");
    ProcessInstance application = file();

    assertThat(application).isWaitingAt("ServiceTask_NotifyIneligible");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyIneligible")).execute(any());
    verify(models.delegateOf("ServiceTask_NotifyReviewers"), never()).execute(any());
    assertThat(application).isEnded().hasPassed("EndEvent_ApplicationIneligible");
  }

  @Test
  void anAcceptedApplicationIsMailedThenOpensTheSignature() throws Exception {
    ProcessInstance application = file();
    verify(models.delegateOf("ServiceTask_RegisterApplication")).execute(any());
    assertThat(application).isWaitingAt("ServiceTask_NotifyReviewers");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyReviewers")).execute(any());
    assertThat(application).isWaitingAt("UserTask_ReviewApplication");
    assertThat(models.task("UserTask_ReviewApplication")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Examiner la demande de convention");

    review("accepter", "ACCEPTEE");
    verify(models.taskListenerOf("UserTask_ReviewApplication", "complete")).notify(any(DelegateTask.class));
    verify(models.delegateOf("ServiceTask_RecordDecision")).execute(any());
    assertThat(application).isWaitingAt("ServiceTask_NotifyApplicant");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyApplicant")).execute(any());
    verify(models.delegateOf("ServiceTask_OpenSignature")).execute(any());
    assertThat(application).isEnded().hasPassed("EndEvent_ApplicationAccepted");
  }

  @Test
  void aRefusedApplicationIsMailedAndEnds() throws Exception {
    ProcessInstance application = models.startBefore("UserTask_ReviewApplication", Map.of("conventionId", 42L));
    review("refuser", "REFUSEE");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyApplicant")).execute(any());
    verify(models.delegateOf("ServiceTask_OpenSignature"), never()).execute(any());
    assertThat(application).isEnded().hasPassed("EndEvent_ApplicationRefused");
  }

  @Test
  void anApplicationToCompleteComesBackToTheReviewOnceCompleted() throws Exception {
    ProcessInstance application = models.startBefore("UserTask_ReviewApplication", Map.of("conventionId", 42L));
    review("completer", "A_COMPLETER");
    models.executeDueJobs();
    assertThat(application).isWaitingAt("UserTask_CompleteApplication");
    assertThat(models.task("UserTask_CompleteApplication")).hasCandidateGroup("tna-referents-reseau")
        .hasName("Compléter la demande de convention");

    models.engine().getTaskService().complete(models.task("UserTask_CompleteApplication").getId());
    verify(models.taskListenerOf("UserTask_CompleteApplication", "complete")).notify(any(DelegateTask.class));
    assertThat(application).isWaitingAt("UserTask_ReviewApplication");

    review("accepter", "ACCEPTEE");
    models.executeDueJobs();
    verify(models.delegateOf("ServiceTask_NotifyApplicant"), times(2)).execute(any());
    assertThat(application).isEnded().hasPassed("EndEvent_ApplicationAccepted");
  }

  private ProcessInstance file() {
    return models.start(Map.of("siret", "21505019300014", "organisationName", "Commune de Gavray-sur-Sienne"));
  }

  /** The referent's decision, and the outcome the decision's delegate records for the gateway. */
  private void review(String decision, String outcome) {
    models.sets(models.delegateOf("ServiceTask_RecordDecision"), "applicationOutcome", outcome);
    models.engine().getTaskService().complete(models.task("UserTask_ReviewApplication").getId(),
        Map.of("decision", decision));
  }
}
