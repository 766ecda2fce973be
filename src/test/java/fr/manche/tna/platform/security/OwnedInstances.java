package fr.manche.tna.platform.security;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.ModelCatalogue.UserTaskModel;
import fr.manche.tna.test.TestSirets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Member organisations with a person who can log in, and process instances they own, positioned at any user
 * task of any process. An instance is started by a technical caller (no authenticated user: the engine checks
 * no authorization) straight before the user task, without the models' own listeners, with the variables the
 * task's assignment and timers read; then the owner's group may read it and its history, as
 * {@link InstanceGrants} grants in the real processes.
 */
final class OwnedInstances {

  static final String PASSWORD = "un-mot-de-passe-solide";
  /** An id no row of the application has. */
  static final long NO_SUCH_ID = 987_654_321L;

  /** An organisation as the processes know it, and one of its people who can log in. */
  record Owner(long organisationId, String groupId, String memberUserId, String siret, Long conventionId) {}

  /** An instance waiting at one user task. */
  record Positioned(
      UserTaskModel model,
      String processInstanceId,
      String processDefinitionId,
      String taskId,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      List<String> jobIds) {

    @Override
    public String toString() {
      return model.toString();
    }
  }

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final ApplicationContext context;

  OwnedInstances(RuntimeService runtimeService, TaskService taskService, AuthorizationService authorizationService,
      ManagementService managementService, IdentityService identityService, ApplicationContext context) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.context = context;
  }

  /** A new association with one person, who can log in with {@link #PASSWORD}. */
  static Owner newMember(OrganisationRepository organisations, AccountService accounts, IdentityService identityService,
      String organisationName, String firstName) {
    String siret = TestSirets.next();
    String nonce = UUID.randomUUID().toString().substring(0, 8);
    long id = organisations.insert(
        new Organisation(null, organisationName, LegalForm.ASSOCIATION, siret, "1 rue de la Paix, 50000 Saint-Lô", null,
            firstName + " Contact", "contact-" + nonce + "@asso.example.fr", null),
        OffsetDateTime.now());
    Person person = accounts.addPerson(id, firstName, "Test" + nonce, firstName.toLowerCase() + "-" + nonce + "@asso.example.fr",
        "ANIMATEUR", "test");
    setPassword(identityService, person.userId());
    String groupId = organisations.findById(id).orElseThrow().memberGroupId();
    return new Owner(id, groupId, person.userId(), siret, null);
  }

  static void setPassword(IdentityService identityService, String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.unlockUser(userId);
  }

  /**
   * The variables an instance of the owner carries, whatever the process: the ids the processes set (here
   * plausible values) and who the member's tasks go to. A task whose assignment reads another variable makes
   * {@link #position} fail and name it: add it here.
   */
  static Map<String, Object> variablesOf(Owner owner) {
    Map<String, Object> variables = new LinkedHashMap<>();
    long document = owner.conventionId() != null ? owner.conventionId() : NO_SUCH_ID;
    variables.put("memberGroupId", owner.groupId());
    variables.put("memberSignatoryUserId", owner.memberUserId());
    variables.put("departmentSignatoryGroup", "tna-signataires");
    variables.put("organisationId", owner.organisationId());
    variables.put("conventionId", document);
    variables.put("documentType", "CONVENTION");
    variables.put("documentId", document);
    // Records the positioned instance does not have: ids no row has, so that a completion that wrongly goes
    // through touches no other test's data.
    variables.put("requestId", NO_SUCH_ID);
    variables.put("amendmentId", NO_SUCH_ID);
    variables.put("renewalId", NO_SUCH_ID);
    variables.put("noticeId", NO_SUCH_ID);
    variables.put("loanRequestId", NO_SUCH_ID);
    variables.put("documentTitle", "Convention de coopération (test)");
    variables.put("handoverKind", "RETRAIT");
    variables.put("inspectionId", NO_SUCH_ID);
    variables.put("damageCaseId", NO_SUCH_ID);
    variables.put("cycleId", NO_SUCH_ID);
    variables.put("reviewId", NO_SUCH_ID);
    variables.put("meetingAt", Date.from(java.time.Instant.parse("2099-01-01T13:00:00Z")));
    variables.put("proposalsClosedAt", Date.from(java.time.Instant.parse("2098-12-20T07:00:00Z")));
    variables.put("interviewAt", Date.from(java.time.Instant.parse("2099-01-02T09:00:00Z")));
    variables.put("acknowledgedOnSite", false);
    variables.put("bookingId", NO_SUCH_ID);
    variables.put("maintenanceId", NO_SUCH_ID);
    variables.put("bookingTaskName", "Réserver un créneau pour retirer le matériel");
    variables.put("handoverTaskName", "Remettre le matériel à la structure : état des lieux de départ");
    variables.put("handoverReminderAt", Date.from(java.time.Instant.parse("2099-01-01T09:00:00Z")));
    return variables;
  }

  /** An instance of the task's process waiting at that task, owned by the owner (its group may read it). */
  Positioned position(UserTaskModel task, Owner owner) {
    Map<String, Object> variables = variablesOf(owner);
    for (String name : task.assignmentVariables()) {
      if (!variables.containsKey(name) && !context.containsBean(name)) {
        throw new AssertionError(task + ": its assignment reads the variable " + name
            + ": add a plausible value for it to OwnedInstances.variablesOf");
      }
    }
    for (String name : task.timerVariables()) {
      if (!context.containsBean(name)) {
        // A timer waiting on the task: due in a year, so that nothing runs by itself.
        variables.put(name, new Date(System.currentTimeMillis() + 365L * 24 * 3600 * 1000));
      }
    }
    if (identityService.getCurrentAuthentication() != null) {
      throw new IllegalStateException("Instances are positioned without an authenticated user");
    }
    ProcessInstance instance =
        runtimeService.createProcessInstanceByKey(task.processKey())
            .businessKey("securite-" + task.taskId() + "-" + UUID.randomUUID())
            .setVariables(variables)
            .startBeforeActivity(task.taskId())
            .execute(true, false);
    grantRead(instance.getId(), owner.groupId());
    Task created = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(task.taskId()).singleResult();
    if (created == null) {
      throw new AssertionError(task + ": no task after starting before it");
    }
    for (String name : task.optionVariables()) {
      // What the capability's task context sets when the task is created: here one option, the sample's.
      taskService.setVariableLocal(created.getId(), name, fr.manche.tna.platform.forms.FormOptions.variable(
          List.of(new fr.manche.tna.platform.forms.FormOptions.Option(ModelCatalogue.HELD_OPTION, "Option d'exemple"))));
    }
    List<IdentityLink> links = taskService.getIdentityLinksForTask(created.getId());
    List<String> groups = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
    List<String> users = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
    List<String> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).list().stream().map(Job::getId).toList();
    return new Positioned(task, instance.getId(), instance.getProcessDefinitionId(), created.getId(), created.getAssignee(),
        groups, users, jobs);
  }

  /** READ on the instance and on its history for the group, as {@link InstanceGrants#letGroupRead} does. */
  private void grantRead(String processInstanceId, String groupId) {
    Authorization runtime = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    runtime.setGroupId(groupId);
    runtime.setResource(Resources.PROCESS_INSTANCE);
    runtime.setResourceId(processInstanceId);
    runtime.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(runtime);
    Authorization history = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    history.setGroupId(groupId);
    history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    history.setResourceId(processInstanceId);
    history.addPermission(HistoricProcessInstancePermissions.READ);
    authorizationService.saveAuthorization(history);
  }
}
