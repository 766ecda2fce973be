package fr.manche.tna.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.platform.security.StaffGroup;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.filter.Filter;
import fr.manche.tna.platform.web.TasklistFilters;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing authorizations (authorization checks are on): what each group may do on any resource. What a
 * member may see of their organisation's requests: {@link InstanceGrants} and {@code membership.OrganisationTenants}. Who may
 * start a process is read from its model ({@code camunda:candidateStarterGroups}). Idempotent: run at every
 * start, it adds only what is missing.
 *
 * <ul>
 *   <li>administrators ({@code camunda-admin}): everything;
 *   <li>staff groups: Tasklist and Cockpit; read every process, task and their history (each through one
 *       grant only); work on tasks; read users and groups;
 *   <li>members ({@value AccountService#ALL_MEMBERS_GROUP}): Tasklist only; create instances of the processes
 *       whose model names them as starters; nothing else unless granted per instance;
 *   <li>everyone: read the shared Tasklist filters.
 * </ul>
 */
@Component
@Order(1)
class AuthorizationSetup implements ApplicationRunner {

  private static final List<StaffGroup> WORKING_STAFF =
      List.of(StaffGroup.NETWORK_REFERENTS, StaffGroup.EQUIPMENT_MANAGERS, StaffGroup.SIGNATORIES);

  private final AuthorizationService authorizations;
  private final RepositoryService repositoryService;
  private final FilterService filterService;

  AuthorizationSetup(AuthorizationService authorizations, RepositoryService repositoryService, FilterService filterService) {
    this.authorizations = authorizations;
    this.repositoryService = repositoryService;
    this.filterService = filterService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Resources resource : Resources.values()) {
      grant(StaffGroup.ADMINISTRATORS.groupId(), resource, "*", Permissions.ALL);
    }
    for (StaffGroup staff : WORKING_STAFF) {
      String group = staff.groupId();
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      // Each right once: the engine accepts either of two grants to read an instance, its history or a task, and
      // a query joins every grant that matches; granted twice, staff's counts over the network took twice as long.
      // Instances and their history through the process definitions, tasks through TASK.
      grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      withdraw(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK);
      grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      withdraw(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
      withdraw(group, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
      grant(group, Resources.TASK, "*", Permissions.READ, Permissions.TASK_WORK, Permissions.TASK_ASSIGN);
      // Also what ScalableAuthorizations looks for before granting a task's history to staff.
      grant(group, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
      grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
      grant(group, Resources.USER, "*", Permissions.READ);
      grant(group, Resources.GROUP, "*", Permissions.READ);
    }
    grant(AccountService.ALL_MEMBERS_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(AccountService.ALL_MEMBERS_GROUP, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    for (Filter filter : filterService.createFilterQuery().list()) {
      Object groups = filter.getProperties() == null ? null : filter.getProperties().get(TasklistFilters.GROUPS_PROPERTY);
      if (groups instanceof String names && !names.isBlank()) {
        // A role's filter (TasklistFilters.RoleFilter): only its groups read it.
        Arrays.stream(names.split(",")).map(String::trim).filter(group -> !group.isEmpty())
            .forEach(group -> grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
      } else {
        grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    grantStarters();
  }

  /** READ and CREATE_INSTANCE on each process definition for the groups its model names as starters. */
  private void grantStarters() {
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      Process process =
          repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
      String starters = process.getCamundaCandidateStarterGroups();
      if (starters == null) {
        continue;
      }
      Arrays.stream(starters.split(","))
          .map(String::trim)
          .filter(group -> !group.isEmpty())
          .forEach(group -> grant(group, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.READ,
              Permissions.CREATE_INSTANCE));
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      missing |= !authorization.isPermissionGranted(permission);
      authorization.addPermission(permission);
    }
    if (existing == null || missing) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Takes these permissions back from the group's grant, if it has them; a grant left with none goes. */
  private void withdraw(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null || java.util.Arrays.stream(permissions).noneMatch(existing::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      existing.removePermission(permission);
    }
    if (isEmpty(existing, resource)) {
      authorizations.deleteAuthorization(existing.getId());
    } else {
      authorizations.saveAuthorization(existing);
    }
  }

  private static boolean isEmpty(Authorization authorization, Resource resource) {
    return java.util.Arrays.stream(org.camunda.bpm.engine.impl.util.ResourceTypeUtil.getPermissionsByResourceType(resource.resourceType()))
        .filter(permission -> permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE)
        .noneMatch(authorization::isPermissionGranted);
  }

  private void grantEveryone(Resource resource, String resourceId, Permission permission) {
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).count() == 0) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(Authorization.ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizations.saveAuthorization(authorization);
    }
  }
}
