package fr.manche.tna.convention.termination.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;
import static fr.manche.tna.convention.termination.process.ConventionTerminationProcess.*;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.ConventionLifecycle;
import fr.manche.tna.convention.termination.FormalNotice;
import fr.manche.tna.convention.termination.FormalNoticeService;
import fr.manche.tna.convention.termination.NoticeDecision;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
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
      FormalNotice notice =
          service.record(
              new FormalNoticeService.Submission(
                  StartForm.SIRET.getOrNull(execution),
                  StartForm.FAILURE.getOrNull(execution),
                  StartForm.LETTER_REFERENCE.getOrNull(execution),
                  StartForm.SENT_ON.getOrNull(execution)),
              execution.getProcessInstanceId(),
              Actor.of(execution));
      Convention convention = lifecycle.convention(notice.conventionId());
      Organisation organisation = lifecycle.organisationOf(convention);
      NOTICE_ID.set(execution, notice.id());
      CONVENTION_ID.set(execution, convention.id());
      CommonVariables.ORGANISATION_NAME.set(execution, organisation.name());
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
      FormalNotice notice = service.acknowledge(noticeId(task), ACKNOWLEDGED_ON.getOrNull(task), Actor.of(task));
      TERMINATION_POSSIBLE_AT.set(task, notice.terminationPossibleFrom().orElseThrow().toInstant());
      TERMINATION_POSSIBLE_ON.set(task, notice.terminationPossibleFromLabel());
    };
  }

  /** During the thirty days: staff note that the failure is remedied; the notice is lifted. */
  @Bean("recordFormalNoticeRemedy")
  TaskListener recordFormalNoticeRemedy(FormalNoticeService service) {
    return task -> {
      FormalNotice notice = service.remedy(noticeId(task), REMEDIED.getOrNull(task), REMEDY_COMMENT.getOrNull(task), Actor.of(task));
      OUTCOME.set(task, notice.status());
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
          service.decide(noticeId(task), NoticeDecision.fromSubmitted(DECISION.getOrNull(task)), DECISION_REASON.getOrNull(task), Actor.of(task));
      OUTCOME.set(task, notice.status());
    };
  }

  private static long noticeId(VariableScope variables) {
    return NOTICE_ID.get(variables);
  }
}
