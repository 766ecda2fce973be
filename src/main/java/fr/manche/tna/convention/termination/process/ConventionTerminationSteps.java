package fr.manche.tna.convention.termination.process;

import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.*;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeService;
import fr.manche.tna.convention.termination.NoticeDecision;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.InstanceGrants;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of {@code ConventionTermination} (R07), each a thin adapter from process variables to
 * {@link FormalNoticeService}, which checks everything on the server: a refused input keeps the start form or
 * the task open with a French message, and nothing is saved.
 */
@Configuration
class ConventionTerminationSteps {

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
