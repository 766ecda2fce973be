package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.*;

import fr.manche.tna.communication.CommunicationDecision;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.communication.CommunicationRequestService.Submission;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of the communication request, each a thin adapter from process variables to
 * {@link CommunicationRequestService} (which checks everything on the server).
 */
@Configuration
class CommunicationRequestSteps {

  /** Records the member's request in the start transaction: bad input is refused and nothing is created. */
  @Bean("registerCommunicationRequest")
  JavaDelegate registerCommunicationRequest(CommunicationRequestService service) {
    return execution -> {
      long id = service.register(
          CommonVariables.ORGANISATION_ID.get(execution), execution.getProcessInstanceId(), Actor.of(execution), submission(execution));
      REQUEST_ID.set(execution, id);
      execution.setProcessBusinessKey("communication-" + id);
    };
  }

  /** Checks the referent's answer when the review task is completed; records who answered. */
  @Bean("checkCommunicationReview")
  TaskListener checkCommunicationReview() {
    return task -> {
      decision(task);
      CommonVariables.REVIEWER.set(task, Actor.of(task));
    };
  }

  @Bean("recordCommunicationDecision")
  JavaDelegate recordCommunicationDecision(CommunicationRequestService service) {
    return execution -> {
      CommunicationDecision decision = decision(execution);
      service.decide(REQUEST_ID.get(execution), decision, DECISION_COMMENT.getOrNull(execution),
          CommonVariables.REVIEWER.getOrNull(execution));
      CHANGES_REQUESTED.set(execution, decision.changesRequested());
    };
  }

  /** The member's amended request, checked when the amendment task is completed. */
  @Bean("amendCommunicationRequest")
  TaskListener amendCommunicationRequest(CommunicationRequestService service) {
    return task -> service.amend(REQUEST_ID.get(task), Actor.of(task), submission(task));
  }

  private static CommunicationDecision decision(VariableScope variables) {
    return CommunicationDecision.fromSubmitted(DECISION.getOrNull(variables), DECISION_COMMENT.getOrNull(variables));
  }

  private static Submission submission(VariableScope variables) {
    return new Submission(
        SUBJECT.getOrNull(variables),
        CONTENT.getOrNull(variables),
        MEDIA.getOrNull(variables),
        PARTNERS.getOrNull(variables),
        PLANNED_ON.getOrNull(variables));
  }
}
