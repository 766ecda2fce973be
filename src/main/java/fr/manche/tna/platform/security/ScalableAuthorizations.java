package fr.manche.tna.platform.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Engine settings that keep the members' isolation affordable at the network's scale (README, "Isolation: how
 * it works"; measured by the benchmark's section "members", {@code MemberListsSection}).
 *
 * <ul>
 *   <li>No per-task grant to whoever already holds it: the engine grants a task's candidate group and assignee
 *       {@code READ} + {@code TASK_WORK} on that task and {@code READ} on its history; for the staff groups
 *       (granted {@code *} by {@link AuthorizationSetup}) and their people these rows added nothing but were
 *       two to three per request, and every staff task query joined them; nor to a member who claims a task
 *       their organisation's group is granted.
 *   <li>Only GRANT authorizations: the application never creates a REVOKE, and the engine refuses one (an
 *       administrator in Admin gets an error), so the engine need not look for them: {@code
 *       authorizationCheckRevokes = never} spares every authorized call a read of the authorization table.
 * </ul>
 */
@Component
class ScalableAuthorizations extends AbstractProcessEnginePlugin {

  /**
   * A member's authorizations are found through indexes on their group or user (the engine's query asks for
   * either): the engine indexes {@code GROUP_ID_} but not {@code USER_ID_}, so PostgreSQL read the whole table.
   * Created here rather than by Flyway because the engine creates its own tables when it starts and nothing
   * orders Flyway after that; {@code if not exists} works on H2 and PostgreSQL.
   */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists TNA_IDX_AUTH_USER_ID on ACT_RU_AUTHORIZATION (USER_ID_)");
    } catch (SQLException e) {
      throw new IllegalStateException("Index of the authorizations by user not created", e);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    configuration.setResourceAuthorizationProvider(new NoRedundantTaskGrants());
    List<SessionFactory> sessionFactories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessionFactories.addAll(configuration.getCustomSessionFactories());
    }
    sessionFactories.add(new GrantsOnlySessionFactory());
    configuration.setCustomSessionFactories(sessionFactories);
  }

  /**
   * The engine's default grants on a task, except to a group or user that already holds what the engine would
   * grant: on every task ({@code *}: the staff groups, by {@link AuthorizationSetup}, and their people), or, for
   * a person, through one of their groups on this very task (a member who claims their organisation's task).
   */
  static class NoRedundantTaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return alreadyGranted(task, List.of(), List.of(groupId)) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return alreadyGranted(task, userId) ? null : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      return newAssignee != null && alreadyGranted(task, newAssignee) ? null : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
      return newOwner != null && alreadyGranted(task, newOwner) ? null : super.newTaskOwner(task, oldOwner, newOwner);
    }

    private boolean alreadyGranted(Task task, String userId) {
      CommandContext commandContext = Context.getCommandContext();
      List<String> groupIds =
          commandContext.runWithoutAuthorization(
              () -> commandContext.getReadOnlyIdentityProvider().createGroupQuery().groupMember(userId).list().stream()
                  .map(Group::getId)
                  .toList());
      return alreadyGranted(task, List.of(userId), groupIds);
    }

    /** Whether one of these users or groups holds, on every task or on this one, what the engine grants. */
    private boolean alreadyGranted(Task task, List<String> userIds, List<String> groupIds) {
      List<Permission> onTask = List.of(Permissions.READ, getDefaultUserPermissionForTask());
      return granted(userIds, groupIds, Resources.TASK, task.getId(), onTask)
          && (!isHistoricInstancePermissionsEnabled()
              || granted(userIds, groupIds, Resources.HISTORIC_TASK, task.getId(), List.of(HistoricTaskPermissions.READ)));
    }

    private boolean granted(List<String> userIds, List<String> groupIds, Resource resource, String taskId, List<Permission> permissions) {
      AuthorizationManager authorizations = getAuthorizationManager();
      List<AuthorizationEntity> grants = new ArrayList<>();
      for (String resourceId : List.of("*", taskId)) {
        userIds.forEach(user -> grants.add(authorizations.findAuthorizationByUserIdAndResourceId(AUTH_TYPE_GRANT, user, resource, resourceId)));
        groupIds.forEach(group -> grants.add(authorizations.findAuthorizationByGroupIdAndResourceId(AUTH_TYPE_GRANT, group, resource, resourceId)));
      }
      return grants.stream().anyMatch(grant -> grant != null && permissions.stream().allMatch(grant::isPermissionGranted));
    }
  }

  /**
   * The engine's authorization manager, refusing REVOKE authorizations (they would be ignored), and which does
   * not read the whole authorization table at every command to learn which groups have authorizations at all
   * (the engine uses that to leave such groups out of its checks: leaving them in changes no answer).
   */
  static class GrantsOnlyAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }

    @Override
    public void validateResourceCompatibility(AuthorizationEntity authorization) {
      if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
        throw new BadUserRequestException(
            "Les autorisations de type « Revoke » ne sont pas utilisées par cette application : retirez plutôt la "
                + "permission accordée (README, Sécurité).");
      }
      super.validateResourceCompatibility(authorization);
    }
  }

  static class GrantsOnlySessionFactory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GrantsOnlyAuthorizationManager();
    }
  }
}
