package fr.manche.tna.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.security.Caller.Api;
import fr.manche.tna.platform.security.OwnedInstances.Owner;
import fr.manche.tna.platform.security.OwnedInstances.Positioned;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-organisation isolation, generic over every process: for each user task of each model of
 * {@code bpmn/}, an instance owned by organisation A waits at that task (positioned by {@link OwnedInstances};
 * its timers are jobs due in a year). A person of organisation B can neither read, count, claim, complete nor
 * execute anything of them, through {@code /engine-rest} (HTTP Basic) or the webapps' API used by Tasklist
 * (session and CSRF token), nor through statistics, metrics and Cockpit's plugin API: lists are empty, counts
 * zero, a resource of A answers exactly as one that does not exist, writes are refused and leave the database
 * as it was. A's own people claim their tasks for themselves, never for someone else.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossOrganisationTest {

  static final String STAFF = "croise.referent";

  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;
  @Autowired ProcessDriver driver;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  final ModelCatalogue catalogue = ModelCatalogue.read();
  Owner a;
  Owner b;
  Caller alice;
  Caller bruno;
  List<Positioned> instances;

  @BeforeAll
  void twoOrganisationsAndAnInstanceOfAAtEveryUserTask() {
    TestMailServer.ensureUp();
    String nonce = UUID.randomUUID().toString().substring(0, 6);
    a = OwnedInstances.newMember(organisations, accounts, identityService, "Médiathèque Alpha " + nonce, "Alice");
    b = OwnedInstances.newMember(organisations, accounts, identityService, "Association Bêta " + nonce, "Bruno");
    driver.ensureStaff(STAFF, STAFF + "@manche.fr", "tna-referents-reseau");
    OwnedInstances owned =
        new OwnedInstances(runtimeService, taskService, authorizationService, managementService, identityService, context);
    instances = catalogue.userTasks().stream().map(task -> owned.position(task, a)).toList();
    assertThat(instances).as("user tasks of the models of bpmn/").isNotEmpty();
    alice = Caller.login(port, a.memberUserId(), OwnedInstances.PASSWORD);
    bruno = Caller.login(port, b.memberUserId(), OwnedInstances.PASSWORD);
  }

  // ---------------------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void theOwnersPeopleSeeTheirInstancesSoThatWhatFollowsMeansSomething() throws Exception {
    Findings findings = new Findings();
    for (Positioned instance : instances) {
      for (Api api : Api.values()) {
        HttpResponse<String> read = alice.call(api, "GET", "/process-instance/" + instance.processInstanceId(), null);
        if (read.statusCode() != 200) {
          findings.add(instance + " : A ne voit pas son instance (" + api.base + ") → " + Findings.describe(read));
        }
        HttpResponse<String> history = alice.call(api, "GET", "/history/process-instance/" + instance.processInstanceId(), null);
        if (history.statusCode() != 200) {
          findings.add(instance + " : A ne voit pas l'historique de son instance (" + api.base + ") → " + Findings.describe(history));
        }
        if (a.memberUserId().equals(instance.assignee()) || instance.candidateGroups().contains(a.groupId())) {
          HttpResponse<String> task = alice.call(api, "GET", "/task/" + instance.taskId(), null);
          if (task.statusCode() != 200) {
            findings.add(instance + " : A ne voit pas sa tâche (" + api.base + ") → " + Findings.describe(task));
          }
        }
      }
    }
    findings.assertNone("Ce que les personnes de A voient de leurs instances");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Lists and counts

  /** Lists and counts narrowed to one instance (or its task): for B, each must be empty or zero. */
  private Map<String, String> narrowedQueries(Positioned instance) {
    String pi = instance.processInstanceId();
    String page = "firstResult=0&maxResults=50";
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("GET /task?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /task/count?processInstanceId=" + pi, null);
    queries.put("POST /task?" + page, "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("POST /task/count", "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("GET /task?processDefinitionKey=" + instance.model().processKey() + "&" + page, null);
    queries.put("GET /task/count?processDefinitionKey=" + instance.model().processKey(), null);
    queries.put("GET /task?taskId=" + instance.taskId() + "&" + page, null);
    queries.put("GET /process-instance?processInstanceIds=" + pi + "&" + page, null);
    queries.put("GET /process-instance/count?processInstanceIds=" + pi, null);
    queries.put("POST /process-instance?" + page, "{\"processInstanceIds\": [\"" + pi + "\"]}");
    queries.put("POST /process-instance/count", "{\"processInstanceIds\": [\"" + pi + "\"]}");
    queries.put("GET /process-instance?processDefinitionKey=" + instance.model().processKey() + "&" + page, null);
    queries.put("GET /execution?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /execution/count?processInstanceId=" + pi, null);
    queries.put("GET /variable-instance?processInstanceIdIn=" + pi + "&" + page, null);
    queries.put("GET /variable-instance/count?processInstanceIdIn=" + pi, null);
    queries.put("POST /variable-instance?" + page, "{\"processInstanceIdIn\": [\"" + pi + "\"]}");
    queries.put("GET /history/process-instance?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/process-instance/count?processInstanceId=" + pi, null);
    queries.put("POST /history/process-instance?" + page, "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("POST /history/process-instance/count", "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("GET /history/task?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/task/count?processInstanceId=" + pi, null);
    queries.put("GET /history/task?taskId=" + instance.taskId() + "&" + page, null);
    queries.put("GET /history/activity-instance?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/activity-instance/count?processInstanceId=" + pi, null);
    queries.put("GET /history/variable-instance?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/variable-instance/count?processInstanceId=" + pi, null);
    queries.put("POST /history/variable-instance?" + page, "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("GET /history/detail?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/detail/count?processInstanceId=" + pi, null);
    queries.put("GET /history/identity-link-log?taskId=" + instance.taskId() + "&" + page, null);
    queries.put("GET /history/identity-link-log/count?taskId=" + instance.taskId(), null);
    queries.put("GET /history/user-operation?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/user-operation/count?processInstanceId=" + pi, null);
    queries.put("GET /history/job-log?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /history/job-log/count?processInstanceId=" + pi, null);
    queries.put("GET /job?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /job/count?processInstanceId=" + pi, null);
    queries.put("POST /job?" + page, "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("POST /job/count", "{\"processInstanceId\": \"" + pi + "\"}");
    queries.put("GET /incident?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /incident/count?processInstanceId=" + pi, null);
    queries.put("GET /event-subscription?processInstanceId=" + pi + "&" + page, null);
    queries.put("GET /event-subscription/count?processInstanceId=" + pi, null);
    return queries;
  }

  /** Lists and counts of everything: B owns nothing, so every one must be empty or zero. */
  private Map<String, String> unnarrowedQueries() {
    String page = "firstResult=0&maxResults=50";
    Map<String, String> queries = new LinkedHashMap<>();
    for (String resource : List.of("task", "process-instance", "execution", "variable-instance", "job", "incident",
        "history/process-instance", "history/task", "history/activity-instance", "history/variable-instance", "history/detail",
        "history/job-log", "history/incident")) {
      queries.put("GET /" + resource + "?" + page, null);
      queries.put("GET /" + resource + "/count", null);
    }
    queries.put("POST /task?" + page, "{}");
    queries.put("POST /task/count", "{}");
    return queries;
  }

  @Test
  @Order(2)
  void aMemberOfAnotherOrganisationListsAndCountsNothingOfThem() throws Exception {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    for (Api api : Api.values()) {
      for (Positioned instance : instances) {
        narrowedQueries(instance).forEach((query, body) -> expectNothing(findings, instance + ", ", api, query, body));
      }
      unnarrowedQueries().forEach((query, body) -> expectNothing(findings, "", api, query, body));
    }
    expectUnchangedSince(findings, before);
    findings.assertNone("Listes et comptes de B sur les instances de A");
  }

  private void expectNothing(Findings findings, String context, Api api, String query, String body) {
    String method = query.substring(0, query.indexOf(' '));
    String path = query.substring(query.indexOf(' ') + 1);
    HttpResponse<String> response = bruno.call(api, method, path, body);
    String probe = context + method + " " + api.base + path;
    if (response.statusCode() != 200) {
      findings.add(probe + " → " + Findings.describe(response));
      return;
    }
    try {
      JsonNode result = json.readTree(response.body());
      boolean nothing = result.isArray() ? result.isEmpty() : result.path("count").asLong(-1) == 0;
      if (!nothing) {
        findings.add(probe + " → " + Findings.describe(response));
      }
    } catch (Exception notJson) {
      findings.add(probe + " → " + Findings.describe(response));
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Single resources

  /** Single resources of an instance: {task}, {instance}, {job} stand for its ids. */
  private static final List<String> SINGLE_RESOURCES = List.of(
      "/task/{task}", "/task/{task}/variables", "/task/{task}/variables/memberGroupId", "/task/{task}/localVariables",
      "/task/{task}/form-variables", "/task/{task}/form", "/task/{task}/deployed-form",
      "/task/{task}/identity-links", "/task/{task}/comment", "/task/{task}/attachment",
      "/process-instance/{instance}", "/process-instance/{instance}/variables", "/process-instance/{instance}/variables/memberGroupId",
      "/process-instance/{instance}/activity-instances", "/process-instance/{instance}/comment",
      "/execution/{instance}", "/execution/{instance}/localVariables",
      "/history/process-instance/{instance}",
      "/job/{job}");

  @Test
  @Order(3)
  void aResourceOfAnotherOrganisationAnswersExactlyLikeOneThatDoesNotExist() {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    for (Api api : Api.values()) {
      for (Positioned instance : instances) {
        for (String template : SINGLE_RESOURCES) {
          List<String> jobs = template.contains("{job}") ? instance.jobIds() : List.of("");
          for (String job : jobs) {
            String real = resolve(template, instance.taskId(), instance.processInstanceId(), job);
            String randomId = UUID.randomUUID().toString();
            String random = resolve(template, randomId, randomId, randomId);
            HttpResponse<String> existing = bruno.call(api, "GET", real, null);
            HttpResponse<String> missing = bruno.call(api, "GET", random, null);
            String probe = instance + ", GET " + api.base + template;
            if (existing.statusCode() != 404) {
              findings.add(probe + " → " + Findings.describe(existing) + " (attendu : 404)");
            }
            String existingBody = normalise(existing.body(), instance.taskId(), instance.processInstanceId(), job);
            String missingBody = normalise(missing.body(), randomId);
            if (existing.statusCode() != missing.statusCode() || !existingBody.equals(missingBody)) {
              findings.add(probe + " : la ressource de A répond " + existing.statusCode() + " " + Findings.abbreviate(existingBody)
                  + ", une ressource inexistante " + missing.statusCode() + " " + Findings.abbreviate(missingBody));
            }
          }
        }
      }
    }
    expectUnchangedSince(findings, before);
    findings.assertNone("Ressources de A lues par B, comparées à des ressources inexistantes");
  }

  private static String resolve(String template, String task, String instance, String job) {
    return template.replace("{task}", task).replace("{instance}", instance).replace("{job}", job);
  }

  /** The body with the ids the request named replaced by {id}: a message may repeat what was asked for. */
  private static String normalise(String body, String... ids) {
    String normalised = body == null ? "" : body;
    for (String id : ids) {
      if (id != null && !id.isEmpty()) {
        normalised = normalised.replace(id, "{id}");
      }
    }
    return normalised;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writes

  /** What B tries on an instance of A: {task}, {instance}, {job} stand for its ids. */
  private Map<String, String> writes(Positioned instance) {
    Map<String, String> writes = new LinkedHashMap<>();
    writes.put("POST /task/{task}/claim", "{\"userId\": \"" + b.memberUserId() + "\"}");
    writes.put("POST /task/{task}/claim ", "{\"userId\": \"" + a.memberUserId() + "\"}");
    writes.put("POST /task/{task}/claim  ", "{\"userId\": \"" + STAFF + "\"}");
    writes.put("POST /task/{task}/unclaim", "{}");
    writes.put("POST /task/{task}/assignee", "{\"userId\": \"" + b.memberUserId() + "\"}");
    writes.put("POST /task/{task}/delegate", "{\"userId\": \"" + b.memberUserId() + "\"}");
    writes.put("POST /task/{task}/resolve", "{\"variables\": {}}");
    writes.put("POST /task/{task}/complete", "{\"variables\": {}}");
    writes.put("POST /task/{task}/submit-form", "{\"variables\": {}}");
    writes.put("POST /task/{task}/bpmnError", "{\"errorCode\": \"SignatureRefusee\"}");
    writes.put("PUT /task/{task}", "{\"name\": \"Tâche détournée\", \"assignee\": \"" + b.memberUserId() + "\"}");
    writes.put("POST /task/{task}/variables", "{\"modifications\": {\"memberGroupId\": {\"value\": \"" + b.groupId() + "\"}}}");
    writes.put("PUT /task/{task}/variables/memberGroupId", "{\"value\": \"" + b.groupId() + "\"}");
    writes.put("PUT /task/{task}/localVariables/intrus", "{\"value\": \"intrus\"}");
    writes.put("POST /task/{task}/identity-links", "{\"groupId\": \"" + b.groupId() + "\", \"type\": \"candidate\"}");
    writes.put("POST /task/{task}/comment/create", "{\"message\": \"intrus\"}");
    writes.put("POST /process-instance/{instance}/variables", "{\"modifications\": {\"memberGroupId\": {\"value\": \"" + b.groupId() + "\"}}}");
    writes.put("PUT /process-instance/{instance}/variables/memberGroupId", "{\"value\": \"" + b.groupId() + "\"}");
    writes.put("DELETE /process-instance/{instance}/variables/memberGroupId", null);
    writes.put("PUT /process-instance/{instance}/suspended", "{\"suspended\": true}");
    writes.put("POST /process-instance/{instance}/modification",
        "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + instance.model().taskId() + "\"}]}");
    writes.put("DELETE /process-instance/{instance}", null);
    writes.put("POST /execution/{instance}/localVariables", "{\"modifications\": {\"intrus\": {\"value\": \"intrus\"}}}");
    writes.put("POST /job/{job}/execute", null);
    writes.put("PUT /job/{job}/retries", "{\"retries\": 0}");
    writes.put("PUT /job/{job}/duedate", "{\"duedate\": \"2020-01-01T00:00:00.000+0100\"}");
    writes.put("PUT /job/{job}/suspended", "{\"suspended\": true}");
    writes.put("PUT /job/{job}/priority", "{\"priority\": 100}");
    return writes;
  }

  @Test
  @Order(4)
  void aMemberOfAnotherOrganisationCanNeitherClaimCompleteNorExecuteAndTheDatabaseStaysAsItWas() {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    for (Api api : Api.values()) {
      for (Positioned instance : instances) {
        for (Map.Entry<String, String> write : writes(instance).entrySet()) {
          String method = write.getKey().substring(0, write.getKey().indexOf(' '));
          String template = write.getKey().substring(write.getKey().indexOf(' ') + 1).trim();
          List<String> jobs = template.contains("{job}") ? instance.jobIds() : List.of("");
          for (String job : jobs) {
            String path = resolve(template, instance.taskId(), instance.processInstanceId(), job);
            HttpResponse<String> response = bruno.call(api, method, path, write.getValue());
            if (response.statusCode() != 403 && response.statusCode() != 404 && !sameAsForNothing(api, method, template, write.getValue(),
                response, instance.taskId(), instance.processInstanceId(), job)) {
              findings.add(instance + ", " + method + " " + api.base + template + " " + Objects.toString(write.getValue(), "") + " → "
                  + Findings.describe(response));
            }
          }
        }
      }
    }
    expectUnchangedSince(findings, before);
    findings.assertNone("Écritures de B sur les instances de A");
  }

  /**
   * A refusal other than 403 or 404 is accepted only when it is exactly what the same request answers for
   * ids that do not exist (some endpoints answer 400 "No task found"): it tells nothing of A's instance.
   */
  private boolean sameAsForNothing(Api api, String method, String template, String body, HttpResponse<String> response, String... ids) {
    if (response.statusCode() != 400) {
      return false;
    }
    String randomId = UUID.randomUUID().toString();
    HttpResponse<String> forNothing = bruno.call(api, method, resolve(template, randomId, randomId, randomId), body);
    return forNothing.statusCode() == response.statusCode() && normalise(forNothing.body(), randomId).equals(normalise(response.body(), ids));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Statistics, metrics, Cockpit

  @Test
  @Order(5)
  void statisticsMetricsAndCockpitCountNothingOfThemForAMemberOfAnotherOrganisation() throws Exception {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    Set<String> definitions = new LinkedHashSet<>();
    instances.forEach(instance -> definitions.add(instance.processDefinitionId()));
    for (Api api : Api.values()) {
      for (String query : List.of("/process-definition/statistics", "/process-definition/statistics?failedJobs=true&incidents=true",
          "/process-definition/statistics?rootIncidents=true")) {
        expectNoInstanceCounted(findings, api, query);
      }
      for (String definition : definitions) {
        expectNoInstanceCounted(findings, api, "/process-definition/" + definition + "/statistics?failedJobs=true&incidents=true");
      }
      for (String key : instances.stream().map(instance -> instance.model().processKey()).distinct().toList()) {
        expectNoInstanceCounted(findings, api, "/process-definition/key/" + key + "/statistics?failedJobs=true&incidents=true");
      }
      for (String metric : metricNames()) {
        HttpResponse<String> sum = bruno.call(api, "GET", "/metrics/" + metric + "/sum", null);
        boolean refused = sum.statusCode() == 401 || sum.statusCode() == 403 || sum.statusCode() == 404;
        if (!refused && !(sum.statusCode() == 200 && json.readTree(sum.body()).path("result").asLong(-1) == 0)) {
          findings.add("GET " + api.base + "/metrics/" + metric + "/sum → " + Findings.describe(sum));
        }
      }
    }
    String cockpit = "/camunda/api/cockpit/plugin/base/default";
    Map<String, String[]> cockpitQueries = new LinkedHashMap<>();
    cockpitQueries.put(cockpit + "/process-definition/statistics-count", new String[] {"GET", null});
    cockpitQueries.put(cockpit + "/process-definition/statistics", new String[] {"GET", null});
    cockpitQueries.put(cockpit + "/process-instance/count", new String[] {"POST", "{}"});
    cockpitQueries.put(cockpit + "/process-instance?firstResult=0&maxResults=50", new String[] {"POST", "{}"});
    cockpitQueries.put(cockpit + "/incident/count", new String[] {"POST", "{}"});
    for (String definition : definitions) {
      cockpitQueries.put(cockpit + "/process-instance/count ", new String[] {"POST", "{\"processDefinitionId\": \"" + definition + "\"}"});
    }
    for (Map.Entry<String, String[]> query : cockpitQueries.entrySet()) {
      String path = query.getKey().trim();
      HttpResponse<String> response = bruno.webappSession(query.getValue()[0], path, query.getValue()[1]);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        continue;
      }
      JsonNode result = response.statusCode() == 200 ? json.readTree(response.body()) : null;
      boolean nothing = result != null && (result.isArray()
          ? allZero(result)
          : result.path("count").asLong(-1) == 0);
      if (!nothing) {
        findings.add(query.getValue()[0] + " " + path + " " + Objects.toString(query.getValue()[1], "") + " → " + Findings.describe(response));
      }
    }
    expectUnchangedSince(findings, before);
    findings.assertNone("Statistiques, métriques et Cockpit vus par B");
  }

  private void expectNoInstanceCounted(Findings findings, Api api, String path) throws Exception {
    HttpResponse<String> response = bruno.call(api, "GET", path, null);
    if (response.statusCode() == 403 || response.statusCode() == 404) {
      return;
    }
    if (response.statusCode() != 200 || !allZero(json.readTree(response.body()))) {
      findings.add("GET " + api.base + path + " → " + Findings.describe(response));
    }
  }

  /** Statistics that count no instance, failed job or incident. */
  private static boolean allZero(JsonNode statistics) {
    for (JsonNode entry : statistics) {
      if (entry.path("instances").asLong(0) != 0 || entry.path("failedJobs").asLong(0) != 0 || !entry.path("incidents").isEmpty()
          || entry.path("incidentCount").asLong(0) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Every metric the engine names ({@link Metrics}). */
  private static List<String> metricNames() {
    List<String> names = new ArrayList<>();
    for (java.lang.reflect.Field field : Metrics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  /** The rows of tasks, jobs (retries, due dates), variables, executions, identity links, authorizations, and the operation log. */
  private void expectUnchangedSince(Findings findings, DatabaseSnapshot before) {
    List<String> changes = DatabaseSnapshot.full(jdbc, dataSource).changesSince(before);
    if (!changes.isEmpty()) {
      findings.add("La base a changé : " + changes);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Claims within the organisation

  @Test
  @Order(6)
  void aMemberClaimsHerOrganisationsTaskForHerselfButNeverForSomeoneElse() {
    Findings findings = new Findings();
    List<Positioned> claimable = instances.stream()
        .filter(instance -> instance.assignee() == null && instance.candidateGroups().contains(a.groupId()))
        .toList();
    assertThat(claimable).as("tasks of the models whose candidate group is the member's organisation").isNotEmpty();
    for (Api api : Api.values()) {
      for (Positioned instance : claimable) {
        for (String someoneElse : List.of(b.memberUserId(), STAFF)) {
          HttpResponse<String> claim = alice.call(api, "POST", "/task/" + instance.taskId() + "/claim", "{\"userId\": \"" + someoneElse + "\"}");
          Task task = taskService.createTaskQuery().taskId(instance.taskId()).singleResult();
          if ((claim.statusCode() != 403 && claim.statusCode() != 400) || task.getAssignee() != null) {
            findings.add(instance + ", A prend la tâche pour " + someoneElse + " (" + api.base + ") → " + Findings.describe(claim)
                + ", attributaire : " + task.getAssignee());
            taskService.setAssignee(instance.taskId(), null);
          }
        }
        HttpResponse<String> herself = alice.call(api, "POST", "/task/" + instance.taskId() + "/claim", "{\"userId\": \"" + alice.userId + "\"}");
        Task task = taskService.createTaskQuery().taskId(instance.taskId()).singleResult();
        if (herself.statusCode() != 204 || !alice.userId.equals(task.getAssignee())) {
          findings.add(instance + ", A prend la tâche pour elle-même (" + api.base + ") → " + Findings.describe(herself)
              + ", attributaire : " + task.getAssignee());
        }
        taskService.setAssignee(instance.taskId(), null);
      }
    }
    findings.assertNone("Prise en charge des tâches de A par ses personnes");
  }
}
