package fr.manche.tna.platform.security;

import fr.manche.tna.membership.MemberInstanceAccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.manche.tna.convention.ConventionVariables;
import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.platform.process.CommonVariables;
import fr.manche.tna.platform.process.ProcessVariable;
import fr.manche.tna.platform.security.Caller.Api;
import fr.manche.tna.platform.security.FormSamples.Value;
import fr.manche.tna.platform.security.ModelCatalogue.Field;
import fr.manche.tna.platform.security.ModelCatalogue.Form;
import fr.manche.tna.platform.security.ModelCatalogue.StartFormModel;
import fr.manche.tna.platform.security.OwnedInstances.Owner;
import fr.manche.tna.platform.security.OwnedInstances.Positioned;
import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's trust boundary on what people submit and query, generic over every process and form of
 * {@code bpmn/} and {@code forms/}:
 *
 * <ul>
 *   <li>A. a start or a task completion carrying a variable its form does not declare is refused (400, French)
 *       and changes nothing, whichever way it comes (REST {@code start}/{@code complete}/{@code submit-form},
 *       the webapps' API);
 *   <li>B. values of another type than the field's, a required field missing, oversized or malformed texts
 *       are refused with a French sentence alone, and create nothing;
 *   <li>D. expressions in a member's task queries are refused by the engine whatever the spelling of the
 *       Content-Type, top level or nested, and never evaluated; stored filters hold no expression but
 *       {@code ${currentUser()}} and {@code ${currentUserGroups()}}, and the Tasklist default filters still
 *       list a member's tasks.
 * </ul>
 *
 * Organisation A has a convention in force (made through the real processes), so that the forms' valid
 * samples name real things; instances of every process are positioned at each of its user tasks for A
 * ({@link OwnedInstances}). Each test collects every failing probe and reports them all.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustBoundaryTest {

  static final String PASSWORD = OwnedInstances.PASSWORD;
  static final String MEMBERS_GROUP = AccountService.ALL_MEMBERS_GROUP;
  static final String ADMINISTRATORS = "camunda-admin";

  @Autowired ConventionFixtures fixtures;
  @Autowired ProcessDriver driver;
  @Autowired OrganisationRepository organisations;
  @Autowired AccountService accounts;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired fr.manche.tna.inventory.Catalogue equipment;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  final String nonce = UUID.randomUUID().toString().substring(0, 8);
  final ModelCatalogue catalogue = ModelCatalogue.read();
  final Map<String, Caller> callers = new HashMap<>();
  final Map<String, String> staffOfGroup = new HashMap<>();
  final List<String> filtersCreatedHere = new ArrayList<>();

  OwnedInstances owned;
  FormSamples samples;
  Owner a;
  Owner b;
  List<Target> targets;

  // ---------------------------------------------------------------------------------------------------------
  // Set-up: organisation A with a convention in force, an intruder organisation B, staff of every group, and
  // one instance of every process positioned at each of its user tasks for A.

  @BeforeAll
  void organisationsStaffAndInstances() {
    TestMailServer.ensureUp();
    owned = new OwnedInstances(runtimeService, taskService, authorizationService, managementService, identityService, context);
    LocalDate today = ParisTime.today();
    ConventionFixtures.Signed signed;
    try {
      signed = fixtures.signed(TestSirets.next(), "Commune de Confiance " + nonce, today, today, today);
    } finally {
      ClockUtil.reset();
    }
    long organisationId = signed.convention().organisationId();
    a = new Owner(organisationId, organisations.findById(organisationId).orElseThrow().memberGroupId(), signed.memberSignatoryUserId(),
        organisations.findById(organisationId).orElseThrow().siret(), signed.id());
    OwnedInstances.setPassword(identityService, a.memberUserId());
    b = OwnedInstances.newMember(organisations, accounts, identityService, "Association Intruse " + nonce, "Bruno");
    samples = new FormSamples(a.siret(), TestSirets.next(), nonce);

    targets = new ArrayList<>();
    for (StartFormModel start : catalogue.startForms()) {
      for (String starter : startersOf(start)) {
        targets.add(new StartTarget(start, caller(starter)));
      }
    }
    for (ModelCatalogue.UserTaskModel task : catalogue.userTasks()) {
      Positioned positioned = owned.position(task, a);
      targets.add(new TaskTarget(positioned, caller(entitledTo(positioned))));
    }
    assertThat(targets.stream().filter(target -> target instanceof TaskTarget)).as("user tasks found in bpmn/").isNotEmpty();
    assertThat(targets.stream().filter(target -> target instanceof StartTarget)).as("start forms found in bpmn/").isNotEmpty();
  }

  @AfterAll
  void removeTheFiltersMadeHere() {
    filtersCreatedHere.forEach(id -> {
      if (filterService.getFilter(id) != null) {
        filterService.deleteFilter(id);
      }
    });
  }

  /** Who may start the process: a member of A for the members' processes, else staff of each starter group. */
  private List<String> startersOf(StartFormModel start) {
    List<String> users = new ArrayList<>();
    for (String group : start.starterGroups()) {
      users.add(group.equals(MEMBERS_GROUP) ? a.memberUserId() : staffOf(group));
    }
    if (users.isEmpty()) {
      users.add(staffOf(ADMINISTRATORS));
    }
    return users;
  }

  /** A person the engine lets complete the task: its assignee, or someone of its candidate groups. */
  private String entitledTo(Positioned task) {
    if (task.assignee() != null) {
      if (!task.assignee().equals(a.memberUserId())) {
        throw new AssertionError(task + " is assigned to " + task.assignee() + ", whose password the test does not know");
      }
      return task.assignee();
    }
    for (String group : task.candidateGroups()) {
      return group.equals(a.groupId()) ? a.memberUserId() : staffOf(group);
    }
    if (!task.candidateUsers().isEmpty()) {
      throw new AssertionError(task + ": candidate users " + task.candidateUsers() + " are not supported by the test");
    }
    throw new AssertionError(task + " has neither assignee nor candidate group: nobody but staff could complete it");
  }

  /** A staff account in that group (created once), with the test's password. */
  private String staffOf(String group) {
    return staffOfGroup.computeIfAbsent(group, g -> {
      String userId = "confiance." + g;
      driver.ensureStaff(userId, userId + "@manche.fr", g);
      OwnedInstances.setPassword(identityService, userId);
      return userId;
    });
  }

  private Caller caller(String userId) {
    return callers.computeIfAbsent(userId, id -> Caller.login(port, id, PASSWORD));
  }

  // ---------------------------------------------------------------------------------------------------------
  // What is submitted, and where: start forms and task forms, each by a person entitled to it, through every
  // way in (rotating over the probes).

  /** A form a person may submit: a start form by a starter, or a task's form by a person entitled to the task. */
  interface Target {
    Form form();

    /** Submits {"variables": variables} through the way in number {@code way} (modulo their count). */
    HttpResponse<String> submit(int way, ObjectNode variables);

    String way(int way);

    /** The rows a refusal must leave unchanged. */
    DatabaseSnapshot snapshot();

    /** After a submission that wrongly went through: back to a state where the next probe means something. */
    void recover();
  }

  final class StartTarget implements Target {
    final StartFormModel start;
    final Caller caller;
    private final List<Function<ObjectNode, HttpResponse<String>>> ways = new ArrayList<>();
    private final List<String> wayNames = new ArrayList<>();

    StartTarget(StartFormModel start, Caller caller) {
      this.start = start;
      this.caller = caller;
      for (Api api : Api.values()) {
        for (String action : List.of("start", "submit-form")) {
          String path = "/process-definition/key/" + start.processKey() + "/" + action;
          wayNames.add("POST " + api.base + path);
          ways.add(variables -> caller.call(api, "POST", path, body(variables)));
        }
      }
    }

    @Override
    public Form form() {
      return catalogue.form(start.formRef());
    }

    @Override
    public HttpResponse<String> submit(int way, ObjectNode variables) {
      return ways.get(way % ways.size()).apply(variables);
    }

    @Override
    public String way(int way) {
      return wayNames.get(way % wayNames.size());
    }

    @Override
    public DatabaseSnapshot snapshot() {
      return DatabaseSnapshot.ofInstance(jdbc, null);
    }

    @Override
    public void recover() {}

    @Override
    public String toString() {
      return "démarrage de " + start.processKey() + " (formulaire " + start.formRef() + ") par " + caller;
    }
  }

  final class TaskTarget implements Target {
    Positioned task;
    final Caller caller;

    TaskTarget(Positioned task, Caller caller) {
      this.task = task;
      this.caller = caller;
    }

    private List<String[]> ways() {
      List<String[]> ways = new ArrayList<>();
      for (Api api : Api.values()) {
        for (String action : List.of("complete", "submit-form")) {
          ways.add(new String[] {api.name(), "/task/{id}/" + action, "POST " + api.base + "/task/{id}/" + action});
        }
      }
      return ways;
    }

    @Override
    public Form form() {
      return catalogue.form(task.model().formRef());
    }

    @Override
    public HttpResponse<String> submit(int way, ObjectNode variables) {
      String[] chosen = ways().get(way % ways().size());
      return caller.call(Api.valueOf(chosen[0]), "POST", chosen[1].replace("{id}", task.taskId()), body(variables));
    }

    @Override
    public String way(int way) {
      return ways().get(way % ways().size())[2];
    }

    @Override
    public DatabaseSnapshot snapshot() {
      return DatabaseSnapshot.ofInstance(jdbc, task.processInstanceId());
    }

    @Override
    public void recover() {
      Task still = taskService.createTaskQuery().taskId(task.taskId()).singleResult();
      if (still == null) {
        task = owned.position(task.model(), a);
      } else if (!java.util.Objects.equals(still.getAssignee(), task.assignee())) {
        taskService.setAssignee(task.taskId(), task.assignee());
      }
    }

    @Override
    public String toString() {
      return "tâche " + task + " (formulaire " + task.model().formRef() + ") par " + caller;
    }
  }

  private String body(ObjectNode variables) {
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private static ObjectNode variables(Map<String, Object> values) {
    ObjectNode variables = FormSamples.JSON.createObjectNode();
    values.forEach((key, value) -> variables.set(key, Value.of(value).json()));
    return variables;
  }

  /**
   * Sends one refused submission and checks the refusal: 400, a French sentence alone, nothing changed.
   *
   * @return the number of the next way in
   */
  private int expectRefusal(Findings findings, Target target, int way, ObjectNode variables, String what, String... notInMessage) {
    DatabaseSnapshot before = target.snapshot();
    HttpResponse<String> response = target.submit(way, variables);
    String probe = target + ", " + target.way(way) + ", " + what;
    if (response.statusCode() != 400) {
      findings.add(probe + " → " + Findings.describe(response));
    } else {
      Findings.notAFrenchMessage(response, notInMessage).ifPresent(problem -> findings.add(probe + " → 400 mais " + problem));
    }
    List<String> changes = target.snapshot().changesSince(before);
    if (!changes.isEmpty()) {
      findings.add(probe + " → la base a changé : " + changes);
      target.recover();
    }
    return way + 1;
  }

  // ---------------------------------------------------------------------------------------------------------
  // A. Undeclared variables

  /**
   * Names of the variables the processes themselves keep, which a submission must never set: the ids the
   * brief names, every variable the models read or set, and every constant of the process classes that names
   * a variable. Each is tried alone.
   */
  private Set<String> processVariableNames() {
    Set<String> names = new LinkedHashSet<>(List.of("documentId", "conventionId", "requestId", "organisationId", "memberGroupId"));
    catalogue.processVariableNames().stream().filter(name -> !context.containsBean(name)).forEach(names::add);
    names.addAll(processClassVariableNames());
    return names;
  }

  /**
   * The process variables the {@code *Process} classes, {@link CommonVariables} and {@link ConventionVariables}
   * declare, and their string constants that look like variable names.
   */
  private static Set<String> processClassVariableNames() {
    Set<String> names = new LinkedHashSet<>();
    try {
      List<Resource> classes = new ArrayList<>(List.of(
          new PathMatchingResourcePatternResolver().getResources("classpath*:fr/manche/tna/**/*Process.class")));
      List<String> classNames = new ArrayList<>();
      for (Resource resource : classes) {
        String path = resource.getURL().toString();
        classNames.add(path.substring(path.indexOf("fr/manche/tna/"), path.length() - ".class".length()).replace('/', '.'));
      }
      classNames.add(CommonVariables.class.getName());
      classNames.add(ConventionVariables.class.getName());
      for (String className : classNames) {
        Class<?> type = Class.forName(className);
        for (java.lang.reflect.Field field : type.getFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof ProcessVariable<?> variable) {
            names.add(variable.name());
          } else if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            String value = (String) field.get(null);
            if (value != null && value.matches("[a-z][a-z]*[A-Z][A-Za-z]*")) {
              names.add(value);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  /** A value an intruder would give to that variable: another organisation's ids and group, or any text. */
  private Value intruderValue(String name) {
    return switch (name) {
      case "memberGroupId" -> Value.string(b.groupId());
      case "memberSignatoryUserId", "initiator", "reviewer", "proposedBy" -> Value.string(b.memberUserId());
      case "organisationId" -> Value.raw("l'id d'une autre organisation", "{\"value\": " + b.organisationId() + ", \"type\": \"Long\"}");
      default -> name.endsWith("Id")
          ? Value.raw("un id", "{\"value\": " + OwnedInstances.NO_SUCH_ID + ", \"type\": \"Long\"}")
          : Value.string("valeur glissée par un script");
    };
  }

  @Test
  @Order(1)
  void aSubmissionCarryingAVariableItsFormDoesNotDeclareIsRefusedAndChangesNothing() {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    Set<String> processVariables = processVariableNames();
    Set<String> formKeys = new LinkedHashSet<>();
    catalogue.forms().values().forEach(form -> formKeys.addAll(form.keys()));
    formKeys.removeAll(processVariables);
    int probes = 0;
    for (Target target : targets) {
      Form form = target.form();
      Map<String, Object> valid = samples.validSubmissions(form).get(0);
      int way = 0;
      // Each variable of the processes alone.
      for (String name : processVariables) {
        if (!form.keys().contains(name)) {
          ObjectNode variables = variables(valid);
          Value intruder = intruderValue(name);
          variables.set(name, intruder.json());
          way = expectRefusal(findings, target, way, variables, "variable non déclarée " + name + " = " + intruder.description());
          probes++;
        }
      }
      // The fields of the other forms (another step's answer), a few at a time.
      List<String> others = formKeys.stream().filter(key -> !form.keys().contains(key)).toList();
      for (int from = 0; from < others.size(); from += 5) {
        List<String> names = others.subList(from, Math.min(others.size(), from + 5));
        ObjectNode variables = variables(valid);
        names.forEach(name -> variables.set(name, Value.string("valeur glissée par un script").json()));
        way = expectRefusal(findings, target, way, variables, "champs d'autres formulaires " + names);
        probes++;
      }
    }
    assertThat(probes).isPositive();
    checkUnchangedSince(findings, before);
    findings.assertNone("Variables non déclarées par le formulaire (" + probes + " essais)");
  }

  // ---------------------------------------------------------------------------------------------------------
  // B. Bad values

  /** For every target, every valid variant of its form, every field shown in it: the bad values from {@code bad}. */
  private void probeEveryField(String title, BadValues bad) {
    Findings findings = new Findings();
    DatabaseSnapshot before = DatabaseSnapshot.full(jdbc, dataSource);
    int probes = 0;
    for (Target target : targets) {
      Form form = target.form();
      Set<String> probed = new HashSet<>();
      int way = 0;
      for (Map<String, Object> valid : samples.validSubmissions(form)) {
        for (Field field : form.inputs()) {
          if (!valid.containsKey(field.key()) || !probed.add(field.key() + "=" + bad.variantKey(field, valid))) {
            continue;
          }
          for (Map.Entry<String, Optional<Value>> probe : bad.values(field, valid).entrySet()) {
            ObjectNode variables = variables(valid);
            if (probe.getValue().isPresent()) {
              variables.set(field.key(), probe.getValue().get().json());
            } else {
              variables.remove(field.key());
            }
            way = expectRefusal(findings, target, way, variables, "champ " + field.key() + " : " + probe.getKey(),
                field.pattern());
            probes++;
          }
        }
      }
    }
    assertThat(probes).isPositive();
    checkUnchangedSince(findings, before);
    findings.assertNone(title + " (" + probes + " essais)");
  }

  /** The bad values to try on one field of a valid submission, by description (empty: the field left out). */
  interface BadValues {
    Map<String, Optional<Value>> values(Field field, Map<String, Object> valid);

    /** Fields probed once per distinct key; a field probed again only if its valid context matters. */
    default String variantKey(Field field, Map<String, Object> valid) {
      return "";
    }
  }

  @Test
  @Order(2)
  void valuesOfAnotherTypeThanTheFieldsAreRefusedInFrenchAndCreateNothing() {
    probeEveryField("Valeurs d'un autre type que le champ", (field, valid) -> {
      Map<String, Optional<Value>> values = new LinkedHashMap<>();
      FormSamples.wrongTypes(field).forEach(value -> values.put(value.description(), Optional.of(value)));
      return values;
    });
  }

  @Test
  @Order(3)
  void aRequiredFieldMissingIsRefusedInFrenchAndCreatesNothing() {
    probeEveryField("Champ obligatoire absent", (field, valid) -> {
      Map<String, Optional<Value>> values = new LinkedHashMap<>();
      if (field.required()) {
        values.put("absent", Optional.empty());
        values.put("valeur nulle", Optional.of(Value.raw("null", "{\"value\": null, \"type\": \"Null\"}")));
        if (!field.isCheckbox()) {
          values.put("vide", Optional.of(Value.string("")));
        }
      }
      return values;
    });
  }

  @Test
  @Order(4)
  void anOversizedTextIsRefusedInFrenchAndCreatesNothing() {
    probeEveryField("Texte trop long", (field, valid) -> {
      Map<String, Optional<Value>> values = new LinkedHashMap<>();
      if (field.isText()) {
        FormSamples.oversized(field).forEach(value -> values.put(value.description(), Optional.of(value)));
      }
      return values;
    });
  }

  @Test
  @Order(5)
  void aMalformedValueIsRefusedInFrenchAndCreatesNothing() {
    probeEveryField("Valeur mal formée (motif du champ, adresse, saut de ligne)", (field, valid) -> {
      Map<String, Optional<Value>> values = new LinkedHashMap<>();
      if (field.isText()) {
        FormSamples.malformed(field, (String) valid.get(field.key()))
            .forEach(value -> values.put(value.description(), Optional.of(value)));
      }
      return values;
    });
  }

  @Test
  @Order(6)
  void aChoiceOutsideTheFieldsOptionsIsRefusedInFrenchAndCreatesNothing() {
    probeEveryField("Choix hors des options du champ", (field, valid) -> {
      Map<String, Optional<Value>> values = new LinkedHashMap<>();
      if (field.isChoice()) {
        values.put("option inconnue", Optional.of(Value.string("option-inconnue")));
      }
      if (field.isList()) {
        values.put("option inconnue dans la liste", Optional.of(Value.list(List.of("option-inconnue"))));
        values.put("une option connue et une inconnue", Optional.of(Value.list(List.of(field.options().get(0), "option-inconnue"))));
      }
      return values;
    });
  }

  /**
   * The control of the tests above: the valid sample of every start form, submitted by a starter, starts the
   * process. So a refusal above is due to the one bad value, not to the sample. It runs for an organisation
   * of its own (C), so that the instances it creates change nothing of what the other tests look at.
   */
  @Test
  @Order(7)
  void everyStartFormAcceptsItsValidSampleSoThatTheRefusalsAboveMeanSomething() throws Exception {
    LocalDate today = ParisTime.today();
    ConventionFixtures.Signed signed;
    try {
      signed = fixtures.signed(TestSirets.next(), "Commune de Contrôle " + nonce, today, today, today);
    } finally {
      ClockUtil.reset();
    }
    OwnedInstances.setPassword(identityService, signed.memberSignatoryUserId());
    String siret = organisations.findById(signed.convention().organisationId()).orElseThrow().siret();
    FormSamples control = new FormSamples(siret, TestSirets.next(), nonce + "c");
    // A loan request needs an insured member (R14) and an item to choose next.
    organisations.setInsurance(signed.convention().organisationId(), new fr.manche.tna.membership.Insurance(
        "MAIF", "P-" + nonce, today.minusDays(1), today.plusYears(1)));
    if (equipment.typeNamed("Tablette").isEmpty()) {
      equipment.addType("Tablette", "securite");
    }
    String number = ("TB-" + nonce).replaceAll("[^A-Za-z0-9-]", "").toUpperCase(java.util.Locale.ROOT);
    number = number.substring(0, Math.min(number.length(), 30));
    equipment.create(new fr.manche.tna.inventory.ItemDraft(number, "SN-" + number, "Tablette", "Chargeur", "Disponible", ""), "securite");
    // A damage report names an item the member's organisation has picked up: one such loan, written as it stands.
    String lent = ("TL-" + nonce).replaceAll("[^A-Za-z0-9-]", "").toUpperCase(java.util.Locale.ROOT);
    lent = lent.substring(0, Math.min(lent.length(), 30));
    long lentId = equipment.create(new fr.manche.tna.inventory.ItemDraft(lent, "SN-" + lent, "Tablette", "Chargeur",
        "Disponible", ""), "securite").id();
    org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into loan_request (organisation_id, requested_by, activities, expected_audience, first_day, last_day,"
            + " status, created_at, picked_up_at) values (?, ?, 'Ateliers', 'Tout public', ?, ?, 'APPROUVEE', ?, ?)")
        .params(signed.convention().organisationId(), signed.memberSignatoryUserId(), today.minusDays(3), today.plusDays(3),
            java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now().minusDays(3))
        .update(keys, "id");
    long loanId = keys.getKey().longValue();
    jdbc.sql("insert into loan_request_item (loan_request_id, position, item_id) values (?, 1, ?)").params(loanId, lentId).update();
    // A proposal for the committee needs one open to the member's organisation.
    org.springframework.jdbc.support.KeyHolder cycle = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into steering_cycle (kind, period_year, started_by, started_at, meeting_at, place, agenda,"
            + " proposals_deadline) values ('COMITE', ?, 'securite', ?, ?, 'Saint-Lô', 'Ordre du jour', ?)")
        .params(today.getYear(), java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now().plusDays(20), today.plusDays(10))
        .update(cycle, "id");
    jdbc.sql("insert into committee_invitation (cycle_id, organisation_id) values (?, ?)")
        .params(cycle.getKey().longValue(), signed.convention().organisationId()).update();
    control.override("DamageReportStart", "inventoryNumber", lent);
    control.override("DamageReportStart", "occurredOn", today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    Findings findings = new Findings();
    for (StartFormModel start : catalogue.startForms()) {
      for (String group : start.starterGroups().isEmpty() ? List.of(ADMINISTRATORS) : start.starterGroups()) {
        Caller starter = caller(group.equals(MEMBERS_GROUP) ? signed.memberSignatoryUserId() : staffOf(group));
        Map<String, Object> valid = control.validSubmissions(catalogue.form(start.formRef())).get(0);
        HttpResponse<String> started = starter.call(Api.REST, "POST", "/process-definition/key/" + start.processKey() + "/submit-form",
            body(variables(valid)));
        if (started.statusCode() != 200) {
          findings.add(start + " par " + starter + ", échantillon valide " + valid + " → " + Findings.describe(started));
        }
      }
    }
    findings.assertNone("Les échantillons valides des formulaires de démarrage");
  }

  private void checkUnchangedSince(Findings findings, DatabaseSnapshot before) {
    List<String> changes = DatabaseSnapshot.full(jdbc, dataSource).changesSince(before);
    if (!changes.isEmpty()) {
      findings.add("Après tous les essais, la base a changé : " + changes);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // D. Expressions in queries

  /** An expression whose evaluation leaves a trace: it writes the marker into organisation B's row. */
  private String sideEffect(String marker, char sigil) {
    return sigil + "{jdbcClient.sql(\"update organisation set venue_description = '" + marker + "' where id = " + b.organisationId()
        + "\").update() >= 0 ? 'personne' : 'personne'}";
  }

  private boolean evaluated(String marker) {
    return jdbc.sql("select count(*) from organisation where venue_description = ?").param(marker).query(Long.class).single() > 0;
  }

  /** The Tasklist filters everyone reads, which use no expression but currentUser() and currentUserGroups(). */
  private List<Filter> defaultFilters() {
    List<Filter> filters = new ArrayList<>();
    for (Filter filter : filterService.createFilterQuery().list()) {
      if (filtersCreatedHere.contains(filter.getId()) || !(filter.getQuery() instanceof TaskQueryImpl query)) {
        continue;
      }
      Set<String> expressions = new HashSet<>();
      query.getExpressions().values().forEach(expression -> expressions.add(expression.trim()));
      query.getQueries().forEach(or -> or.getExpressions().values().forEach(expression -> expressions.add(expression.trim())));
      if (!expressions.isEmpty() && Set.of("${currentUser()}", "${currentUserGroups()}").containsAll(expressions)) {
        filters.add(filter);
      }
    }
    assertThat(filters).as("Tasklist default filters (TasklistFilters)").isNotEmpty();
    return filters;
  }

  @Test
  @Order(10)
  void expressionsInAMembersTaskQueriesAreRefusedWhateverTheContentTypeAndNeverEvaluated() {
    Caller member = caller(a.memberUserId());
    String filterId = defaultFilters().get(0).getId();
    String marker = "EXPR-" + nonce + "-adhoc";
    Findings findings = new Findings();
    List<String> contentTypes = List.of("application/json", "APPLICATION/JSON", "Application/Json; charset=UTF-8");
    List<String> paths = List.of("/task?firstResult=0&maxResults=10", "/task/count",
        "/filter/" + filterId + "/list?firstResult=0&maxResults=10", "/filter/" + filterId + "/count");
    Map<String, String> expressions = new LinkedHashMap<>();
    expressions.put("expression qui écrit en base", sideEffect(marker, '$'));
    expressions.put("expression différée qui écrit en base", sideEffect(marker, '#'));
    expressions.put("${dataSource}", "${dataSource}");
    expressions.put("${jdbcClient…singleValue()}", "${jdbcClient.sql('select 1').query().singleValue()}");
    expressions.put("${currentUser()}", "${currentUser()}");
    int probes = 0;
    for (Map.Entry<String, String> expression : expressions.entrySet()) {
      boolean everyContentType = expression.getValue().contains(marker);
      for (Api api : Api.values()) {
        for (String path : paths) {
          for (String contentType : everyContentType ? contentTypes : contentTypes.subList(1, 2)) {
            for (Map.Entry<String, String> body : queryBodies(expression.getValue()).entrySet()) {
              HttpResponse<String> response = member.call(api, "POST", path, contentType, body.getValue());
              probes++;
              if (response.statusCode() != 400) {
                findings.add(expression.getKey() + " " + body.getKey() + ", POST " + api.base + path + " (" + contentType + ") → "
                    + Findings.describe(response));
              }
            }
          }
        }
        String get = "/task?firstResult=0&maxResults=10&assigneeExpression=" + URLEncoder.encode(expression.getValue(), StandardCharsets.UTF_8);
        HttpResponse<String> response = member.call(api, "GET", get, null);
        probes++;
        if (response.statusCode() != 400) {
          findings.add(expression.getKey() + " en paramètre, GET " + api.base + "/task → " + Findings.describe(response));
        }
      }
    }
    if (evaluated(marker)) {
      findings.add("L'expression a été évaluée : la ligne de l'organisation B porte la marque " + marker);
    }
    // The same queries without the expression are answered.
    for (Api api : Api.values()) {
      for (String path : paths) {
        for (String contentType : contentTypes) {
          for (String body : List.of("{}", "{\"orQueries\": [{\"assignee\": \"" + member.userId + "\"}]}")) {
            HttpResponse<String> response = member.call(api, "POST", path, contentType, body);
            if (response.statusCode() != 200) {
              findings.add("Sans expression, " + body + ", POST " + api.base + path + " (" + contentType + ") → " + Findings.describe(response));
            }
          }
        }
      }
    }
    findings.assertNone("Expressions dans les requêtes d'un membre (" + probes + " essais)");
  }

  /** A task query holding the expression at the top level, nested in orQueries, under several criteria. */
  private Map<String, String> queryBodies(String expression) {
    Map<String, String> bodies = new LinkedHashMap<>();
    ObjectNode top = json.createObjectNode();
    top.put("assigneeExpression", expression);
    bodies.put("au premier niveau (assigneeExpression)", top.toString());
    ObjectNode nested = json.createObjectNode();
    ArrayNode or = nested.putArray("orQueries");
    or.addObject().put("assigneeExpression", expression);
    bodies.put("dans orQueries (assigneeExpression)", nested.toString());
    ObjectNode nestedCandidate = json.createObjectNode();
    nestedCandidate.putArray("orQueries").addObject().put("candidateUserExpression", expression);
    bodies.put("dans orQueries (candidateUserExpression)", nestedCandidate.toString());
    return bodies;
  }

  @Test
  @Order(11)
  void theEngineItselfRefusesAnExpressionInAMembersQueryAndDoesNotEvaluateIt() {
    String marker = "EXPR-" + nonce + "-engine";
    String expression = sideEffect(marker, '$');
    Findings findings = new Findings();
    Map<String, Function<TaskQuery, TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("au premier niveau", query -> query.taskAssigneeExpression(expression));
    queries.put("dans une requête « or »", query -> query.or().taskAssigneeExpression(expression).endOr());
    queries.put("dans une requête « or » (candidat)", query -> query.or().taskCandidateUserExpression(expression).endOr());
    String filterId = defaultFilters().get(0).getId();
    List<String> groups = identityService.createGroupQuery().groupMember(a.memberUserId()).list().stream().map(group -> group.getId()).toList();
    for (Map.Entry<String, Function<TaskQuery, TaskQuery>> query : queries.entrySet()) {
      identityService.setAuthentication(a.memberUserId(), groups);
      try {
        query.getValue().apply(taskService.createTaskQuery()).list();
        findings.add("TaskService, expression " + query.getKey() + " : requête exécutée");
      } catch (ProcessEngineException refused) {
        // expected
      } finally {
        identityService.clearAuthentication();
      }
      identityService.setAuthentication(a.memberUserId(), groups);
      try {
        filterService.list(filterId, query.getValue().apply(taskService.createTaskQuery()));
        findings.add("FilterService.list, expression " + query.getKey() + " : requête exécutée");
      } catch (ProcessEngineException refused) {
        // expected
      } finally {
        identityService.clearAuthentication();
      }
    }
    if (evaluated(marker)) {
      findings.add("L'expression a été évaluée : la ligne de l'organisation B porte la marque " + marker);
    }
    findings.assertNone("Expressions dans les requêtes d'un membre, par l'API Java du moteur");
  }

  @Test
  @Order(12)
  void aStoredFilterWithAnExpressionOtherThanCurrentUserOrCurrentUserGroupsIsRefusedOrNeverRuns() throws Exception {
    Caller admin = caller(staffOf(ADMINISTRATORS));
    String marker = "EXPR-" + nonce + "-stored";
    Findings findings = new Findings();
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("expression qui écrit en base, au premier niveau", "{\"assigneeExpression\": " + json.writeValueAsString(sideEffect(marker, '$')) + "}");
    queries.put("expression qui écrit en base, dans orQueries",
        "{\"orQueries\": [{\"assigneeExpression\": " + json.writeValueAsString(sideEffect(marker, '$')) + "}]}");
    queries.put("expression différée qui écrit en base, dans orQueries",
        "{\"orQueries\": [{\"candidateUserExpression\": " + json.writeValueAsString(sideEffect(marker, '#')) + "}]}");
    queries.put("${dataSource}", "{\"candidateGroupExpression\": \"${dataSource}\"}");
    queries.put("${currentUser()} détourné", "{\"assigneeExpression\": \"${currentUser().concat('')}\"}");
    for (Api api : Api.values()) {
      for (Map.Entry<String, String> query : queries.entrySet()) {
        String what = query.getKey() + " (" + api.base + ")";
        HttpResponse<String> created = admin.call(api, "POST", "/filter/create", filterBody("Filtre piège " + nonce, query.getValue()));
        if (created.statusCode() == 200) {
          String id = json.readTree(created.body()).get("id").asText();
          filtersCreatedHere.add(id);
          expectExecutionRefused(findings, admin, api, id, "créé avec " + what);
        } else if (created.statusCode() != 400) {
          findings.add("Création d'un filtre, " + what + " → " + Findings.describe(created));
        }
        String existing = storedFilter("Filtre existant " + nonce,
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        HttpResponse<String> updated = admin.call(api, "PUT", "/filter/" + existing, filterBody("Filtre modifié " + nonce, query.getValue()));
        if (updated.statusCode() == 204 || updated.statusCode() == 200) {
          expectExecutionRefused(findings, admin, api, existing, "modifié avec " + what);
        } else if (updated.statusCode() != 400) {
          findings.add("Modification d'un filtre, " + what + " → " + Findings.describe(updated));
        }
      }
    }
    if (evaluated(marker)) {
      findings.add("L'expression d'un filtre enregistré a été évaluée : la ligne de l'organisation B porte la marque " + marker);
    }
    findings.assertNone("Filtres enregistrés avec une expression");
  }

  @Test
  @Order(13)
  void anAdministratorMayStillStoreAFilterForTheCurrentUserAndHerGroups() throws Exception {
    Caller admin = caller(staffOf(ADMINISTRATORS));
    String allowed = "{\"assigneeExpression\": \"${currentUser()}\", \"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}";
    Findings findings = new Findings();
    for (Api api : Api.values()) {
      HttpResponse<String> created = admin.call(api, "POST", "/filter/create", filterBody("Filtre sûr " + nonce, allowed));
      if (created.statusCode() != 200) {
        findings.add("Création d'un filtre avec ${currentUser()} et ${currentUserGroups()} (" + api.base + ") → " + Findings.describe(created));
        continue;
      }
      String id = json.readTree(created.body()).get("id").asText();
      filtersCreatedHere.add(id);
      HttpResponse<String> listed = admin.call(api, "POST", "/filter/" + id + "/list?firstResult=0&maxResults=10", "{}");
      if (listed.statusCode() != 200) {
        findings.add("Exécution du filtre avec ${currentUser()} et ${currentUserGroups()} (" + api.base + ") → " + Findings.describe(listed));
      }
      HttpResponse<String> updated = admin.call(api, "PUT", "/filter/" + id, filterBody("Filtre sûr modifié " + nonce, allowed));
      if (updated.statusCode() != 204) {
        findings.add("Modification du filtre avec ${currentUser()} et ${currentUserGroups()} (" + api.base + ") → " + Findings.describe(updated));
      }
    }
    findings.assertNone("Filtres de Tasklist avec ${currentUser()} et ${currentUserGroups()}");
  }

  /** A filter stored by a technical caller (Java API), as TasklistFilters does. */
  private String storedFilter(String name, TaskQuery query) {
    Filter filter = filterService.newTaskFilter(name).setQuery(query);
    filterService.saveFilter(filter);
    filtersCreatedHere.add(filter.getId());
    return filter.getId();
  }

  private String filterBody(String name, String query) {
    return "{\"resourceType\": \"Task\", \"name\": \"" + name + "\", \"owner\": null, \"query\": " + query + ", \"properties\": {}}";
  }

  private void expectExecutionRefused(Findings findings, Caller caller, Api api, String filterId, String what) {
    for (String path : List.of("/filter/" + filterId + "/list?firstResult=0&maxResults=10", "/filter/" + filterId + "/count")) {
      HttpResponse<String> executed = caller.call(api, "POST", path, "{}");
      if (executed.statusCode() < 400 || executed.statusCode() >= 500) {
        findings.add("Filtre " + what + " : POST " + api.base + path + " → " + Findings.describe(executed));
      }
      HttpResponse<String> read = caller.call(api, "GET", path, null);
      if (read.statusCode() < 400 || read.statusCode() >= 500) {
        findings.add("Filtre " + what + " : GET " + api.base + path + " → " + Findings.describe(read));
      }
    }
  }

  @Test
  @Order(14)
  void theTasklistDefaultFiltersStillListAMembersTasks() throws Exception {
    Caller member = caller(a.memberUserId());
    Set<String> hers = new HashSet<>();
    for (Target target : targets) {
      if (target instanceof TaskTarget task && (a.memberUserId().equals(task.task.assignee())
          || task.task.candidateGroups().contains(a.groupId()))) {
        hers.add(task.task.taskId());
      }
    }
    assertThat(hers).as("tasks of the member among the positioned ones").isNotEmpty();
    for (Api api : Api.values()) {
      Set<String> listed = new HashSet<>();
      for (Filter filter : defaultFilters()) {
        for (String body : List.of("{}", "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}")) {
          HttpResponse<String> response =
              member.call(api, "POST", "/filter/" + filter.getId() + "/list?firstResult=0&maxResults=500", body);
          assertThat(response.statusCode()).as(filter.getName() + " " + api.base + " " + response.body()).isEqualTo(200);
          JsonNode tasks = json.readTree(response.body());
          JsonNode list = tasks.isArray() ? tasks : tasks.path("_embedded").path("task");
          list.forEach(task -> listed.add(task.get("id").asText()));
        }
        HttpResponse<String> count = member.call(api, "GET", "/filter/" + filter.getId() + "/count", null);
        assertThat(count.statusCode()).as(filter.getName() + " count " + api.base + " " + count.body()).isEqualTo(200);
      }
      assertThat(listed).as("tasks listed by the default filters through " + api.base).containsAll(hers);
    }
  }
}
