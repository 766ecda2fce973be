package fr.manche.tna.membership;

import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.Logs;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Groups and who belongs to them, with their e-mail addresses. Creates the staff groups at start-up. */
@Component
@Order(0)
public class Directory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(Directory.class);
  private final IdentityService identityService;

  Directory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** E-mail addresses of the group's members that have one. */
  public List<String> emailsOf(StaffGroup group) {
    return identityService.createUserQuery().memberOfGroup(group.groupId()).list().stream()
        .map(User::getEmail)
        .filter(email -> email != null && !email.isBlank())
        .sorted()
        .toList();
  }

  /**
   * Whom a member writes to about a convention, after "écrivez au référent du réseau : ": the network
   * referent who follows it, "Claire Lemoine (claire.lemoine@manche.fr)", when known and with an address;
   * otherwise the network referents' addresses, "a@manche.fr ou b@manche.fr"; "votre interlocuteur habituel
   * au Département" when none has an address. Mails are sent from an address that nobody reads: they must say
   * whom to write to.
   *
   * @param referentUserId the login of the referent who follows the request or the convention, or null
   */
  public String networkReferentContact(String referentUserId) {
    User referent = referentUserId == null ? null : identityService.createUserQuery().userId(referentUserId).singleResult();
    if (referent != null && referent.getEmail() != null && !referent.getEmail().isBlank()) {
      return (referent.getFirstName() + " " + referent.getLastName()).trim() + " (" + referent.getEmail() + ")";
    }
    List<String> referents = emailsOf(StaffGroup.NETWORK_REFERENTS);
    return referents.isEmpty() ? "votre interlocuteur habituel au Département" : String.join(" ou ", referents);
  }

  /** The address to write to about a convention (see {@link #networkReferentContact}), or null when none is known. */
  public String networkReferentEmail(String referentUserId) {
    User referent = referentUserId == null ? null : identityService.createUserQuery().userId(referentUserId).singleResult();
    if (referent != null && referent.getEmail() != null && !referent.getEmail().isBlank()) {
      return referent.getEmail();
    }
    List<String> referents = emailsOf(StaffGroup.NETWORK_REFERENTS);
    return referents.isEmpty() ? null : String.join(",", referents);
  }

  @Override
  public void run(ApplicationArguments args) {
    for (StaffGroup staffGroup : StaffGroup.values()) {
      ensureGroup(staffGroup.groupId(), staffGroup.label(), "WORKFLOW");
    }
  }

  /**
   * Makes the group of that id an organisation's tenant (same id), of which the group is the member: its
   * people see the process instances of that tenant only (README, "Isolation"). Unless done already.
   */
  public void ensureTenant(String groupId, String name) {
    if (identityService.createTenantQuery().tenantId(groupId).count() == 0) {
      Tenant tenant = identityService.newTenant(groupId);
      tenant.setName(name);
      identityService.saveTenant(tenant);
    }
    if (identityService.createGroupQuery().groupId(groupId).memberOfTenant(groupId).count() == 0) {
      identityService.createTenantGroupMembership(groupId, groupId);
    }
  }

  /** Creates the group unless it exists. */
  public void ensureGroup(String groupId, String name, String type) {
    if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
      LOG.info("Groupe créé : {} ({})", Logs.safe(name), groupId);
    }
  }
}
