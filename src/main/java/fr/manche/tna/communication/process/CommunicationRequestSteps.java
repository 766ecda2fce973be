package fr.manche.tna.communication.process;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.*;

import fr.manche.tna.communication.CommunicationDecision;
import fr.manche.tna.communication.CommunicationRequestService;
import fr.manche.tna.communication.CommunicationRequestService.Submission;
import fr.manche.tna.communication.JointReports;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.platform.time.ParisTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of the communication request and of its joint report, each a thin adapter from process variables to
 * {@link CommunicationRequestService} or {@link JointReports} (which check everything on the server).
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
      AGREED.set(execution, decision == CommunicationDecision.ACCORDEE);
    };
  }

  /** The member's amended request, checked when the amendment task is completed. */
  @Bean("amendCommunicationRequest")
  TaskListener amendCommunicationRequest(CommunicationRequestService service) {
    return task -> service.amend(REQUEST_ID.get(task), Actor.of(task), submission(task));
  }

  /**
   * Agreed (R21): the operation's report follows its diffusion (R22), in a process of its own ({@code JointReport}),
   * so that the request stays answered; the report's instance belongs to the member's organisation (its tenant: the
   * organisation given at its start).
   */
  @Bean("startJointReport")
  JavaDelegate startJointReport(RuntimeService runtime) {
    return execution -> {
      long requestId = REQUEST_ID.get(execution);
      Map<String, Object> variables = new HashMap<>();
      CommonVariables.ORGANISATION_ID.put(variables, CommonVariables.ORGANISATION_ID.get(execution));
      CommonVariables.MEMBER_GROUP_ID.put(variables, CommonVariables.MEMBER_GROUP_ID.get(execution));
      REQUEST_ID.put(variables, requestId);
      runtime.startProcessInstanceByKey(JointReportProcess.KEY, "compte-rendu-communication-" + requestId, variables);
    };
  }

  /** The member's organisation may read the joint report's instance. */
  @Bean("jointReportAccess")
  ExecutionListener jointReportAccess() {
    return execution -> InstanceGrants.letGroupRead(execution, CommonVariables.MEMBER_GROUP_ID.get(execution));
  }

  /**
   * When the member is asked for the report: the day after the planned diffusion, 9:00 Paris (at once if that is
   * past); reminded {@value JointReportProcess#REMINDER_DAYS} days later, 9:00 Paris.
   */
  @Bean("prepareJointReport")
  JavaDelegate prepareJointReport(CommunicationRequestService service) {
    return execution -> {
      LocalDate askOn = service.find(REQUEST_ID.get(execution)).plannedOn().plusDays(1);
      JointReportProcess.ASK_AT.set(execution, nineOclock(askOn));
      JointReportProcess.REMINDER_AT.set(execution, nineOclock(askOn.plusDays(JointReportProcess.REMINDER_DAYS)));
    };
  }

  /** The member's report (R22), checked and stored by {@link JointReports}; refused in French, the task stays open. */
  @Bean("fileJointReport")
  TaskListener fileJointReport(JointReports reports) {
    return task -> reports.file(REQUEST_ID.get(task), CommonVariables.ORGANISATION_ID.get(task),
        new JointReports.Submission(
            JointReportProcess.WHAT_WAS_DONE.getOrNull(task),
            JointReportProcess.PEOPLE_REACHED.getOrNull(task),
            JointReportProcess.DIFFUSIONS.getOrNull(task),
            JointReportProcess.PARTNERS.getOrNull(task),
            JointReportProcess.APPRECIATION.getOrNull(task),
            JointReportProcess.COMMENTS.getOrNull(task)),
        Actor.of(task));
  }

  private static Instant nineOclock(LocalDate day) {
    return day.atTime(LocalTime.of(9, 0)).atZone(ParisTime.ZONE).toInstant();
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
