package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.ConventionVariables.CONVENTION_ID;
import static fr.manche.tna.platform.process.CommonVariables.MEMBER_GROUP_ID;
import static fr.manche.tna.platform.process.CommonVariables.ORGANISATION_ID;
import static fr.manche.tna.platform.process.CommonVariables.ORGANISATION_NAME;

import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.StartForm;
import fr.manche.tna.platform.process.Actor;
import fr.manche.tna.platform.security.InstanceGrants;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code ConventionAmendment}: the organisation concerned is the member's own (a member's
 * SIRET is never trusted) or, for the département's staff, the one of the SIRET they give; it must have a
 * convention in force today. That organisation's group, and only it, may read the instance. Sets
 * {@code organisationId}, {@code memberGroupId}, {@code organisationName} and {@code conventionId}. A refusal shows its French message at the start form
 * and nothing is created.
 */
@Component("amendmentRequestAccess")
class AmendmentRequestAccess implements ExecutionListener {

  private final AmendmentService service;

  AmendmentRequestAccess(AmendmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AmendmentService.Requester requester =
        service.requester(Actor.of(execution), StartForm.SIRET.getOrNull(execution));
    String groupId = requester.organisation().memberGroupId();
    ORGANISATION_ID.set(execution, requester.organisation().id());
    MEMBER_GROUP_ID.set(execution, groupId);
    ORGANISATION_NAME.set(execution, requester.organisation().name());
    CONVENTION_ID.set(execution, requester.convention().id());
    // What the form said is replaced by the organisation actually concerned.
    StartForm.SIRET.set(execution, requester.organisation().siret());
    if (groupId != null) {
      InstanceGrants.letGroupRead(execution, groupId);
    }
  }
}
