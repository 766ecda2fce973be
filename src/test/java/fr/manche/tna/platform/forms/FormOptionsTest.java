package fr.manche.tna.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.platform.InvalidInputException;
import fr.manche.tna.platform.forms.FormOptions.Option;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.WebClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Options computed by the server for a task form ({@link FormOptions}) stored in the engine and read back as
 * Tasklist reads them, and the plain-JSON serializer refusing what is not plain JSON.
 */
@ApplicationTest
class FormOptionsTest {

  static final String USER = "options.staff";
  static final String PASSWORD = "un-mot-de-passe-solide";
  static final String JSON_TEXT =
      "[{\"label\":\"Tablette INV-004\",\"value\":\"INV-004\"},{\"label\":\"Casque INV-007\",\"value\":\"INV-007\"}]";

  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ProcessDriver driver;
  @LocalServerPort int port;

  String taskId;

  @BeforeEach
  void aTaskOfTheStaff() {
    driver.ensureStaff(USER, "options.staff@manche.fr", "tna-referents-reseau");
    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    Task task = taskService.newTask();
    task.setName("Choisir le matériel");
    task.setAssignee(USER);
    taskService.saveTask(task);
    taskId = task.getId();
  }

  @AfterEach
  void removeTheTask() {
    taskService.deleteTask(taskId, true);
    authorizationService.createAuthorizationQuery().resourceId(taskId).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
  }

  @Test
  void optionsAreStoredAsJsonAndTasklistReadsThemSerializedAsJson() throws Exception {
    taskService.setVariableLocal(taskId, "itemOptions",
        FormOptions.variable(List.of(new Option("INV-004", "Tablette INV-004"), new Option("INV-007", "Casque INV-007"))));

    ObjectValue serialized = formService.getTaskFormVariables(taskId, null, false).getValueTyped("itemOptions");
    assertThat(serialized.isDeserialized()).isFalse();
    assertThat(serialized.getValueSerialized()).isEqualTo(JSON_TEXT);
    assertThat(serialized.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(serialized.getObjectTypeName()).isEqualTo("java.util.ArrayList");
    assertThat(FormOptions.values(serialized)).contains(List.of("INV-004", "INV-007"));

    Object deserialized = taskService.getVariableLocal(taskId, "itemOptions");
    assertThat(deserialized).isEqualTo(List.of(
        Map.of("label", "Tablette INV-004", "value", "INV-004"), Map.of("label", "Casque INV-007", "value", "INV-007")));
    assertThat(FormOptions.values(deserialized)).contains(List.of("INV-004", "INV-007"));
    assertThat(FormOptions.values(taskService.getVariableLocalTyped(taskId, "itemOptions", true)))
        .contains(List.of("INV-004", "INV-007"));

    HttpResponse<String> rest = new WebClient(port).basic(USER, PASSWORD)
        .get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
    JsonNode variable = new ObjectMapper().readTree(rest.body()).path("itemOptions");
    assertThat(variable.path("type").asText()).isEqualTo("Object");
    assertThat(variable.path("value").asText()).isEqualTo(JSON_TEXT);
    assertThat(variable.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
  }

  @Test
  void aDeserializedListAskingForJsonIsStoredAsJsonAndAnUntypedListKeepsTheEnginesDefault() {
    Map<String, Object> option = new java.util.LinkedHashMap<>(); // in this order, as the JSON text compared below
    option.put("label", "A");
    option.put("value", "a");
    taskService.setVariableLocal(taskId, "fromJava",
        Variables.objectValue(new ArrayList<>(List.of(option)))
            .serializationDataFormat(FormOptions.JSON_FORMAT).create());
    ObjectValue stored = taskService.getVariableLocalTyped(taskId, "fromJava", false);
    assertThat(stored.getValueSerialized()).isEqualTo("[{\"label\":\"A\",\"value\":\"a\"}]");
    assertThat(stored.getObjectTypeName()).isEqualTo("java.util.ArrayList");

    taskService.setVariableLocal(taskId, "plainList", new ArrayList<>(List.of("a")));
    ObjectValue plain = taskService.getVariableLocalTyped(taskId, "plainList", false);
    assertThat(plain.getSerializationDataFormat()).isNotEqualTo(FormOptions.JSON_FORMAT);
  }

  @Test
  void jsonNamingAClassOrAnotherTypeIsRefusedAndNothingIsStored() throws Exception {
    List<ObjectValue> refused = List.of(
        json("[{\"@class\":\"java.net.URL\",\"value\":\"x\"}]", "java.util.ArrayList"),
        json("{\"@type\":\"java.io.File\",\"path\":\"/etc/passwd\"}", "java.util.LinkedHashMap"),
        json("\"http://exemple.fr\"", "java.net.URL"),
        json("{}", null),
        json("[1, 2", "java.util.ArrayList"),
        json("[1] [2]", "java.util.ArrayList"),
        Variables.objectValue(URI.create("http://exemple.fr")).serializationDataFormat(FormOptions.JSON_FORMAT).create());
    for (ObjectValue value : refused) {
      assertThatThrownBy(() -> taskService.setVariableLocal(taskId, "evil", value))
          .as(String.valueOf(value))
          .satisfies(failure -> assertThat(InvalidInputException.in(failure)).get()
              .extracting(Throwable::getMessage)
              .isEqualTo("Cette valeur JSON n'est pas acceptée : seuls des listes, des objets, des textes, des nombres "
                  + "et des booléens le sont, sans nom de classe."));
    }
    assertThat(taskService.getVariableLocal(taskId, "evil")).isNull();

    Authorization mayUpdate = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    mayUpdate.setUserId(USER);
    mayUpdate.setResource(Resources.TASK);
    mayUpdate.setResourceId(taskId);
    mayUpdate.addPermission(TaskPermissions.UPDATE_VARIABLE);
    authorizationService.saveAuthorization(mayUpdate);
    HttpResponse<String> rest = new WebClient(port).basic(USER, PASSWORD).putJson(
        "/engine-rest/task/" + taskId + "/localVariables/evil",
        "{\"type\": \"Object\", \"value\": \"{\\\"@class\\\": \\\"java.net.URL\\\"}\","
            + " \"valueInfo\": {\"serializationDataFormat\": \"application/json\", \"objectTypeName\": \"java.net.URL\"}}");
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
    assertThat(rest.body()).contains("Cette valeur JSON n'est pas acceptée");
    assertThat(taskService.getVariableLocal(taskId, "evil")).isNull();
  }

  private static ObjectValue json(String text, String typeName) {
    return Variables.serializedObjectValue(text).serializationDataFormat(FormOptions.JSON_FORMAT).objectTypeName(typeName).create();
  }
}
