package fr.manche.tna.platform.security;

import fr.manche.tna.membership.OrganisationTenantsSetup;
import fr.manche.tna.membership.OrganisationTenants;
import fr.manche.tna.test.ConventionFixtures;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.AMEND_TASK;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_MEMBER;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_REFERENTS;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shape of the members' isolation (README, "Isolation: how it works"): a member's request belongs to its
 * organisation's tenant and writes no authorization row of its own; only the member's own tasks are granted,
 * to the member's group, never to staff, who hold {@code *} grants, each read right once; REVOKE authorizations
 * are refused; what earlier versions wrote (per-instance grants, no tenant) is brought to that shape at start-up.
 */
@ApplicationTest
class AuthorizationShapeTest {

  static final String REFERENT = "shape.referent";

  @Autowired ProcessDriver driver;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationTenantsSetup setup;
  Person member;
  String groupId;

  @BeforeEach
  void aMemberAndAReferent() {
    TestMailServer.ensureUp();
    driver.ensureStaff(REFERENT, "shape.referent@manche.fr", "tna-referents-reseau");
    long organisationId =
        organisations.insert(
            new Organisation(null, "Médiathèque de Percy", LegalForm.COLLECTIVITE_TERRITORIALE, TestSirets.next(),
                "Place du marché, 50410 Percy-en-Normandie", null, "Léa Marie", "lea.marie@percy.example.fr", null),
            OffsetDateTime.now());
    member = accounts.addPerson(organisationId, "Léa", "Marie", "lea" + System.nanoTime() + "@percy.example.fr", "ANIMATEUR", "test");
    groupId = organisations.findById(organisationId).orElseThrow().memberGroupId();
  }

  @AfterEach
  void noAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void aMemberRequestWritesOnlyTheGrantsOfTheMembersOwnTaskAndNoneForStaff() {
    String instanceId = start();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getTenantId())
        .as("the request belongs to the organisation's tenant").isEqualTo(groupId);
    assertThat(identityService.createTenantQuery().groupMember(groupId).list()).extracting("id").containsExactly(groupId);
    Authorization membersRead = authorizationService.createAuthorizationQuery()
        .groupIdIn(AccountService.ALL_MEMBERS_GROUP).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(CommunicationRequestProcess.KEY).singleResult();
    assertThat(membersRead.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();
    assertThat(membersRead.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
    assertThat(grantsOf(instanceId)).as("started, waiting for the referents").isEmpty();

    assertThat(driver.runJob(instanceId, NOTIFY_REFERENTS)).isNull();
    assertThat(grantsOf(instanceId)).as("review task of the referents, who hold * grants").isEmpty();

    driver.claimAndSubmit(driver.openTask(instanceId, REVIEW_TASK), REFERENT,
        Map.of("decision", "modifier", "decisionComment", "Citez le Département."));
    assertThat(driver.runJob(instanceId, NOTIFY_MEMBER)).isNull();
    String amendTask = driver.openTask(instanceId, AMEND_TASK).getId();
    assertThat(grantsOf(instanceId)).as("the member's task, granted to the member's group only")
        .containsExactlyInAnyOrder(
            "group " + groupId + " TASK " + amendTask + " READ,TASK_WORK",
            "group " + groupId + " HISTORIC_TASK " + amendTask + " READ");

    driver.claimAndSubmit(driver.openTask(instanceId, AMEND_TASK), member.userId(), Map.of());
    assertThat(driver.runJob(instanceId, NOTIFY_REFERENTS)).isNull();
    driver.claimAndSubmit(driver.openTask(instanceId, REVIEW_TASK), REFERENT, Map.of("decision", "accorder"));
    assertThat(driver.runJob(instanceId, NOTIFY_MEMBER)).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count()).isOne();
    assertThat(grantsOf(instanceId)).as("answered: the history of the member's task")
        .containsExactly("group " + groupId + " HISTORIC_TASK " + amendTask + " READ");
  }

  @Test
  void staffHoldEachReadRightOnce() {
    for (String group : List.of("tna-referents-reseau", "tna-gestionnaires-materiel", "tna-signataires")) {
      Authorization definitions = standing(group, Resources.PROCESS_DEFINITION);
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).isTrue();
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
      assertThat(definitions.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)).as("tasks: TASK *").isFalse();
      Authorization instances = standing(group, Resources.PROCESS_INSTANCE);
      assertThat(instances.isPermissionGranted(Permissions.CREATE)).isTrue();
      assertThat(instances.isPermissionGranted(Permissions.READ)).as("instances: PROCESS_DEFINITION *").isFalse();
      assertThat(standing(group, Resources.HISTORIC_PROCESS_INSTANCE)).as("history: PROCESS_DEFINITION *").isNull();
      assertThat(standing(group, Resources.TASK).isPermissionGranted(Permissions.READ)).isTrue();
    }
  }

  private Authorization standing(String group, Resources resource) {
    return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId("*").singleResult();
  }

  @Test
  void revokeAuthorizationsAreRefused() {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId(groupId);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId(CommunicationRequestProcess.KEY);
    revoke.removePermission(Permissions.READ);
    assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Revoke");
  }

  @Test
  void requestsOfEarlierVersionsMoveToTheirOrganisationsTenantAtStartUp() throws Exception {
    String instanceId = start();
    assertThat(driver.runJob(instanceId, NOTIFY_REFERENTS)).isNull();
    String reviewTask = driver.openTask(instanceId, REVIEW_TASK).getId();
    // As earlier versions left it: no tenant, per-instance grants to the group, a per-task grant to the referents.
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
        "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ = ?", instanceId);
    }
    jdbc.update("update ACT_RU_IDENTITYLINK set TENANT_ID_ = null where TASK_ID_ = ?", reviewTask);
    insertGrant("GROUP_ID_", groupId, Resources.PROCESS_INSTANCE.resourceType(), instanceId);
    insertGrant("GROUP_ID_", groupId, Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), instanceId);
    insertGrant("GROUP_ID_", "tna-referents-reseau", Resources.TASK.resourceType(), reviewTask);
    insertGrant("USER_ID_", REFERENT, Resources.HISTORIC_TASK.resourceType(), reviewTask);

    ApplicationArguments none = new DefaultApplicationArguments();
    setup.run(none);
    setup.run(none);

    // ACT_HI_DETAIL has no row to move: the history no longer writes one (platform.process.LeanHistory).
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
        "ACT_HI_TASKINST", "ACT_HI_VARINST")) {
      assertThat(jdbc.queryForList("select distinct TENANT_ID_ from " + table + " where PROC_INST_ID_ = ?", String.class, instanceId))
          .as(table).containsExactly(groupId);
    }
    assertThat(jdbc.queryForObject("select TENANT_ID_ from ACT_RU_IDENTITYLINK where TASK_ID_ = ?", String.class, reviewTask))
        .isEqualTo(groupId);
    assertThat(grantsOf(instanceId)).isEmpty();
  }

  @Test
  void whatConcernsNoOrganisationBelongsToTheDepartmentsTenantSoThatNoGrantOpensItToMembers() {
    identityService.setAuthentication(REFERENT, List.of("tna-referents-reseau"));
    String applicationId;
    try {
      applicationId = driver.submitStartForm("ConventionApplication", ConventionFixtures.application(TestSirets.next(),
          "Association Nouvelle Vague", "contact@nouvelle-vague.example.fr", "presidente@nouvelle-vague.example.fr")).getId();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(tenantOf(applicationId)).as("an application from an organisation not registered yet")
        .isEqualTo(OrganisationTenants.DEPARTMENT_TENANT);

    // Even with a grant on its process (as a mistaken migration once left in the tests), no member reads it.
    Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn(AccountService.ALL_MEMBERS_GROUP)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("ConventionApplication").singleResult();
    boolean added = grant == null;
    if (added) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(AccountService.ALL_MEMBERS_GROUP);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("ConventionApplication");
      grant.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
      grant.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
      grant = authorizationService.saveAuthorization(grant);
    }
    try {
      identityService.setAuthentication(member.userId(), List.of(groupId, AccountService.ALL_MEMBERS_GROUP), List.of(groupId));
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(applicationId).count()).isZero();
    } finally {
      identityService.clearAuthentication();
      if (added) {
        authorizationService.deleteAuthorization(grant.getId());
      }
    }

    // Earlier versions left such instances without a tenant: they join the département's at start-up.
    jdbc.update("update ACT_HI_PROCINST set TENANT_ID_ = null where PROC_INST_ID_ = ?", applicationId);
    jdbc.update("update ACT_RU_EXECUTION set TENANT_ID_ = null where PROC_INST_ID_ = ?", applicationId);
    setup.run(new DefaultApplicationArguments());
    assertThat(tenantOf(applicationId)).isEqualTo(OrganisationTenants.DEPARTMENT_TENANT);
    assertThat(jdbc.queryForList("select distinct TENANT_ID_ from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", String.class, applicationId))
        .containsExactly(OrganisationTenants.DEPARTMENT_TENANT);
  }

  private String tenantOf(String instanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getTenantId();
  }

  private String start() {
    identityService.setAuthentication(member.userId(), List.of(groupId, AccountService.ALL_MEMBERS_GROUP), List.of(groupId));
    try {
      return driver.submitStartForm(CommunicationRequestProcess.KEY, Map.of(
          "subject", "Article sur l'atelier", "content", "Notre atelier numérique avec le Département", "media", "Site de la commune",
          "plannedOn", "01/03/2099")).getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void insertGrant(String column, String who, int resourceType, String resourceId) {
    jdbc.update("insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, " + column + ", RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
        + " values (?, 1, 1, ?, ?, ?, 2)", java.util.UUID.randomUUID().toString(), who, resourceType, resourceId);
  }

  /** The authorizations on the instance, its history and its tasks: "group|user who RESOURCE id PERMISSIONS". */
  private List<String> grantsOf(String instanceId) {
    List<String> resourceIds = new ArrayList<>();
    resourceIds.add(instanceId);
    historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list().stream()
        .map(HistoricTaskInstance::getId).forEach(resourceIds::add);
    List<String> grants = new ArrayList<>();
    for (String resourceId : resourceIds) {
      for (Authorization grant : authorizationService.createAuthorizationQuery().resourceId(resourceId).list()) {
        Resources resource = java.util.Arrays.stream(Resources.values())
            .filter(r -> r.resourceType() == grant.getResourceType()).findFirst().orElseThrow();
        List<String> permissions = java.util.Arrays.stream(grant.getPermissions(ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType())))
            .map(p -> p.getName()).filter(name -> !name.equals("NONE") && !name.equals("ALL")).sorted().toList();
        grants.add((grant.getGroupId() != null ? "group " + grant.getGroupId() : "user " + grant.getUserId()) + " " + resource.name()
            + " " + resourceId + " " + String.join(",", permissions));
      }
    }
    return grants;
  }
}
