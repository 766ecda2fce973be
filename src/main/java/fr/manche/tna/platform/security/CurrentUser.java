package fr.manche.tna.platform.security;

import fr.manche.tna.platform.security.StaffGroup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The person logged in through the Camunda webapps (Tasklist's login page): one login serves Tasklist and
 * the application's own pages, which read it from the same HTTP session.
 *
 * @param userId the login
 * @param groupIds the person's groups
 */
public record CurrentUser(String userId, List<String> groupIds) {

  private static final String ENGINE = "default";

  public static Optional<CurrentUser> of(HttpServletRequest request) {
    return login(request).map(user -> new CurrentUser(user.getName(), List.copyOf(user.getGroupIds())));
  }

  /** Whether the person logged in may open that webapp ({@code cockpit}, {@code admin}, {@code tasklist}). */
  public static boolean mayOpen(HttpServletRequest request, String webapp) {
    return login(request).map(user -> user.isAuthorizedForApp(webapp)).orElse(false);
  }

  private static Optional<UserAuthentication> login(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication instanceof UserAuthentication user ? Optional.of(user) : Optional.empty();
  }

  /**
   * Makes the engine act for this person as a Tasklist login does, with their groups and their organisation's
   * tenant as they are now (a deactivated account has left its groups). Clear it with
   * {@code identityService.clearAuthentication()}.
   */
  public static void actInEngine(IdentityService identities, String userId) {
    List<String> groups = identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identities.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identities.setAuthentication(userId, groups, tenants);
  }

  /**
   * Whether the person looks after the equipment: the equipment managers and the administrators change the
   * catalogue, the département's own use and the handover hours; the other staff read them.
   */
  public boolean managesEquipment() {
    return groupIds.contains(StaffGroup.EQUIPMENT_MANAGERS.groupId()) || groupIds.contains(StaffGroup.ADMINISTRATORS.groupId());
  }

  /** Staff of the département: any staff group, administrators included. */
  public boolean isStaff() {
    return Arrays.stream(StaffGroup.values()).anyMatch(group -> groupIds.contains(group.groupId()));
  }
}
