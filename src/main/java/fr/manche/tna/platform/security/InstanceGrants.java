package fr.manche.tna.platform.security;

import fr.manche.tna.membership.AccountService;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * What an organisation's people may read of a process about their organisation: the instance, its variables
 * and its history, never another organisation's. The instance belongs to the organisation's tenant ({@code
 * OrganisationTenants}); the members' group holds {@code READ_INSTANCE} and {@code READ_HISTORY} on the
 * process definition, which the tenant check restricts to the instances of their own organisation. No
 * authorization row is written per instance (README, "Isolation: how it works"). Called from process code
 * (inside an engine command), whoever runs it.
 */
public final class InstanceGrants {

  private static final Permission[] READ_OWN_INSTANCES = {
    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY
  };

  private InstanceGrants() {}

  /**
   * Lets the organisation's group read this process instance and its history: checks that the instance
   * belongs to the organisation's tenant, and lets the members read the instances of this process that
   * belong to their own organisation (granted once per process definition). Calling it twice changes nothing.
   *
   * @throws IllegalStateException when the instance is not the organisation's: nothing is committed
   */
  public static void letGroupRead(DelegateExecution execution, String groupId) {
    String tenantId = execution.getTenantId();
    if (!groupId.equals(tenantId)) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " belongs to tenant "
          + tenantId + ", not to the organisation of group " + groupId + ": its people may not read it");
    }
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              // A grant created earlier in this same command (two instances started at once) is not in the
              // database yet: look in the command's cache first, or the second insert would break the unique index.
              Authorization grant = Context.getCommandContext().getDbEntityManager()
                  .getCachedEntitiesByType(AuthorizationEntity.class).stream()
                  .filter(cached -> AccountService.ALL_MEMBERS_GROUP.equals(cached.getGroupId())
                      && cached.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
                      && processKey.equals(cached.getResourceId()))
                  .map(Authorization.class::cast)
                  .findFirst()
                  .orElseGet(() -> authorizations.createAuthorizationQuery()
                      .groupIdIn(AccountService.ALL_MEMBERS_GROUP)
                      .resourceType(Resources.PROCESS_DEFINITION)
                      .resourceId(processKey)
                      .singleResult());
              if (grant == null) {
                grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(AccountService.ALL_MEMBERS_GROUP);
                grant.setResource(Resources.PROCESS_DEFINITION);
                grant.setResourceId(processKey);
              } else if (grant.isPermissionGranted(READ_OWN_INSTANCES[0]) && grant.isPermissionGranted(READ_OWN_INSTANCES[1])) {
                return null;
              }
              for (Permission permission : READ_OWN_INSTANCES) {
                grant.addPermission(permission);
              }
              authorizations.saveAuthorization(grant);
              return null;
            });
  }
}
