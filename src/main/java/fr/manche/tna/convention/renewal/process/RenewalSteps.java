package fr.manche.tna.convention.renewal.process;

import static fr.manche.tna.convention.renewal.process.ConventionRenewalProcess.*;

import fr.manche.tna.convention.renewal.RenewalAnswer;
import fr.manche.tna.convention.renewal.RenewalService;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.security.InstanceGrants;
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
      RenewalService.Proposal proposal = service.propose(
          SIRET.getOrNull(execution), PROPOSAL_MESSAGE.getOrNull(execution), Actor.of(execution), execution.getProcessInstanceId());
      String memberGroup = proposal.organisation().memberGroupId();
      execution.setProcessBusinessKey(businessKey(proposal.renewal().id()));
      RENEWAL_ID.set(execution, proposal.renewal().id());
      RENEWED_CONVENTION_ID.set(execution, proposal.convention().id());
      CommonVariables.ORGANISATION_ID.set(execution, proposal.organisation().id());
      CommonVariables.MEMBER_GROUP_ID.set(execution, memberGroup);
      CommonVariables.ORGANISATION_NAME.set(execution, proposal.organisation().name());
      CURRENT_LAST_DAY.set(execution, proposal.currentLastDay());
      EXPIRES_AT.set(execution, proposal.expiresAt());
      SIGNATORY_NAME.set(execution, proposal.convention().memberSignatoryName());
      SIGNATORY_ROLE.set(execution, proposal.convention().memberSignatoryRole());
      SIGNATORY_EMAIL.set(execution, proposal.convention().memberSignatoryEmail());
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
      String userId = Actor.of(task);
      service.checkMayAnswer(renewalId(task), userId);
      RenewalAnswer answer = answer(task);
      RENEWAL_ACCEPTED.set(task, answer.accepted());
      ANSWERED_BY.set(task, userId);
    };
  }

  /** Accepted: the renewed convention is created, awaiting both signatures (in the answer's transaction). */
  @Bean("createConventionRenewal")
  JavaDelegate createConventionRenewal(RenewalService service) {
    return execution -> NEW_CONVENTION_ID.set(execution,
        service.accept(renewalId(execution), answer(execution), ANSWERED_BY.getOrNull(execution)));
  }

  @Bean("recordRenewalDeclined")
  JavaDelegate recordRenewalDeclined(RenewalService service) {
    return execution -> service.decline(renewalId(execution), answer(execution), ANSWERED_BY.getOrNull(execution));
  }

  /** The convention's end came without an answer. */
  @Bean("expireRenewalProposal")
  JavaDelegate expireRenewalProposal(RenewalService service) {
    return execution -> service.expire(renewalId(execution));
  }

  static long renewalId(VariableScope variables) {
    return RENEWAL_ID.get(variables);
  }

  private static RenewalAnswer answer(VariableScope variables) {
    return RenewalAnswer.fromSubmitted(
        ANSWER.getOrNull(variables),
        SIGNATORY_NAME.getOrNull(variables),
        SIGNATORY_ROLE.getOrNull(variables),
        SIGNATORY_EMAIL.getOrNull(variables),
        DECLINE_REASON.getOrNull(variables));
  }
}
