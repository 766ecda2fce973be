package fr.manche.tna.convention.process;

import static fr.manche.tna.convention.process.ConventionApplicationProcess.APPLICATION_OUTCOME;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import fr.manche.tna.test.ProcessTestEngine;

/** The paths of ConventionApplication.bpmn, delegates mocked: where it waits, where it ends. */
@Deployment(resources = "bpmn/convention/ConventionApplication.bpmn")
class ConventionApplicationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  JavaDelegate register = mock(JavaDelegate.class);
  JavaDelegate recordDecision = mock(JavaDelegate.class);
  JavaDelegate notifyReviewers = mock(JavaDelegate.class);
  JavaDelegate notifyApplicant = mock(JavaDelegate.class);
  JavaDelegate startLife = mock(JavaDelegate.class);
  TaskListener checkReview = mock(TaskListener.class);
  TaskListener completeApplication = mock(TaskListener.class);

  @BeforeEach
  void registerMocks() {
    // Other engines live in the same JVM (the application tests'): name the one to assert on.
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("registerConventionApplication", register);
    Mocks.register("recordConventionDecision", recordDecision);
    Mocks.register("notifyConventionReviewers", notifyReviewers);
    Mocks.register("notifyConventionApplicant", notifyApplicant);
    Mocks.register("startConventionLife", startLife);
    Mocks.register("checkConventionReview", checkReview);
    Mocks.register("completeConventionApplication", completeApplication);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void anAcceptedApplicationIsNotifiedAfterTheReviewAndEndsAccepted() throws Exception {
    decisionIs("ACCEPTEE");
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(ConventionApplicationProcess.KEY);

    assertThat(instance).isWaitingAt(ConventionApplicationProcess.NOTIFY_REVIEWERS);
    verify(register).execute(any());
    execute(job());
    assertThat(instance).isWaitingAt(ConventionApplicationProcess.REVIEW_TASK);
    assertThat(task()).hasCandidateGroup("tna-referents-reseau").hasName("Examiner la demande de convention");

    complete(task(), withVariables("decision", "accepter"));
    assertThat(instance).isWaitingAt(ConventionApplicationProcess.NOTIFY_APPLICANT);
    verify(checkReview).notify(any());
    execute(job());
    verify(notifyApplicant).execute(any());
    assertThat(instance).isWaitingAt("ServiceTask_OpenSignature");
    execute(job());
    verify(startLife).execute(any());
    assertThat(instance).isEnded().hasPassed("EndEvent_ApplicationAccepted");
  }

  @Test
  void aRefusedApplicationEndsRefused() throws Exception {
    decisionIs("REFUSEE");
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceByKey(ConventionApplicationProcess.KEY)
            .startBeforeActivity(ConventionApplicationProcess.REVIEW_TASK)
            .execute();

    complete(task(instance), withVariables("decision", "refuser"));
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_ApplicationRefused").hasNotPassed("EndEvent_ApplicationAccepted");
  }

  @Test
  void anApplicationToCompleteGoesBackToTheReviewOnceCompleted() throws Exception {
    decisionIs("A_COMPLETER");
    ProcessInstance instance =
        runtimeService()
            .createProcessInstanceByKey(ConventionApplicationProcess.KEY)
            .startBeforeActivity(ConventionApplicationProcess.REVIEW_TASK)
            .execute();
    complete(task(instance), withVariables("decision", "completer"));
    execute(job(instance));
    assertThat(instance).isWaitingAt(ConventionApplicationProcess.COMPLETE_TASK);
    assertThat(task(instance)).hasCandidateGroup("tna-referents-reseau").hasName("Compléter la demande de convention");
    verify(completeApplication, never()).notify(any());

    complete(task(instance));
    verify(completeApplication).notify(any());
    assertThat(instance).isWaitingAt(ConventionApplicationProcess.REVIEW_TASK);
  }

  private void decisionIs(String outcome) throws Exception {
    doAnswer(
            invocation -> {
              APPLICATION_OUTCOME.set((DelegateExecution) invocation.getArgument(0), outcome);
              return null;
            })
        .when(recordDecision)
        .execute(any());
  }
}
