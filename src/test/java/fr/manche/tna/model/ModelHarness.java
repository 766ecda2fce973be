package fr.manche.tna.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.stubbing.Answer;

/**
 * Model tests: one BPMN model run in seconds, without Spring, every bean it names mocked.
 *
 * <pre>{@code
 * @RegisterExtension ModelHarness models = ModelHarness.of("bpmn/convention/Convention.bpmn");
 *
 * models.sets(models.delegateOf("ServiceTask_PutInForce"), "endsAt", ModelHarness.paris(2027, 3, 29, 0, 0));
 * ProcessInstance life = models.start("convention-42", Map.of("conventionId", 42L));
 * models.completeStub();                      // the called DocumentSignature is a one-task stub
 * models.clockAt(2027, 3, 29, 0, 0);          // Europe/Paris wall clock
 * models.fireTimer("IntermediateEvent_LastDayPassed");
 * verify(models.delegateOf("ServiceTask_ReachEnd")).execute(any());
 * }</pre>
 *
 * <ul>
 *   <li>One in-memory engine for every model test of the run ({@code model-tests}, its own H2 database, no job
 *       executor, full history), built at the first use and closed at the end of the run. It is not left in
 *       {@link ProcessEngines}: the application's engine {@code default} and the process tests' engine never see it.
 *   <li>Each test deploys the model (from {@code bpmn/**} on disk) and the models it names in {@link #of}, and a
 *       stub for every process a call activity calls that is not among them: start, {@link #STUB_TASK}, end
 *       ({@link #completeStub()} returns normally, {@link #throwFromStub(String)} throws a BPMN error).
 *   <li>Every bean the deployed models name in a delegate expression ({@code ${bean}} of a service task, a task
 *       listener, an execution listener; the first name of a {@code camunda:expression}) is a fresh Mockito mock
 *       of {@link ModelBean} for each test, found by reading the models: renaming a bean needs no test change when
 *       tests reach the mocks by element ({@link #delegateOf}, {@link #taskListenerOf}, {@link #executionListenerOf}).
 *       Any other name in an expression stays a process variable.
 *   <li>After each test: the deployment is deleted with its instances and jobs, the engine clock reset
 *       ({@link ClockUtil#reset()}), the mocks dropped.
 * </ul>
 */
public final class ModelHarness implements BeforeEachCallback, AfterEachCallback {

  /** What every mocked bean is: a service task's delegate, a task listener and an execution listener. */
  public interface ModelBean extends JavaDelegate, TaskListener, ExecutionListener {}

  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** The only task of a stubbed called process. */
  public static final String STUB_TASK = "UserTask_Stub";

  static final String ENGINE_NAME = "model-tests";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern LEADING_NAME = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  /** Names the engine resolves itself in an expression: never beans. */
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
      "authenticatedUserId", "variables", "dateTime", "currentUser", "currentUserGroups", "true", "false", "null");

  /** The engine's beans: the current test's mocks (read by the expression manager at each resolution). */
  private static final Map<Object, Object> BEANS = new ConcurrentHashMap<>();
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
  private static ProcessEngine engine;

  private final String mainModel;
  private final List<String> models;
  private final Map<String, ModelBean> mocks = new LinkedHashMap<>();
  private String deploymentId;

  private ModelHarness(String mainModel, List<String> models) {
    this.mainModel = mainModel;
    this.models = models;
  }

  /**
   * The model at {@code path} (below the project, e.g. {@code bpmn/convention/Convention.bpmn}), with the models
   * it calls that the test wants for real (others are stubbed).
   */
  public static ModelHarness of(String path, String... calledModels) {
    List<String> all = new ArrayList<>();
    all.add(path);
    all.addAll(List.of(calledModels));
    all.forEach(ModelHarness::parsed);
    return new ModelHarness(path, all);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine processEngine = engine(context);
    ClockUtil.reset();
    BEANS.clear();
    mocks.clear();
    Set<String> processes = new LinkedHashSet<>();
    Set<String> called = new LinkedHashSet<>();
    DeploymentBuilder deployment =
        processEngine.getRepositoryService().createDeployment().name("model test " + context.getDisplayName());
    for (String path : models) {
      Parsed model = parsed(path);
      deployment.addString(path, model.xml);
      processes.addAll(model.processKeys);
      called.addAll(model.calledProcesses);
      model.beans.forEach(name -> mocks.computeIfAbsent(name, ModelHarness::newMock));
    }
    for (String key : called) {
      if (!processes.contains(key)) {
        deployment.addModelInstance("stub/" + key + ".bpmn", stub(key));
      }
    }
    BEANS.putAll(mocks);
    deploymentId = deployment.deploy().getId();
    BpmnAwareTests.init(processEngine);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (deploymentId != null) {
        engine.getRepositoryService().deleteDeployment(deploymentId, true, true, true);
      }
    } finally {
      deploymentId = null;
      ClockUtil.reset();
      BEANS.clear();
      BpmnAwareTests.reset();
    }
  }

  /** The shared engine, built once for the run and closed when the run ends. */
  private static synchronized ProcessEngine engine(ExtensionContext context) {
    if (engine == null) {
      ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
      configuration.setProcessEngineName(ENGINE_NAME);
      configuration.setJdbcUrl("jdbc:h2:mem:tna-model-tests;DB_CLOSE_DELAY=-1");
      configuration.setDatabaseSchemaUpdate("create-drop");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
      configuration.setMetricsEnabled(false);
      configuration.setDbMetricsReporterActivate(false);
      configuration.setCmmnEnabled(false); // no case models here: fewer tables to create
      configuration.setBeans(BEANS);
      engine = configuration.buildProcessEngine();
      // Built engines register themselves by name; this one stays out of every lookup of the application's.
      ProcessEngines.unregister(engine);
      context.getRoot().getStore(ExtensionContext.Namespace.create(ModelHarness.class))
          .put(ENGINE_NAME, (ExtensionContext.Store.CloseableResource) ModelHarness::closeEngine);
    }
    return engine;
  }

  private static synchronized void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  public ProcessEngine engine() {
    return engine;
  }

  // ---------------------------------------------------------------- reading the models

  private record Parsed(String xml, List<String> processKeys, Set<String> calledProcesses, Set<String> beans,
      Map<String, String> delegates, Map<String, String> listeners) {}

  private static Parsed parsed(String path) {
    return PARSED.computeIfAbsent(path, ModelHarness::parse);
  }

  private static Parsed parse(String path) {
    String xml;
    try {
      xml = Files.readString(projectFile(path));
    } catch (IOException e) {
      throw new UncheckedIOException("model " + path, e);
    }
    BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    List<String> keys = model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    Set<String> called = new LinkedHashSet<>();
    for (CallActivity activity : model.getModelElementsByType(CallActivity.class)) {
      String element = activity.getCalledElement();
      if (element != null && !element.contains("{")) {
        called.add(element);
      }
    }
    Set<String> beans = new LinkedHashSet<>();
    Map<String, String> delegates = new LinkedHashMap<>();
    Map<String, String> listeners = new LinkedHashMap<>();
    collect(model.getDocument().getRootElement(), null, beans, delegates, listeners);
    return new Parsed(xml, keys, called, beans, delegates, listeners);
  }

  private static Path projectFile(String path) {
    String basedir = System.getProperty("basedir");
    Path file = basedir != null ? Path.of(basedir).resolve(path) : Path.of(path);
    assertThat(file).as("model file (relative to the project)").exists();
    return file;
  }

  /** Walks the XML: delegate expressions of elements and of their camunda:taskListener / executionListener. */
  private static void collect(DomElement element, String ownerId, Set<String> beans, Map<String, String> delegates,
      Map<String, String> listeners) {
    String id = element.getAttribute("id");
    String owner = id != null && !CAMUNDA_NS.equals(element.getNamespaceURI()) ? id : ownerId;
    if (CAMUNDA_NS.equals(element.getNamespaceURI())
        && ("taskListener".equals(element.getLocalName()) || "executionListener".equals(element.getLocalName()))) {
      String bean = beanOf(element.getAttribute("delegateExpression"));
      if (bean == null) {
        bean = beanOf(element.getAttribute("expression"));
      }
      if (bean != null) {
        beans.add(bean);
        String kind = element.getLocalName().equals("taskListener") ? "task" : "execution";
        listeners.putIfAbsent(owner + "/" + kind + "/" + element.getAttribute("event"), bean);
      }
    } else {
      String bean = beanOf(element.getAttribute(CAMUNDA_NS, "delegateExpression"));
      if (bean == null) {
        bean = beanOf(element.getAttribute(CAMUNDA_NS, "expression"));
      }
      if (bean != null && id != null) {
        beans.add(bean);
        delegates.put(id, bean);
      }
    }
    for (DomElement child : element.getChildElements()) {
      collect(child, owner, beans, delegates, listeners);
    }
  }

  private static String beanOf(String expression) {
    if (expression == null) {
      return null;
    }
    Matcher matcher = LEADING_NAME.matcher(expression.trim());
    return matcher.find() && !ENGINE_NAMES.contains(matcher.group(1)) ? matcher.group(1) : null;
  }

  private static ModelBean newMock(String name) {
    return mock(ModelBean.class, withSettings().name(name));
  }

  private static BpmnModelInstance stub(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Stub of " + key)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Stub")
        .userTask(STUB_TASK)
        .name("Stub of " + key)
        .endEvent("EndEvent_Stub")
        .done();
  }

  // ---------------------------------------------------------------- the mocks

  /** The mock of a bean by its name in the models. */
  public ModelBean bean(String name) {
    ModelBean bean = mocks.get(name);
    assertThat(bean).as("bean ${" + name + "} named by the deployed models " + mocks.keySet()).isNotNull();
    return bean;
  }

  /** The mock the element (a service task, a send task...) delegates to. */
  public ModelBean delegateOf(String elementId) {
    return bean(find(parsedModels().map(p -> p.delegates.get(elementId)), "delegate of " + elementId));
  }

  /** The mock of a task listener, e.g. {@code taskListenerOf("UserTask_ReviewRequest", "complete")}. */
  public ModelBean taskListenerOf(String userTaskId, String event) {
    String key = userTaskId + "/task/" + event;
    return bean(find(parsedModels().map(p -> p.listeners.get(key)), "task listener " + key));
  }

  /** The mock of an execution listener of an element or of the process itself (its id is the process key). */
  public ModelBean executionListenerOf(String elementId, String event) {
    String key = elementId + "/execution/" + event;
    return bean(find(parsedModels().map(p -> p.listeners.get(key)), "execution listener " + key));
  }

  /** Every bean the deployed models name. */
  public Set<String> beanNames() {
    return mocks.keySet();
  }

  private java.util.stream.Stream<Parsed> parsedModels() {
    return models.stream().map(ModelHarness::parsed);
  }

  private static String find(java.util.stream.Stream<String> candidates, String what) {
    String bean = candidates.filter(java.util.Objects::nonNull).findFirst().orElse(null);
    assertThat(bean).as(what + " in the deployed models").isNotNull();
    return bean;
  }

  /** Gives the mock a behaviour: whenever it runs, it sets these variables where it runs. */
  public void sets(ModelBean bean, Map<String, ?> variables) {
    answers(bean, invocation -> {
      ((VariableScope) invocation.getArgument(0)).setVariables(variables);
      return null;
    });
  }

  public void sets(ModelBean bean, String name, Object value) {
    sets(bean, Map.of(name, value));
  }

  /** Gives the mock a behaviour whatever it is called as (delegate, task or execution listener). */
  public void answers(ModelBean bean, Answer<?> answer) {
    try {
      doAnswer(answer).when(bean).execute(any(DelegateExecution.class));
      doAnswer(answer).when(bean).notify(any(DelegateTask.class));
      doAnswer(answer).when(bean).notify(any(DelegateExecution.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- running

  /** Starts the main model's process. */
  public ProcessInstance start(Map<String, Object> variables) {
    return start(null, variables);
  }

  public ProcessInstance start(String businessKey, Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(mainKey(), businessKey, variables);
  }

  /** Starts the main model's process before one of its activities (a detour tested on its own). */
  public ProcessInstance startBefore(String activityId, Map<String, Object> variables) {
    return engine.getRuntimeService().createProcessInstanceByKey(mainKey())
        .startBeforeActivity(activityId).setVariables(variables).execute();
  }

  public String mainKey() {
    return parsed(mainModel).processKeys.get(0);
  }

  /** The task waiting at this user task (exactly one). */
  public Task task(String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Completes the stub of a called process: the call activity goes on. */
  public void completeStub() {
    Task stub = task(STUB_TASK);
    assertThat(stub).as("a stubbed called process waiting").isNotNull();
    engine.getTaskService().complete(stub.getId());
  }

  /** The stub of a called process throws this BPMN error (a boundary event of the call activity may catch it). */
  public void throwFromStub(String errorCode) {
    Task stub = task(STUB_TASK);
    assertThat(stub).as("a stubbed called process waiting").isNotNull();
    engine.getTaskService().handleBpmnError(stub.getId(), errorCode);
  }

  /** Runs every job due now (async continuations, due timers), and those they create, until none is due. */
  public int executeDueJobs() {
    int executed = 0;
    for (List<Job> due = dueJobs(); !due.isEmpty(); due = dueJobs()) {
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
        executed++;
      }
      assertThat(executed).as("jobs executed (a loop?)").isLessThan(100);
    }
    return executed;
  }

  /** Jobs the job executor would run now (engine clock). */
  public List<Job> dueJobs() {
    return engine.getManagementService().createJobQuery().executable().list();
  }

  /** The timer waiting at this event (exactly one). */
  public Job timer(String activityId) {
    Job timer = engine.getManagementService().createJobQuery().timers().activityId(activityId).singleResult();
    assertThat(timer).as("timer of " + activityId).isNotNull();
    return timer;
  }

  public boolean isDue(String timerActivityId) {
    Job timer = timer(timerActivityId);
    return engine.getManagementService().createJobQuery().jobId(timer.getId()).executable().count() == 1;
  }

  /** Fires the timer of this event, which must be due at the engine clock's time. */
  public void fireTimer(String activityId) {
    assertThat(isDue(activityId)).as("timer " + activityId + " due at " + ClockUtil.getCurrentTime()).isTrue();
    engine.getManagementService().executeJob(timer(activityId).getId());
  }

  // ---------------------------------------------------------------- time (Europe/Paris)

  /** Sets the engine clock to this Paris wall-clock time. */
  public static void clockAt(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  public static void clockAt(int year, int month, int day, int hour, int minute) {
    clockAt(parisTime(year, month, day, hour, minute));
  }

  public static ZonedDateTime parisTime(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS);
  }

  /** A Paris wall-clock time as the java.util.Date a delegate sets for a timer. */
  public static Date paris(int year, int month, int day, int hour, int minute) {
    return Date.from(parisTime(year, month, day, hour, minute).toInstant());
  }

  /** Midnight in Paris at the start of this day. */
  public static Date parisMidnight(LocalDate day) {
    return Date.from(day.atTime(LocalTime.MIDNIGHT).atZone(PARIS).toInstant());
  }

  /** Every bean name the deployed models would need (test of the harness itself). */
  static Collection<String> beansOf(String path) {
    return parsed(path).beans;
  }
}
