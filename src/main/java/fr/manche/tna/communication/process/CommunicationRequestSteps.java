package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.*;

import fr.manche.tna.communication.CommunicationDecision;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.communication.CommunicationRequestService.Submission;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.membership.MemberInstanceAccess;
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
      long id =
          service.register(
              (Long) execution.getVariable(MemberInstanceAccess.ORGANISATION_ID),
              execution.getProcessInstanceId(),
              CurrentUser.inEngine(execution.getProcessEngineServices()),
              submission(execution));
      execution.setVariable(REQUEST_ID, id);
      execution.setProcessBusinessKey("communication-" + id);
    };
  }

  /** Checks the referent's answer when the review task is completed; records who answered. */
  @Bean("checkCommunicationReview")
  TaskListener checkCommunicationReview() {
    return task -> {
      CommunicationDecision.fromSubmitted(
          (String) task.getVariable(DECISION), (String) task.getVariable(DECISION_COMMENT));
      task.setVariable(
          REVIEWER, task.getAssignee() != null ? task.getAssignee() : CurrentUser.inEngine(task.getProcessEngineServices()));
    };
  }

  @Bean("recordCommunicationDecision")
  JavaDelegate recordCommunicationDecision(CommunicationRequestService service) {
    return execution -> {
      CommunicationDecision decision =
          CommunicationDecision.fromSubmitted(
              (String) execution.getVariable(DECISION), (String) execution.getVariable(DECISION_COMMENT));
      service.decide(
          (Long) execution.getVariable(REQUEST_ID),
          decision,
          (String) execution.getVariable(DECISION_COMMENT),
          (String) execution.getVariable(REVIEWER));
      execution.setVariable(CHANGES_REQUESTED, decision == CommunicationDecision.A_MODIFIER);
    };
  }

  /** The member's amended request, checked when the amendment task is completed. */
  @Bean("amendCommunicationRequest")
  TaskListener amendCommunicationRequest(CommunicationRequestService service) {
    return task -> service.amend(
        (Long) task.getVariable(REQUEST_ID), CurrentUser.inEngine(task.getProcessEngineServices()), submission(task));
  }

  private static Submission submission(VariableScope variables) {
    return new Submission(
        (String) variables.getVariable(SUBJECT),
        (String) variables.getVariable(CONTENT),
        (String) variables.getVariable(MEDIA),
        (String) variables.getVariable(PARTNERS),
        (String) variables.getVariable(PLANNED_ON));
  }
}
