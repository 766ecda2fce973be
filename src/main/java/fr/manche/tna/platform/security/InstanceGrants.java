package fr.manche.tna.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Per-instance grants, the unit of isolation between members: a member organisation's group may read one
 * process instance, its variables and its history, and nothing else. Called from process code (inside an
 * engine command), whoever runs it.
 */
public final class InstanceGrants {

  private InstanceGrants() {}

  /** Lets the group read this process instance and its history. Granting twice changes nothing. */
  public static void letGroupRead(DelegateExecution execution, String groupId) {
    String instanceId = execution.getProcessInstanceId();
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              boolean granted =
                  authorizations.createAuthorizationQuery()
                          .groupIdIn(groupId)
                          .resourceType(Resources.PROCESS_INSTANCE)
                          .resourceId(instanceId)
                          .count()
                      > 0;
              if (granted) {
                return null;
              }
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
