package fr.manche.tna.convention.renewal.process;

import static fr.manche.tna.convention.renewal.process.ConventionRenewalProcess.*;

import fr.manche.tna.convention.Convention;
import fr.manche.tna.convention.renewal.RenewalAnswer;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.InstanceGrants;
import fr.manche.tna.membership.MemberInstanceAccess;
import fr.manche.tna.platform.time.ParisTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of the renewal (R03), each a thin adapter from process variables to {@link RenewalService},
 * which checks everything on the server.
 */
@Configuration
class RenewalSteps {

  /**
   * Records the proposal in the start transaction (a refused proposal creates nothing), lets the member's
   * group read this instance and prefills the answer form with the current signatory.
   */
  @Bean("registerRenewalProposal")
  JavaDelegate registerRenewalProposal(RenewalService service) {
    return execution -> {
      String proposedBy = CurrentUser.inEngine(execution.getProcessEngineServices());
      RenewalService.Proposal proposal = service.propose(
          (String) execution.getVariable(SIRET),
          (String) execution.getVariable(PROPOSAL_MESSAGE),
          proposedBy == null ? "système" : proposedBy,
          execution.getProcessInstanceId());
      Convention current = proposal.convention();
      String memberGroup = proposal.organisation().memberGroupId();
      execution.setProcessBusinessKey(businessKey(proposal.renewal().id()));
      execution.setVariable(RENEWAL_ID, proposal.renewal().id());
      execution.setVariable(RENEWED_CONVENTION_ID, current.id());
      execution.setVariable(MemberInstanceAccess.ORGANISATION_ID, proposal.organisation().id());
      execution.setVariable(MemberInstanceAccess.MEMBER_GROUP_ID, memberGroup);
      execution.setVariable(ORGANISATION_NAME, proposal.organisation().name());
      execution.setVariable(CURRENT_LAST_DAY, ParisTime.formatDate(current.lastDay()));
      execution.setVariable(EXPIRES_AT, Date.from(RenewalService.expiresOn(current).atStartOfDay(ParisTime.ZONE).toInstant()));
      execution.setVariable(SIGNATORY_NAME, current.memberSignatoryName());
      execution.setVariable(SIGNATORY_ROLE, current.memberSignatoryRole());
      execution.setVariable(SIGNATORY_EMAIL, current.memberSignatoryEmail());
      InstanceGrants.letGroupRead(execution, memberGroup);
    };
  }

  /**
   * Checks the member's answer when the task is completed: given by a person of the organisation, accepting
   * with a signatory or declining. A refusal shows the French message and nothing is saved.
   */
  @Bean("checkRenewalAnswer")
  TaskListener checkRenewalAnswer(RenewalService service) {
    return task -> {
      String userId = CurrentUser.inEngine(task.getProcessEngineServices());
      if (userId == null) {
        userId = task.getAssignee();
      }
      service.checkMayAnswer(renewalId(task), userId);
      RenewalAnswer answer = answer(task);
      task.setVariable(RENEWAL_ACCEPTED, answer.accepted());
      task.setVariable(ANSWERED_BY, userId);
    };
  }

  /** Accepted: the renewed convention is created, awaiting both signatures (in the answer's transaction). */
  @Bean("createConventionRenewal")
  JavaDelegate createConventionRenewal(RenewalService service) {
    return execution -> {
      long newConventionId = service.accept(renewalId(execution), answer(execution), (String) execution.getVariable(ANSWERED_BY));
      execution.setVariable(NEW_CONVENTION_ID, newConventionId);
    };
  }

  @Bean("recordRenewalDeclined")
  JavaDelegate recordRenewalDeclined(RenewalService service) {
    return execution -> service.decline(renewalId(execution), answer(execution), (String) execution.getVariable(ANSWERED_BY));
  }

  /** The convention's end came without an answer. */
  @Bean("expireRenewalProposal")
  JavaDelegate expireRenewalProposal(RenewalService service) {
    return execution -> service.expire(renewalId(execution));
  }

  static long renewalId(VariableScope variables) {
    return ((Number) variables.getVariable(RENEWAL_ID)).longValue();
  }

  private static RenewalAnswer answer(VariableScope variables) {
    return RenewalAnswer.fromSubmitted(
        (String) variables.getVariable(ANSWER),
        (String) variables.getVariable(SIGNATORY_NAME),
        (String) variables.getVariable(SIGNATORY_ROLE),
        (String) variables.getVariable(SIGNATORY_EMAIL),
        (String) variables.getVariable(DECLINE_REASON));
  }
}
