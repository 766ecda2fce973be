package fr.manche.tna.scaling;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_MEMBER;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_REFERENTS;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestInfrastructure;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Scaling probe of the members' isolation, run by hand on PostgreSQL (README, "Scaling probe"):
 *
 * <pre>mvn -B test -Pscaling-probe</pre>
 *
 * Not a test of the normal build (its name matches none of Surefire's patterns, its tag is the profile's
 * only group) and not a timed test: it prints figures and fails only when someone sees what they must not,
 * or misses what they must see. It creates {@value #DEFAULT_ORGANISATIONS} member organisations with one
 * member each and a staff referent, then 1,000, 10,000 and 50,000 {@code CommunicationRequest} instances
 * spread over the organisations (40 % waiting for the referent's review, 10 % waiting for the member's
 * changes, 50 % answered). Three instances per organisation (one per state) are made through the real process
 * as Tasklist would (start form as the member, job, claim and review as the referent, job); the others are
 * copies of those, row for row and grant for grant ({@link InstanceCloner}), checked once against a real
 * instance. For each size it prints the number of authorization rows and the median and 99th percentile of
 * the lists and counts that members and staff call, through {@code /engine-rest} (HTTP Basic) and through
 * the webapps' API as Tasklist calls it (session login, HAL).
 *
 * <p>System properties: {@code probe.sizes} (default {@code 1000,10000,50000}), {@code probe.organisations},
 * {@code probe.budget} (seconds spent at most on one call at one size, default 4), {@code probe.hold}
 * (minutes to keep the database up at the end, printing its JDBC address, to run EXPLAIN by hand).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestInfrastructure.class)
@Tag("scaling-probe")
class ScalingProbe {

  static final int DEFAULT_ORGANISATIONS = 100;
  static final String PASSWORD = "un-mot-de-passe-de-sonde";
  static final String STAFF = "sonde.referent";
  static final String REST = "/engine-rest";
  static final String WEBAPPS = "/camunda/api/engine/engine/default";
  static final String HAL = "application/hal+json, application/json; q=0.5";
  static final String JSON = "application/json";
  static final int MAX_SAMPLES = 100;
  static final int MIN_SAMPLES = 3;
  static final int WARM_UP = 3;
  static final String FIGURE = "%-7s %-12s %-36s %10.1f %10.1f %8d%n";

  enum State { REVIEW, AMEND, DONE }

  /** One member organisation, its member, its template instances and how many instances it has by state. */
  static final class Member {
    final long organisationId;
    final String groupId;
    final String userId;
    final Map<State, String> templates = new EnumMap<>(State.class);
    final Map<State, Integer> counts = new EnumMap<>(State.class);
    final Map<State, Integer> nextCopy = new EnumMap<>(State.class);
    WebClient rest;
    WebClient webapps;

    Member(long organisationId, String groupId, String userId) {
      this.organisationId = organisationId;
      this.groupId = groupId;
      this.userId = userId;
      for (State state : State.values()) {
        counts.put(state, 0);
        nextCopy.put(state, 1);
      }
    }

    int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  record Call(String api, String name, String method, String path, String accept, String body) {}

  record Figure(String who, String api, String call, double median, double p99, int samples) {}

  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  final List<Member> members = new ArrayList<>();
  final Map<Integer, List<Figure>> figures = new LinkedHashMap<>();
  final StringBuilder report = new StringBuilder();
  InstanceCloner cloner;
  WebClient staffRest;
  WebClient staffWebapps;
  String definitionId;
  long standingAuthorizations;

  @Test
  void probe() throws Exception {
    assertThat(TestDatabase.isPostgres()).as("the probe measures PostgreSQL: run it with -Pscaling-probe").isTrue();
    long started = System.nanoTime();
    int organisationCount = Integer.getInteger("probe.organisations", DEFAULT_ORGANISATIONS);
    List<Integer> sizes = Arrays.stream(System.getProperty("probe.sizes", "1000,10000,50000").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    TestMailServer.ensureUp();
    cloner = new InstanceCloner(dataSource);
    definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CommunicationRequestProcess.KEY)
        .latestVersion().singleResult().getId();

    staffAndMembers(organisationCount);
    standingAuthorizations = count("select count(*) from act_ru_authorization");
    print("Standing authorizations (before any request): %d%n", standingAuthorizations);
    long templatesStarted = System.nanoTime();
    for (Member member : members) {
      for (State state : State.values()) {
        member.templates.put(state, realInstance(member, state));
        member.counts.merge(state, 1, Integer::sum);
      }
    }
    print("%d real instances made through the process in %d s%n", 3 * members.size(),
        Duration.ofNanos(System.nanoTime() - templatesStarted).toSeconds());
    copiesBehaveAsRealInstances();
    logIn();

    for (int size : sizes) {
      long filled = System.nanoTime();
      fillUpTo(size);
      try (Connection connection = dataSource.getConnection(); Statement analyze = connection.createStatement()) {
        analyze.execute("analyze");
      }
      print("%n== %,d CommunicationRequest instances (filled in %d s) ==%n", size,
          Duration.ofNanos(System.nanoTime() - filled).toSeconds());
      authorizationRows(size);
      everyoneSeesWhatTheyMustAndNothingElse();
      print("Load average before measuring (2 cores, shared): %s%n", loadAverage());
      print("%-7s %-12s %-36s %10s %10s %8s%n", "who", "api", "call", "median ms", "p99 ms", "samples");
      figures.put(size, measure());
      print("Load average after measuring: %s%n", loadAverage());
    }
    printSummary();
    print("%nProbe run: %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    writeReport();
    hold();
  }

  // --- people -------------------------------------------------------------------------------------------

  private void staffAndMembers(int organisationCount) {
    if (identityService.createUserQuery().userId(STAFF).count() == 0) {
      User user = identityService.newUser(STAFF);
      user.setFirstName("Sonde");
      user.setLastName("Référente");
      user.setEmail("sonde.referent@manche.fr");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(STAFF, StaffGroup.NETWORK_REFERENTS.groupId());
    }
    for (int i = 0; i < organisationCount; i++) {
      long id = organisations.insert(
          new Organisation(null, "Structure sonde " + i, LegalForm.ASSOCIATION, TestSirets.next(), i + " rue du Port, 50100 Cherbourg",
              null, "Contact " + i, "contact" + i + "@sonde.example.fr", null),
          OffsetDateTime.now());
      Person person = accounts.addPerson(id, "Membre", "Sonde" + i, "membre" + i + "@sonde.example.fr", "ANIMATEUR", "sonde");
      User user = identityService.createUserQuery().userId(person.userId()).singleResult();
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      String groupId = organisations.findById(id).orElseThrow().memberGroupId();
      members.add(new Member(id, groupId, person.userId()));
    }
  }

  private void logIn() {
    staffRest = new WebClient(port).basic(STAFF, PASSWORD);
    staffWebapps = new WebClient(port);
    assertThat(staffWebapps.loginToWebapps(STAFF, PASSWORD)).isEqualTo(200);
    for (Member member : members) {
      member.rest = new WebClient(port).basic(member.userId, PASSWORD);
      member.webapps = new WebClient(port);
      assertThat(member.webapps.loginToWebapps(member.userId, PASSWORD)).isEqualTo(200);
    }
  }

  // --- real instances, as Tasklist and the job executor make them ---------------------------------------

  private String realInstance(Member member, State state) {
    String instanceId = as(member.userId, List.of(member.groupId, AccountService.ALL_MEMBERS_GROUP), List.of(member.groupId),
        () -> formService.submitStartForm(definitionId, Map.of(
            "subject", "Article sur nos ateliers", "content", "Nos ateliers numériques avec le Département",
            "media", "Bulletin municipal", "plannedOn", "01/06/2099")).getId());
    runJob(instanceId, NOTIFY_REFERENTS);
    if (state != State.REVIEW) {
      review(instanceId, state == State.AMEND ? "modifier" : "accorder");
    }
    return instanceId;
  }

  private void review(String instanceId, String decision) {
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(REVIEW_TASK).singleResult();
    as(STAFF, List.of(StaffGroup.NETWORK_REFERENTS.groupId()), List.of(), () -> {
      taskService.claim(task.getId(), STAFF);
      formService.submitTaskForm(task.getId(), Map.of("decision", decision, "decisionComment", "Citez le Département."));
      return null;
    });
    runJob(instanceId, NOTIFY_MEMBER);
  }

  private void runJob(String instanceId, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
    assertThat(job).as("job " + activityId + " of " + instanceId).isNotNull();
    managementService.executeJob(job.getId());
  }

  /** As the REST API and the webapps authenticate someone: groups and tenants. */
  private <T> T as(String userId, List<String> groups, List<String> tenants, Supplier<T> work) {
    identityService.setAuthentication(userId, groups, tenants);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * A copy must be what the process would have made: a copy of a request waiting for review and a new real
   * request of the same organisation, both reviewed through the engine, leave the same rows and grants.
   */
  private void copiesBehaveAsRealInstances() throws Exception {
    Member member = members.get(0);
    String template = member.templates.get(State.REVIEW);
    String copy = cloner.copy(template, member.nextCopy.merge(State.REVIEW, 1, Integer::sum) - 1, 1).get(0);
    assertThat(cloner.rowCounts(copy)).isEqualTo(cloner.rowCounts(template));
    assertThat(cloner.authorizationShape(copy)).isEqualTo(cloner.authorizationShape(template));
    String real = realInstance(member, State.REVIEW);
    assertThat(cloner.rowCounts(copy)).as("a copy waiting for review and a real one").isEqualTo(cloner.rowCounts(real));
    review(copy, "accorder");
    review(real, "accorder");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(copy).singleResult().getEndTime()).isNotNull();
    assertThat(cloner.rowCounts(copy)).as("a copy and a real instance, answered").isEqualTo(cloner.rowCounts(real));
    assertThat(cloner.authorizationShape(copy)).as("grants of a copy and of a real instance, answered")
        .isEqualTo(cloner.authorizationShape(real));
    member.counts.merge(State.DONE, 2, Integer::sum);
    print("A copy and a real instance, both reviewed through the engine, leave the same rows: %s%n", cloner.rowCounts(real));
    print("and the same grants (type, group or user, resource type, permissions): %s%n", cloner.authorizationShape(real));
  }

  private void fillUpTo(int size) throws Exception {
    int perMember = size / members.size();
    Map<State, Integer> target = new EnumMap<>(State.class);
    target.put(State.REVIEW, (int) Math.round(perMember * 0.4));
    target.put(State.AMEND, (int) Math.round(perMember * 0.1));
    target.put(State.DONE, perMember - target.get(State.REVIEW) - target.get(State.AMEND));
    for (Member member : members) {
      for (State state : State.values()) {
        int missing = target.get(state) - member.counts.get(state);
        if (missing > 0) {
          cloner.copy(member.templates.get(state), member.nextCopy.get(state), missing);
          member.nextCopy.merge(state, missing, Integer::sum);
          member.counts.merge(state, missing, Integer::sum);
        }
      }
    }
  }

  // --- what everyone sees -------------------------------------------------------------------------------

  private void everyoneSeesWhatTheyMustAndNothingElse() throws Exception {
    for (Member member : members.subList(0, Math.min(10, members.size()))) {
      WebClient rest = new WebClient(port).basic(member.userId, PASSWORD);
      assertThat(countOf(rest, REST + "/task/count")).as("tasks of " + member.userId).isEqualTo((long) member.counts.get(State.AMEND));
      assertThat(countOf(rest, REST + "/process-instance/count")).as("instances of " + member.userId)
          .isEqualTo((long) member.counts.get(State.REVIEW) + member.counts.get(State.AMEND));
      assertThat(countOf(rest, REST + "/history/process-instance/count")).as("history of " + member.userId)
          .isEqualTo((long) member.total());
    }
    assertThat(countOf(staffRest, REST + "/task/count")).isEqualTo(taskService.createTaskQuery().count());
    assertThat(countOf(staffRest, REST + "/process-instance/count")).isEqualTo(runtimeService.createProcessInstanceQuery().count());
    assertThat(countOf(staffRest, REST + "/history/process-instance/count"))
        .isEqualTo(historyService.createHistoricProcessInstanceQuery().count());
  }

  private long countOf(WebClient client, String path) throws IOException {
    HttpResponse<String> response = client.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("count").asLong();
  }

  private void authorizationRows(int size) throws Exception {
    long total = count("select count(*) from act_ru_authorization");
    print("Authorization rows: %,d (standing %,d; %.2f per request)%n", total, standingAuthorizations,
        (total - standingAuthorizations) / (double) size);
    try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery(
            "select resource_type_, case when group_id_ like 'membre-%' then 'member groups' when group_id_ is not null then group_id_"
                + " else 'users' end, count(*) from act_ru_authorization group by 1, 2 order by 1, 2")) {
      while (rows.next()) {
        print("  resource type %2d, %-22s %,8d%n", rows.getInt(1), rows.getString(2), rows.getLong(3));
      }
    }
  }

  // --- timings ------------------------------------------------------------------------------------------

  private List<Figure> measure() {
    String mine = filterId("Mes tâches");
    String groups = filterId("Tâches de mes groupes");
    List<Call> calls = new ArrayList<>();
    for (String api : List.of(REST, WEBAPPS)) {
      String name = api.equals(REST) ? "engine-rest" : "webapps";
      calls.add(new Call(name, "task list", "GET", api + "/task?firstResult=0&maxResults=15", JSON, null));
      calls.add(new Call(name, "task count", "GET", api + "/task/count", JSON, null));
      calls.add(new Call(name, "process-instance list", "GET", api + "/process-instance?firstResult=0&maxResults=15", JSON, null));
      calls.add(new Call(name, "process-instance count", "GET", api + "/process-instance/count", JSON, null));
      calls.add(new Call(name, "history list", "GET", api + "/history/process-instance?firstResult=0&maxResults=15", JSON, null));
      calls.add(new Call(name, "history count", "GET", api + "/history/process-instance/count", JSON, null));
    }
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
        + "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    calls.add(new Call("tasklist", "filters count", "GET", WEBAPPS + "/filter/count?itemCount=false&resourceType=Task", HAL, null));
    calls.add(new Call("tasklist", "filters list", "GET",
        WEBAPPS + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", HAL, null));
    calls.add(new Call("tasklist", "'Mes tâches' list+count", "POST", WEBAPPS + "/filter/" + mine + "/list?firstResult=0&maxResults=15",
        HAL, body));
    calls.add(new Call("tasklist", "'Tâches de mes groupes' list+count", "POST",
        WEBAPPS + "/filter/" + groups + "/list?firstResult=0&maxResults=15", HAL, body));

    List<Figure> result = new ArrayList<>();
    long budget = Duration.ofSeconds(Integer.getInteger("probe.budget", 4)).toNanos();
    for (String who : List.of("member", "staff")) {
      for (Call call : calls) {
        int[] turn = {0};
        Supplier<WebClient> client = () -> {
          if (who.equals("staff")) {
            return call.api().equals("engine-rest") ? staffRest : staffWebapps;
          }
          Member member = members.get(turn[0]++ % members.size());
          return call.api().equals("engine-rest") ? member.rest : member.webapps;
        };
        for (int i = 0; i < WARM_UP; i++) {
          if (time(client.get(), call) > budget / 2) {
            break; // a slow call needs no more warming up
          }
        }
        List<Double> samples = new ArrayList<>();
        long spent = 0;
        while (samples.size() < MAX_SAMPLES && (samples.size() < MIN_SAMPLES || spent < budget)) {
          long t = time(client.get(), call);
          spent += t;
          samples.add(t / 1e6);
        }
        samples.sort(Double::compare);
        Figure figure = new Figure(who, call.api(), call.name(), percentile(samples, 50), percentile(samples, 99), samples.size());
        result.add(figure);
        print(FIGURE, figure.who(), figure.api(), figure.call(), figure.median(), figure.p99(), figure.samples());
      }
    }
    return result;
  }

  private long time(WebClient client, Call call) {
    long start = System.nanoTime();
    HttpResponse<String> response = client.exchange(call.method(), call.path(), call.accept(), call.body());
    long elapsed = System.nanoTime() - start;
    assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
    return elapsed;
  }

  /** Nearest rank. */
  static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  // --- output -------------------------------------------------------------------------------------------


  private void printSummary() {
    print("%n== Summary: median / p99 in ms, by number of CommunicationRequest instances ==%n");
    StringBuilder header = new StringBuilder(String.format("%-7s %-12s %-36s", "who", "api", "call"));
    figures.keySet().forEach(size -> header.append(String.format(Locale.ROOT, " %17s", String.format(Locale.ROOT, "%,d", size))));
    print("%s%n", header);
    List<Figure> first = figures.values().iterator().next();
    for (int i = 0; i < first.size(); i++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s %-12s %-36s", first.get(i).who(), first.get(i).api(), first.get(i).call()));
      for (List<Figure> bySize : figures.values()) {
        line.append(String.format(Locale.ROOT, " %8.1f /%7.1f", bySize.get(i).median(), bySize.get(i).p99()));
      }
      print("%s%n", line);
    }
  }

  private void print(String format, Object... arguments) {
    String text = String.format(Locale.ROOT, format, arguments);
    report.append(text);
    PrintStream out = System.out;
    out.print(text);
    out.flush();
  }

  private void writeReport() throws IOException {
    Path file = Path.of("target", "scaling-probe-" + LocalDateTime.now().withNano(0).toString().replace(':', '-') + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report, StandardCharsets.UTF_8);
    System.out.println("Report written to " + file.toAbsolutePath());
  }

  private void hold() throws InterruptedException {
    int minutes = Integer.getInteger("probe.hold", 0);
    if (minutes > 0) {
      System.out.println("Database kept up for " + minutes + " min: " + TestDatabase.postgresUrl() + " (postgres/postgres)");
      Thread.sleep(Duration.ofMinutes(minutes).toMillis());
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private long count(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
