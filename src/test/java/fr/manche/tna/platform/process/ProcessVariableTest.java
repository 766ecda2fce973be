package fr.manche.tna.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.test.ProcessTestEngine;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed process variables and the one answer to "who acted", on the in-memory engine. */
class ProcessVariableTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  enum Outcome { ACCEPTED, REFUSED }

  static final ProcessVariable<Long> ID = ProcessVariable.ofLong("someId");
  static final ProcessVariable<String> TEXT = ProcessVariable.ofString("someText");
  static final ProcessVariable<Boolean> FLAG = ProcessVariable.ofBoolean("someFlag");
  static final ProcessVariable<Instant> AT = ProcessVariable.ofInstant("someDate");
  static final ProcessVariable<Outcome> OUTCOME = ProcessVariable.ofEnum("someOutcome", Outcome.class);

  final List<String> actors = new CopyOnWriteArrayList<>();
  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    Mocks.register("taskActor", (TaskListener) task -> actors.add("task:" + Actor.of(task)));
    Mocks.register("stepActor", (JavaDelegate) execution -> actors.add("step:" + Actor.of(execution)));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    processEngine.getIdentityService().clearAuthentication();
    processEngine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aLongReadsBackWhetherTheEngineStoredAnIntegerOrALong() {
    deploy(waiting());
    ProcessInstance asInteger = start(Map.of("someId", 42));
    ProcessInstance asLong = start(Map.ofEntries(ID.entry(42L)));

    assertThat(ID.get(processEngine.getRuntimeService(), asInteger.getId())).isEqualTo(42L);
    assertThat(ID.get(processEngine.getRuntimeService(), asLong.getId())).isEqualTo(42L);
    assertThat(ID.getOptional(processEngine.getHistoryService(), asInteger.getId())).contains(42L);
    assertThat(ID.getOptional(Map.of("someId", 7))).contains(7L);
  }

  @Test
  void eachTypeIsStoredAsTheModelsReadItAndReadBackTyped() {
    deploy(waiting());
    Instant at = Instant.parse("2027-06-15T08:30:00Z");
    Map<String, Object> variables = new HashMap<>();
    TEXT.put(variables, "bonjour");
    FLAG.put(variables, true);
    AT.put(variables, at);
    OUTCOME.put(variables, Outcome.REFUSED);
    ProcessInstance instance = start(variables);

    var runtime = processEngine.getRuntimeService();
    assertThat(runtime.getVariable(instance.getId(), "someDate")).isEqualTo(Date.from(at));
    assertThat(runtime.getVariable(instance.getId(), "someOutcome")).isEqualTo("REFUSED");
    assertThat(TEXT.get(runtime, instance.getId())).isEqualTo("bonjour");
    assertThat(FLAG.get(runtime, instance.getId())).isTrue();
    assertThat(AT.get(runtime, instance.getId())).isEqualTo(at);
    assertThat(OUTCOME.get(runtime, instance.getId())).isEqualTo(Outcome.REFUSED);
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(TEXT.getOptional(processEngine.getTaskService(), task.getId())).contains("bonjour");
    assertThat(ID.getOptional(runtime, instance.getId())).isEmpty();
    assertThat(FLAG.getOptional(Map.of("someFlag", "true"))).contains(true);
  }

  @Test
  void aMissingOrMistypedVariableIsAnErrorNamingIt() {
    deploy(waiting());
    ProcessInstance instance = start(Map.of("someText", 12));

    assertThatThrownBy(() -> ID.get(processEngine.getRuntimeService(), instance.getId()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("someId").hasMessageContaining("not set");
    assertThatThrownBy(() -> TEXT.get(processEngine.getRuntimeService(), instance.getId()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("someText").hasMessageContaining("Integer");
    assertThatThrownBy(() -> OUTCOME.getOptional(Map.of("someOutcome", "MAYBE"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whoActedIsTheCommandsPersonThenTheAssigneeThenTheInitiatorTheModelNames() {
    deploy(Bpmn.createExecutableProcess("ActorProcess")
        .startEvent().camundaInitiator("proposedBy")
        .serviceTask("ServiceTask_Step").camundaDelegateExpression("${stepActor}")
        .userTask("UserTask_Review").camundaTaskListenerDelegateExpression("complete", "${taskActor}")
        .serviceTask("ServiceTask_After").camundaDelegateExpression("${stepActor}").camundaAsyncBefore()
        .endEvent()
        .done());
    var identity = processEngine.getIdentityService();
    var tasks = processEngine.getTaskService();

    identity.setAuthenticatedUserId("claire");
    ProcessInstance first = processEngine.getRuntimeService().startProcessInstanceByKey("ActorProcess");
    identity.setAuthenticatedUserId("hugo");
    Task review = tasks.createTaskQuery().processInstanceId(first.getId()).singleResult();
    tasks.setAssignee(review.getId(), "anne");
    tasks.complete(review.getId());
    identity.clearAuthentication();
    ProcessInstance second = processEngine.getRuntimeService().startProcessInstanceByKey("ActorProcess");
    Task unassigned = tasks.createTaskQuery().processInstanceId(second.getId()).singleResult();
    tasks.complete(unassigned.getId());
    Task assigned = tasks.createTaskQuery().processInstanceId(start("ActorProcess", "claire").getId()).singleResult();
    identity.clearAuthentication();
    tasks.setAssignee(assigned.getId(), "anne");
    tasks.complete(assigned.getId());
    processEngine.getManagementService().createJobQuery().processInstanceId(first.getId()).list()
        .forEach(job -> processEngine.getManagementService().executeJob(job.getId()));

    assertThat(actors).containsExactly(
        "step:claire", "task:hugo", // authenticated, whoever is assigned
        "step:null", "task:null", // started by the application: nobody
        "step:claire", "task:anne", // no command user: the assignee before the initiator
        "step:claire"); // a job: the initiator the model names
  }

  private ProcessInstance start(String key, String userId) {
    processEngine.getIdentityService().setAuthenticatedUserId(userId);
    return processEngine.getRuntimeService().startProcessInstanceByKey(key);
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return processEngine.getRuntimeService().startProcessInstanceByKey("Waiting", variables);
  }

  private static BpmnModelInstance waiting() {
    return Bpmn.createExecutableProcess("Waiting").startEvent().userTask("UserTask_Wait").endEvent().done();
  }

  private void deploy(BpmnModelInstance model) {
    processEngine.getRepositoryService().createDeployment().addModelInstance("test.bpmn", model).deploy();
  }
}
