package fr.manche.tna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.manche.tna.convention.process.ConventionApplicationProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refusal of the server reaches the caller as its French sentence alone, with a 400, through both APIs
 * (the one Tasklist calls and {@code /engine-rest}), whether a start listener, a delegate or a task listener
 * refused; it changes nothing, and is logged on one line below ERROR, without a stack trace.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalResponsesTest {

  static final String REFERENT = "refusal.referent";
  static final String PASSWORD = "un-mot-de-passe-solide";

  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void referent() {
    TestMailServer.ensureUp();
    driver.ensureStaff(REFERENT, "refusal.referent@manche.fr", "tna-referents-reseau");
    User user = identityService.createUserQuery().userId(REFERENT).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }

  @Test
  void aStartFormRefusedByTheServerAnswersItsFrenchSentenceAloneAndCreatesNothing(CapturedOutput output) {
    String siret = "21505019300015"; // wrong check digit
    String expected = "Le numéro SIRET " + siret + " n'est pas valide (sa clé de contrôle ne correspond pas) : "
        + "vérifiez-le sur l'avis de situation au répertoire SIRENE.";
    long instances = instancesOfApplication();
    long organisations = jdbc.sql("select count(*) from organisation").query(Long.class).single();
    String body = variables(ConventionFixtures.application(siret, "Commune de Refus", "contact@refus.example.fr",
        "maire@refus.example.fr"));

    HttpResponse<String> rest = new WebClient(port).basic(REFERENT, PASSWORD)
        .postJson("/engine-rest/process-definition/key/" + ConventionApplicationProcess.KEY + "/submit-form", body);
    assertThat(rest.statusCode()).isEqualTo(400);
    assertThat(message(rest)).isEqualTo(expected);

    WebClient tasklist = new WebClient(port);
    assertThat(tasklist.loginToWebapps(REFERENT, PASSWORD)).isEqualTo(200);
    tasklist.get("/camunda/app/tasklist/default/");
    HttpResponse<String> webapps = tasklist.postJson(
        "/camunda/api/engine/engine/default/process-definition/key/" + ConventionApplicationProcess.KEY + "/submit-form", body);
    assertThat(webapps.statusCode()).isEqualTo(400);
    assertThat(message(webapps)).isEqualTo(expected);

    assertThat(instancesOfApplication()).isEqualTo(instances);
    assertThat(jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(organisations);
    assertLoggedOnOneLineBelowError(output, expected);
  }

  @Test
  void aTaskFormRefusedByATaskListenerAnswersItsFrenchSentenceAloneAndTheTaskStays(CapturedOutput output) {
    ProcessInstance instance = driver.submitStartForm(ConventionApplicationProcess.KEY,
        ConventionFixtures.application(TestSirets.next(), "Commune de Relance", "contact@relance.example.fr",
            "maire@relance.example.fr"));
    driver.runJobs(instance.getId());
    Task review = driver.openTask(instance.getId(), ConventionApplicationProcess.REVIEW_TASK);
    WebClient referent = new WebClient(port).basic(REFERENT, PASSWORD);
    assertThat(referent.postJson("/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"" + REFERENT + "\"}")
        .statusCode()).isEqualTo(204);

    HttpResponse<String> refused = referent.postJson("/engine-rest/task/" + review.getId() + "/submit-form",
        variables(Map.of("decision", "accepter", "welcomeMeetingDate", "31/02/2027", "welcomeMeetingTime", "10:00")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(message(refused)).contains("31/02/2027").doesNotContain("ENGINE-", "Cannot", "TaskListener");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    assertLoggedOnOneLineBelowError(output, message(refused));
  }

  /**
   * Someone completes a task while the engine moves the same process in another transaction (a job of a parallel
   * branch, another person): the engine refuses the later of the two. The person reads a French sentence telling
   * her to try again, not the engine's text; nothing is half-done, and trying again completes the task.
   */
  @Test
  void aTaskCompletedWhileItsProcessMovesAnswersInFrenchAndTryingAgainWorks(CapturedOutput output) {
    String deployment = repositoryService.createDeployment().name("conflit-de-test")
        .addModelInstance("conflict.bpmn", Bpmn.createExecutableProcess("Test_Conflict")
            .startEvent().userTask("Conflict_Task").camundaCandidateGroups("tna-referents-reseau")
            .camundaTaskListenerClass("complete", MovedMeanwhile.class.getName())
            .endEvent().done())
        .deploy().getId();
    try {
      MovedMeanwhile.dataSource = dataSource;
      for (String api : new String[] {"/engine-rest", "/camunda/api/engine/engine/default"}) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("Test_Conflict");
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        WebClient referent = new WebClient(port);
        if (api.startsWith("/engine-rest")) {
          referent.basic(REFERENT, PASSWORD);
        } else {
          assertThat(referent.loginToWebapps(REFERENT, PASSWORD)).isEqualTo(200);
          referent.get("/camunda/app/tasklist/default/");
        }
        MovedMeanwhile.times = 1;

        HttpResponse<String> refused = referent.postJson(api + "/task/" + task.getId() + "/submit-form", "{\"variables\": {}}");

        assertThat(refused.statusCode()).as(api).isEqualTo(409);
        assertThat(message(refused)).as(api).isEqualTo(RefusalMappers.CONCURRENT_CHANGE);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays").isEqualTo(1);
        assertThat(referent.postJson(api + "/task/" + task.getId() + "/submit-form", "{\"variables\": {}}").statusCode())
            .as("trying again").isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
      }
      assertThat(output.getAll()).contains("Modification simultanée refusée (409)");
      assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR "))).isEmpty();
      assertThat(output.getAll().lines().filter(line -> line.startsWith("\tat "))).isEmpty();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  /** At the task's completion, moves its execution in another transaction, as a concurrent job would. */
  public static class MovedMeanwhile implements TaskListener {
    static DataSource dataSource;
    static int times;

    @Override
    public void notify(DelegateTask task) {
      if (times > 0) {
        times--;
        // A connection of its own, outside the engine's transaction, committed at once.
        try (Connection other = dataSource.getConnection();
            PreparedStatement move = other.prepareStatement("update ACT_RU_EXECUTION set REV_ = REV_ + 1 where ID_ = ?")) {
          other.setAutoCommit(true);
          move.setString(1, task.getExecutionId());
          assertThat(move.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private void assertLoggedOnOneLineBelowError(CapturedOutput output, String sentence) {
    assertThat(output.getAll()).contains("Saisie refusée (400) : " + sentence);
    assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR "))).isEmpty();
    assertThat(output.getAll().lines().filter(line -> line.startsWith("\tat "))).isEmpty();
  }

  private long instancesOfApplication() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(ConventionApplicationProcess.KEY).count();
  }

  private String variables(Map<String, String> values) {
    ObjectNode variables = json.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).put("value", value).put("type", "String"));
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  private String message(HttpResponse<String> response) {
    try {
      JsonNode node = json.readTree(response.body());
      return node.path("message").asText();
    } catch (Exception e) {
      throw new AssertionError("Pas une réponse JSON : " + response.body(), e);
    }
  }
}
