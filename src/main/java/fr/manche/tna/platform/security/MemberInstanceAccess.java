package fr.manche.tna.platform.security;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Start listener of every member process ({@code <camunda:executionListener event="start"
 * delegateExpression="${memberInstanceAccess}"/>} on the process): the organisation of the person who starts
 * it, and only that organisation, may read this instance, its variables and its history. Sets the variables
 * {@value #ORGANISATION_ID} and {@value #MEMBER_GROUP_ID} (candidate group of the member's own tasks, which
 * the engine then authorizes for that group only, with TASK_WORK: work on it, not reassign it).
 */
@Component("memberInstanceAccess")
public class MemberInstanceAccess implements ExecutionListener {

  public static final String ORGANISATION_ID = "organisationId";
  public static final String MEMBER_GROUP_ID = "memberGroupId";

  private final AccountService accounts;
  private final OrganisationRepository organisations;

  MemberInstanceAccess(AccountService accounts, OrganisationRepository organisations) {
    this.accounts = accounts;
    this.organisations = organisations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String userId = CurrentUser.inEngine(execution.getProcessEngineServices());
    Person person = userId == null ? null : accounts.personOfUser(userId).orElse(null);
    if (person == null || !person.active()) {
      throw new InvalidInputException("Seules les personnes d'une structure membre peuvent faire cette demande.");
    }
    String groupId = organisations.findById(person.organisationId()).orElseThrow().memberGroupId();
    execution.setVariable(ORGANISATION_ID, person.organisationId());
    execution.setVariable(MEMBER_GROUP_ID, groupId);
    String instanceId = execution.getProcessInstanceId();
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              Authorization runtime = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
              runtime.setGroupId(groupId);
              runtime.setResource(Resources.PROCESS_INSTANCE);
              runtime.setResourceId(instanceId);
              runtime.addPermission(Permissions.READ);
              authorizations.saveAuthorization(runtime);
              Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
              history.setGroupId(groupId);
              history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
              history.setResourceId(instanceId);
              history.addPermission(HistoricProcessInstancePermissions.READ);
              authorizations.saveAuthorization(history);
              return null;
            });
  }
}
