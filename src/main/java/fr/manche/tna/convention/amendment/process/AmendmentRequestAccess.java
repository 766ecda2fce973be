package fr.manche.tna.convention.amendment.process;

import static fr.manche.tna.convention.amendment.process.ConventionAmendmentProcess.*;

import fr.manche.tna.convention.amendment.AmendmentService;
import fr.manche.tna.platform.security.CurrentUser;
import fr.manche.tna.platform.security.InstanceGrants;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code ConventionAmendment}: the organisation concerned is the member's own (a member's
 * SIRET is never trusted) or, for the département's staff, the one of the SIRET they give; it must have a
 * convention in force today. That organisation's group, and only it, may read the instance. Sets
 * {@value ConventionAmendmentProcess#ORGANISATION_ID}, {@value ConventionAmendmentProcess#MEMBER_GROUP_ID} and
 * {@value ConventionAmendmentProcess#CONVENTION_ID}. A refusal shows its French message at the start form
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
        service.requester(CurrentUser.inEngine(execution.getProcessEngineServices()), (String) execution.getVariable(StartForm.SIRET));
    String groupId = requester.organisation().memberGroupId();
    execution.setVariable(ORGANISATION_ID, requester.organisation().id());
    execution.setVariable(MEMBER_GROUP_ID, groupId);
    execution.setVariable(ORGANISATION_NAME, requester.organisation().name());
    execution.setVariable(CONVENTION_ID, requester.convention().id());
    // What the form said is replaced by the organisation actually concerned.
    execution.setVariable(StartForm.SIRET, requester.organisation().siret());
    if (groupId != null) {
      InstanceGrants.letGroupRead(execution, groupId);
    }
  }
}
