package fr.manche.tna.benchmark;

import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_MEMBER;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.NOTIFY_REFERENTS;
import static fr.manche.tna.communication.process.CommunicationRequestProcess.REVIEW_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.benchmark.BenchmarkReport.Target;
import fr.manche.tna.communication.process.CommunicationRequestProcess;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.platform.security.StaffGroup;
import fr.manche.tna.platform.web.TasklistFilters;
import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Member lists and counts (issue 13, item 3; README "Benchmark", "Member lists and counts"): how long a member and
 * a network referent wait for their lists and counts, through {@code /engine-rest} (HTTP Basic) and through the
 * webapps' API as Tasklist calls it (session login, HAL), authorization checks on, as the number of process
 * instances grows.
 *
 * <p>It creates {@link Scale#organisations()} member organisations with one member each and a staff referent, then
 * {@link Scale#memberInstances()} {@code CommunicationRequest} instances spread evenly over them: {@link
 * #REVIEW_SHARE} (2 %) waiting for the referents' review, {@link #AMEND_SHARE} (10 %) waiting for the member's
 * changes, the rest answered (refused: an agreed request starts a {@code JointReport} instance of its own, which the
 * copies below would not carry; a refused one simply ends). Instances pile up over the years of history; the open
 * ones are the work in hand, so the members' side is heavy on purpose and the referents' queue is what a team works
 * through ({@code -Dbenchmark.members.review-share=0.4} gives the first version's 40 %). Three instances per organisation
 * (one per state) go through the real process as Tasklist would (start form as the member, job, claim and review as
 * the referent, job); the others are copies of them, row for row and grant for grant ({@link InstanceCloner}), and
 * the section first checks that a copy and a new real instance, both reviewed through the engine, leave the same rows
 * and grants.
 *
 * <p>At each size it checks that everyone sees what they must and nothing else (it fails on wrong visibility, never
 * on time), then times every call: nearest-rank median and 99th percentile of up to {@code
 * benchmark.members.samples} samples after a warm-up (100 by default, 5 in the smoke run), members taken in turn, at
 * most {@code benchmark.members.budget} seconds per call and size (4 by default). The targets: every call's
 * 99th percentile under 100 ms at the largest size; a member's growing less than 2 times from the size before (staff
 * count the whole network: their growth is printed, not judged). Then the referents' queue is pushed to each of
 * {@link Scale#referentBacklogs()} (5,000 and 20,000) and staff's « Tâches de mes groupes » timed again: what a
 * backlog costs them. {@code -Dbenchmark.members.hold=30} keeps the database up 30 minutes at the end (its JDBC address
 * is printed) to run EXPLAIN by hand.
 *
 * <p>What to expect: a member's calls read their organisation's rows through indexes and stay flat as the network
 * grows. A referent's counts count everything staff see (every open task, instance and history of the network, and
 * for « Tâches de mes groupes » every request waiting for the referents), so they grow with what they count:
 * PostgreSQL joins and de-duplicates every such row (the engine's {@code count(distinct)} over the identity links and
 * the authorization join), about 5 ms per 1,000 waiting requests on the development machine. Covering indexes for
 * that count were tried and left out (docs/benchmark.md, "Member lists and counts").
 *
 * <p>The job executor is paused while the real instances are made (the section runs their jobs itself, as the
 * tests do), and runs again, idle, while copies are made and calls are timed, as in production.
 */
class MemberListsSection implements Section {

  static final String PASSWORD = "un-mot-de-passe-de-banc";
  static final String STAFF = "banc.referent";
  static final String REST = "/engine-rest";
  static final String WEBAPPS = "/camunda/api/engine/engine/default";
  static final String HAL = "application/hal+json, application/json; q=0.5";
  static final String JSON = "application/json";
  static final double P99_LIMIT_MS = 100;
  static final double GROWTH_LIMIT = 2;

  /**
   * Shares of the instances waiting, at every size: for the referents' review (the queue a team of referents works
   * through: 1,000 requests, ten per venue, at 50,000), and for the member's changes (heavy on purpose: every member's
   * lists are measured among the whole network's open tasks). The rest is answered.
   */
  static final double REVIEW_SHARE = 0.02;
  static final double AMEND_SHARE = 0.1;

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

  /** One call's timings at one size, for one kind of caller. */
  record Measured(String who, String api, String call, double median, double p99, int samples) {

    String key() {
      return who + " " + api + " " + call;
    }
  }

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
  @Autowired ProcessEngine processEngine;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;

  final ObjectMapper json = new ObjectMapper();
  final List<Member> members = new ArrayList<>();
  final Map<Integer, List<Measured>> measured = new LinkedHashMap<>();
  final Map<Long, Measured> backlogTimes = new LinkedHashMap<>();
  InstanceCloner cloner;
  WebClient staffRest;
  WebClient staffWebapps;
  String definitionId;
  int port;
  long standingAuthorizations;
  int maxSamples;
  int warmUp;
  long budget;
  double reviewShare;

  @Override
  public String name() {
    return "members";
  }

  @Override
  public void run(Scale scale, BenchmarkReport report) throws Exception {
    port = environment.getRequiredProperty("local.server.port", Integer.class);
    maxSamples = Integer.getInteger("benchmark.members.samples", scale.smoke() ? 5 : 100);
    warmUp = scale.smoke() ? 1 : 3;
    budget = Duration.ofMillis((long) (1000 * Double.parseDouble(
        System.getProperty("benchmark.members.budget", scale.smoke() ? "0.5" : "4")))).toNanos();
    reviewShare = Double.parseDouble(System.getProperty("benchmark.members.review-share", String.valueOf(REVIEW_SHARE)));
    cloner = new InstanceCloner(dataSource);
    definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CommunicationRequestProcess.KEY)
        .latestVersion().singleResult().getId();

    staffAndMembers(scale.organisations());
    standingAuthorizations = count("select count(*) from act_ru_authorization");
    long templatesStarted = System.nanoTime();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
    boolean executorWasActive = executor.isActive();
    executor.shutdown();
    try {
      Set<String> jobsBefore = new HashSet<>();
      managementService.createJobQuery().list().forEach(job -> jobsBefore.add(job.getId()));
      for (Member member : members) {
        for (State state : State.values()) {
          member.templates.put(state, realInstance(member, state));
          member.counts.merge(state, 1, Integer::sum);
        }
      }
      copiesBehaveAsRealInstances(report);
      // Each request also started a RequestAcknowledgement (the receipt mailed to the member): run those jobs here,
      // one by one, rather than leave hundreds of mails to the executor at once (see runOwnJobs).
      runOwnJobs(jobsBefore);
    } finally {
      if (executorWasActive) {
        executor.start();
      }
    }
    report.note(name(), String.format(Locale.ROOT, "%d organisations, %d real instances made through the process in %d s;"
            + " standing authorization rows %,d", members.size(), 3 * members.size() + 2,
        Duration.ofNanos(System.nanoTime() - templatesStarted).toSeconds(), standingAuthorizations));
    logIn();

    for (int size : scale.memberInstances()) {
      long filled = System.nanoTime();
      fillUpTo(size);
      analyze();
      long authorizations = count("select count(*) from act_ru_authorization");
      report.note(name(), String.format(Locale.ROOT, "%,d instances, filled in %d s; authorization rows %,d"
              + " (%.2f per instance beyond the standing ones); load before measuring %s", size,
          Duration.ofNanos(System.nanoTime() - filled).toSeconds(), authorizations,
          (authorizations - standingAuthorizations) / (double) size, loadAverage()));
      report.figure(name(), "authorization rows", String.format(Locale.ROOT, "%,d", size), authorizations, "rows");
      everyoneSeesWhatTheyMustAndNothingElse();
      List<Measured> figures = measure();
      measured.put(size, figures);
      for (Measured figure : figures) {
        String variant = figure.who() + " " + figure.api() + " " + String.format(Locale.ROOT, "%,d", size);
        report.figure(name(), figure.call() + " median", variant, figure.median(), "ms");
        report.target(name(), figure.call() + " p99", variant, figure.p99(), "ms",
            size == last(scale.memberInstances()) ? Target.atMost(P99_LIMIT_MS, "p99 <= 100 ms") : null);
      }
      report.note(name(), "load after measuring " + loadAverage());
    }
    growth(scale, report);
    referentBacklogs(scale, report);
    String table = summary();
    System.out.println(table);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "members-latest.txt"), table, StandardCharsets.UTF_8);
    hold();
  }

  /** The 99th percentile's growth from the size before the largest to the largest (the issue: 10,000 to 50,000). */
  private void growth(Scale scale, BenchmarkReport report) {
    List<Integer> sizes = scale.memberInstances();
    if (sizes.size() < 2) {
      return;
    }
    int largest = last(sizes);
    int before = sizes.get(sizes.size() - 2);
    Map<String, Measured> atBefore = new LinkedHashMap<>();
    measured.get(before).forEach(figure -> atBefore.put(figure.key(), figure));
    for (Measured figure : measured.get(largest)) {
      Measured earlier = atBefore.get(figure.key());
      String variant = String.format(Locale.ROOT, "%s %s %,d/%,d", figure.who(), figure.api(), largest, before);
      // A member's cost must not follow the network's; staff count the whole network, so theirs grows with it.
      report.target(name(), figure.call() + " p99 growth", variant, figure.p99() / earlier.p99(), "x",
          figure.who().equals("member") ? Target.atMost(GROWTH_LIMIT, "< 2x from the size before") : null);
      // The median's growth too: on a loaded machine one slow sample moves a p99 of 100 samples, not the median.
      report.figure(name(), figure.call() + " median growth", variant, figure.median() / earlier.median(), "x");
    }
  }

  private static int last(List<Integer> sizes) {
    return sizes.get(sizes.size() - 1);
  }

  // --- people -------------------------------------------------------------------------------------------

  private void staffAndMembers(int organisationCount) {
    if (identityService.createUserQuery().userId(STAFF).count() == 0) {
      User user = identityService.newUser(STAFF);
      user.setFirstName("Banc");
      user.setLastName("Référente");
      user.setEmail("banc.referent@manche.fr");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(STAFF, StaffGroup.NETWORK_REFERENTS.groupId());
    }
    for (int i = 0; i < organisationCount; i++) {
      long id = organisations.insert(
          new Organisation(null, "Structure banc " + i, LegalForm.ASSOCIATION, TestSirets.next(), i + " rue du Port, 50100 Cherbourg",
              null, "Contact " + i, "contact" + i + "@banc.example.fr", null),
          OffsetDateTime.now());
      Person person = accounts.addPerson(id, "Membre", "Banc" + i, "membre" + i + "@banc.example.fr", "ANIMATEUR", "banc");
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
      review(instanceId, state == State.AMEND ? "modifier" : "refuser");
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

  /**
   * The section's jobs still due (the receipts), one at a time. Left to the executor, 300 mail jobs at once starve
   * the connection pool (each job holds a connection and {@code NotificationService} asks another for its own
   * transaction) and the logins below fail.
   */
  private void runOwnJobs(Set<String> jobsBefore) {
    for (Job job : managementService.createJobQuery().executable().list()) {
      if (!jobsBefore.contains(job.getId())) {
        managementService.executeJob(job.getId());
      }
    }
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
  private void copiesBehaveAsRealInstances(BenchmarkReport report) throws Exception {
    Member member = members.get(0);
    String template = member.templates.get(State.REVIEW);
    String copy = cloner.copy(template, member.nextCopy.merge(State.REVIEW, 1, Integer::sum) - 1, 1).get(0);
    assertThat(cloner.rowCounts(copy)).isEqualTo(cloner.rowCounts(template));
    assertThat(cloner.authorizationShape(copy)).isEqualTo(cloner.authorizationShape(template));
    String real = realInstance(member, State.REVIEW);
    assertThat(cloner.rowCounts(copy)).as("a copy waiting for review and a real one").isEqualTo(cloner.rowCounts(real));
    review(copy, "refuser");
    review(real, "refuser");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(copy).singleResult().getEndTime()).isNotNull();
    assertThat(cloner.rowCounts(copy)).as("a copy and a real instance, answered").isEqualTo(cloner.rowCounts(real));
    assertThat(cloner.authorizationShape(copy)).as("grants of a copy and of a real instance, answered")
        .isEqualTo(cloner.authorizationShape(real));
    member.counts.merge(State.DONE, 2, Integer::sum);
    report.note(name(), "a copy and a real instance, both reviewed through the engine, leave the same rows "
        + cloner.rowCounts(real) + " and grants " + cloner.authorizationShape(real));
  }

  private void fillUpTo(int size) throws Exception {
    int perMember = size / members.size();
    int review = (int) Math.round(perMember * reviewShare);
    int amend = (int) Math.round(perMember * AMEND_SHARE);
    for (Member member : members) {
      topUp(member, State.REVIEW, review);
      topUp(member, State.AMEND, amend);
      topUp(member, State.DONE, perMember - review - amend);
    }
  }

  /** Copies the member's template of that state until the member has {@code target} instances in it. */
  private void topUp(Member member, State state, int target) throws Exception {
    int missing = target - member.counts.get(state);
    if (missing > 0) {
      cloner.copy(member.templates.get(state), member.nextCopy.get(state), missing);
      member.nextCopy.merge(state, missing, Integer::sum);
      member.counts.merge(state, missing, Integer::sum);
    }
  }

  /**
   * The referents' queue pushed far beyond the network's: staff's « Tâches de mes groupes » counts every request
   * waiting for the referents, so that call costs what the queue holds, whatever the number of instances. After the
   * largest size, the queue is topped up to each of {@link Scale#referentBacklogs()} and that one call is timed again.
   */
  private void referentBacklogs(Scale scale, BenchmarkReport report) throws Exception {
    Call call = tasklistFilter(TasklistFilters.MY_GROUPS_TASKS);
    for (int backlog : scale.referentBacklogs()) {
      int perMember = (backlog + members.size() - 1) / members.size();
      for (Member member : members) {
        topUp(member, State.REVIEW, perMember);
      }
      analyze();
      long waiting = taskService.createTaskQuery().taskCandidateGroup(StaffGroup.NETWORK_REFERENTS.groupId())
          .taskUnassigned().count();
      Measured figure = timed("staff", call);
      String variant = String.format(Locale.ROOT, "staff tasklist %,d waiting", waiting);
      report.figure(name(), call.name() + " median", variant, figure.median(), "ms");
      report.figure(name(), call.name() + " p99", variant, figure.p99(), "ms");
      backlogTimes.put(waiting, figure);
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

  // --- timings ------------------------------------------------------------------------------------------

  private List<Measured> measure() {
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
    calls.add(new Call("tasklist", "filters count", "GET", WEBAPPS + "/filter/count?itemCount=false&resourceType=Task", HAL, null));
    calls.add(new Call("tasklist", "filters list", "GET",
        WEBAPPS + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", HAL, null));
    calls.add(tasklistFilter(TasklistFilters.MY_TASKS));
    calls.add(tasklistFilter(TasklistFilters.MY_GROUPS_TASKS));

    List<Measured> result = new ArrayList<>();
    for (String who : List.of("member", "staff")) {
      for (Call call : calls) {
        result.add(timed(who, call));
      }
    }
    return result;
  }

  /** What Tasklist sends when it opens a filter: its list of 15 and its count in one call (HAL). */
  private Call tasklistFilter(String filterName) {
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
        + "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
    return new Call("tasklist", "'" + filterName + "' list+count", "POST",
        WEBAPPS + "/filter/" + filterId(filterName) + "/list?firstResult=0&maxResults=15", HAL, body);
  }

  /** One call timed: warm-up, then up to maxSamples samples within the budget, members taken in turn. */
  private Measured timed(String who, Call call) {
    int[] turn = {0};
    Supplier<WebClient> client = () -> {
      if (who.equals("staff")) {
        return call.api().equals("engine-rest") ? staffRest : staffWebapps;
      }
      Member member = members.get(turn[0]++ % members.size());
      return call.api().equals("engine-rest") ? member.rest : member.webapps;
    };
    for (int i = 0; i < warmUp; i++) {
      if (time(client.get(), call) > budget / 2) {
        break; // a slow call needs no more warming up
      }
    }
    Timings timings = new Timings();
    long spent = 0;
    while (timings.count() < maxSamples && (timings.count() < 3 || spent < budget)) {
      long elapsed = time(client.get(), call);
      spent += elapsed;
      timings.add(elapsed / 1e6);
    }
    return new Measured(who, call.api(), call.name(), timings.median(), timings.percentile(99), timings.count());
  }

  private long time(WebClient client, Call call) {
    long start = System.nanoTime();
    HttpResponse<String> response = client.exchange(call.method(), call.path(), call.accept(), call.body());
    long elapsed = System.nanoTime() - start;
    assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
    return elapsed;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }

  // --- output -------------------------------------------------------------------------------------------

  /** Median / p99 in ms of every call, by size (the scaling probe's table). */
  private String summary() {
    StringBuilder table = new StringBuilder("\n== Member lists and counts: median / p99 in ms, by number of instances ==\n");
    table.append(String.format(Locale.ROOT, "%-7s %-12s %-36s", "who", "api", "call"));
    measured.keySet().forEach(size -> table.append(String.format(Locale.ROOT, " %17s", String.format(Locale.ROOT, "%,d", size))));
    table.append('\n');
    List<Measured> first = measured.values().iterator().next();
    for (int i = 0; i < first.size(); i++) {
      table.append(String.format(Locale.ROOT, "%-7s %-12s %-36s", first.get(i).who(), first.get(i).api(), first.get(i).call()));
      for (List<Measured> bySize : measured.values()) {
        table.append(String.format(Locale.ROOT, " %8.1f /%7.1f", bySize.get(i).median(), bySize.get(i).p99()));
      }
      table.append('\n');
    }
    if (!backlogTimes.isEmpty()) {
      table.append("\n== Staff's 'Tâches de mes groupes' list+count, by requests waiting for the referents: median / p99 in ms ==\n");
      backlogTimes.forEach((waiting, figure) -> table.append(String.format(Locale.ROOT, "%,10d waiting %8.1f /%7.1f%n",
          waiting, figure.median(), figure.p99())));
    }
    return table.toString();
  }

  private void hold() throws InterruptedException {
    int minutes = Integer.getInteger("benchmark.members.hold", 0);
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

  /**
   * Statistics and visibility as a live database has them: after tens of thousands of rows copied at once,
   * PostgreSQL's autovacuum would otherwise work through them, on the same 2 cores, while the first calls are timed.
   */
  private void analyze() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement analyze = connection.createStatement()) {
      analyze.execute("vacuum analyze");
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
