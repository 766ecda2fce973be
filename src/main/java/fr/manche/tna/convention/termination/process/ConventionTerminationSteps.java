package fr.manche.tna.convention.termination.process;

import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.*;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.process.ConventionLifeProcess;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeService;
import fr.manche.tna.convention.termination.NoticeDecision;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.InstanceGrants;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code ConventionTermination} (R07), each a thin adapter from process variables to
 * {@link FormalNoticeService}, which checks everything on the server: a refused input keeps the start form or
 * the task open with a French message, and nothing is saved.
 */
@Configuration
class ConventionTerminationSteps {

  private static final Logger LOG = LoggerFactory.getLogger(ConventionTerminationSteps.class);

  /**
   * Records the notice in the start transaction; lets the organisation's group read the instance (what
   * concerns it, nothing else).
   */
  @Bean("recordFormalNotice")
  JavaDelegate recordFormalNotice(FormalNoticeService service, ConventionLifecycle lifecycle) {
    return execution -> {
      String actor = CurrentUser.inEngine(execution.getProcessEngineServices());
      if (actor == null) {
        actor = string(execution, "initiator");
      }
      FormalNotice notice =
          service.record(
              new FormalNoticeService.Submission(
                  string(execution, StartForm.SIRET),
                  string(execution, StartForm.FAILURE),
                  string(execution, StartForm.LETTER_REFERENCE),
                  string(execution, StartForm.SENT_ON)),
              execution.getProcessInstanceId(),
              actor != null ? actor : "systeme");
      Convention convention = lifecycle.convention(notice.conventionId());
      Organisation organisation = lifecycle.organisationOf(convention);
      execution.setVariable(NOTICE_ID, notice.id());
      execution.setVariable(CONVENTION_ID, convention.id());
      execution.setVariable(ORGANISATION_NAME, organisation.name());
      execution.setProcessBusinessKey(businessKey(notice.id()));
      if (organisation.memberGroupId() != null) {
        InstanceGrants.letGroupRead(execution, organisation.memberGroupId());
      }
    };
  }

  /** Records the acknowledgement of receipt and sets the end of the thirty days for the timer (R07). */
  @Bean("recordFormalNoticeAcknowledgement")
  TaskListener recordFormalNoticeAcknowledgement(FormalNoticeService service) {
    return task -> {
      FormalNotice notice = service.acknowledge(noticeId(task), string(task, ACKNOWLEDGED_ON), actor(task));
      task.setVariable(TERMINATION_POSSIBLE_AT, Date.from(notice.terminationPossibleFrom().orElseThrow().toInstant()));
      task.setVariable(TERMINATION_POSSIBLE_ON, notice.terminationPossibleFromLabel());
    };
  }

  /** During the thirty days: staff note that the failure is remedied; the notice is lifted. */
  @Bean("recordFormalNoticeRemedy")
  TaskListener recordFormalNoticeRemedy(FormalNoticeService service) {
    return task -> {
      FormalNotice notice = service.remedy(noticeId(task), task.getVariable(REMEDIED), string(task, REMEDY_COMMENT), actor(task));
      task.setVariable(OUTCOME, notice.status().name());
    };
  }

  /**
   * After the thirty days: terminate wholly or partly, or note the remedy. The service refuses a termination
   * before the end of the thirty days (R07), however the task was reached or completed (REST API included).
   */
  @Bean("decideConventionTermination")
  TaskListener decideConventionTermination(FormalNoticeService service) {
    return task -> {
      FormalNotice notice =
          service.decide(noticeId(task), NoticeDecision.fromSubmitted(string(task, DECISION)), string(task, DECISION_REASON), actor(task));
      task.setVariable(OUTCOME, notice.status().name());
    };
  }

  /**
   * A wholly terminated convention's life ends: the message {@value ConventionLifeProcess#TERMINATED_MESSAGE}
   * goes to its {@code Convention} instance, when one is waiting for it.
   */
  @Bean("endTerminatedConventionLife")
  JavaDelegate endTerminatedConventionLife() {
    return execution -> {
      long conventionId = ((Number) execution.getVariable(CONVENTION_ID)).longValue();
      String businessKey = ConventionLifeProcess.businessKey(conventionId);
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      // The person who decided need not be allowed to change the life instance: the model decides here.
      Context.getCommandContext().runWithoutAuthorization(() -> {
        List<String> waiting =
            runtime.createExecutionQuery()
                .processDefinitionKey(ConventionLifeProcess.KEY)
                .processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(ConventionLifeProcess.TERMINATED_MESSAGE)
                .list().stream()
                .map(Execution::getProcessInstanceId)
                .distinct()
                .toList();
        if (waiting.isEmpty()) {
          LOG.warn("Convention {} résiliée : aucune instance {} n'attend le message {}.", conventionId, ConventionLifeProcess.KEY,
              ConventionLifeProcess.TERMINATED_MESSAGE);
        }
        waiting.forEach(instanceId -> runtime.createMessageCorrelation(ConventionLifeProcess.TERMINATED_MESSAGE)
            .processInstanceId(instanceId)
            .correlate());
        return null;
      });
    };
  }

  private static long noticeId(VariableScope variables) {
    return ((Number) variables.getVariable(NOTICE_ID)).longValue();
  }

  private static String actor(DelegateTask task) {
    String current = CurrentUser.inEngine(task.getProcessEngineServices());
    return current != null ? current : task.getAssignee();
  }

  private static String string(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null ? null : value.toString();
  }
}
