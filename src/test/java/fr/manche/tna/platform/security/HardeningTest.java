package fr.manche.tna.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.manche.tna.platform.web.TasklistFilters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;

import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The hardening points: expressions (queries, filters, models), admin setup, login throttling, CSRF. */
@ApplicationTest
class HardeningTest {

  static final String USER = "hardening.staff";
  static final String PASSWORD = "un-mot-de-passe-solide";

  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngine processEngine;
  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void staffAccount() {
    driver.ensureStaff(USER, "hardening.staff@manche.fr", "tna-referents-reseau");
    User user = identityService.createUserQuery().userId(USER).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.unlockUser(USER);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theEngineEvaluatesNoExpressionACallerSends() {
    WebClient staff = new WebClient(port).basic(USER, PASSWORD);
    String evaluated = "${'hardening'.concat('.staff')}";
    String dataSource = "${jdbcClient.sql('select count(*) from organisation').query().singleValue()}";
    for (String contentType : List.of("application/json", "APPLICATION/JSON", "Application/Json; charset=UTF-8")) {
      for (String body : List.of(
          "{\"assigneeExpression\": \"" + evaluated + "\"}",
          "{\"orQueries\": [{\"candidateGroupsExpression\": \"" + dataSource + "\"}]}")) {
        for (String path : List.of("/engine-rest/task?firstResult=0&maxResults=10", "/engine-rest/task/count")) {
          HttpResponse<String> refused = staff.post(path, contentType, body, false);
          assertThat(refused.statusCode()).as(contentType + " " + path + " " + body + " -> " + refused.body()).isEqualTo(400);
          assertThat(message(refused)).startsWith("Les expressions sont interdites dans les requêtes");
        }
      }
    }
    assertThat(staff.get("/engine-rest/task?firstResult=0&maxResults=10&assigneeExpression=" + encode(evaluated)).statusCode())
        .isEqualTo(400);

    WebClient webapp = new WebClient(port);
    assertThat(webapp.loginToWebapps(USER, PASSWORD)).isEqualTo(200);
    webapp.get("/camunda/app/tasklist/default/"); // the CSRF token of the new session
    HttpResponse<String> throughTasklistApi = webapp.postJson("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=10",
        "{\"orQueries\": [{\"assigneeExpression\": \"" + evaluated + "\"}]}");
    assertThat(throughTasklistApi.statusCode()).as(throughTasklistApi.body()).isEqualTo(400);
    assertThat(message(throughTasklistApi)).startsWith("Les expressions sont interdites");

    // Even the current user: a caller names whom they look for; only stored filters say "the current user".
    assertThat(staff.postJson("/engine-rest/task?firstResult=0&maxResults=10",
        "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}").statusCode()).isEqualTo(400);
  }

  @Test
  void aStoredFilterEvaluatesNoOtherExpressionThanTheCurrentUserAndTheirGroups() {
    Filter filter = filterService.newTaskFilter("Filtre piégé");
    filter.setQuery(taskService.createTaskQuery().or().taskAssigneeExpression("${'hardening'.concat('.staff')}").endOr());
    filterService.saveFilter(filter);
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    read.setUserId(Authorization.ANY);
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
    try {
      WebClient staff = new WebClient(port).basic(USER, PASSWORD);
      HttpResponse<String> list = staff.postJson("/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=10", "{}");
      assertThat(list.statusCode()).isEqualTo(400);
      assertThat(message(list)).startsWith("Les expressions sont interdites");
      assertThat(staff.postJson("/engine-rest/filter/" + filter.getId() + "/count", "{}").statusCode()).isEqualTo(400);

      Filter mine = filterService.createTaskFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult();
      assertThat(staff.postJson("/engine-rest/filter/" + mine.getId() + "/list?firstResult=0&maxResults=10", "{}").statusCode())
          .isEqualTo(200);
    } finally {
      filterService.deleteFilter(filter.getId()); // and its authorizations
    }
  }

  @Test
  void expressionsOfTheModelsReachTheirDelegatesAndNoOtherBean() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    ExpressionManager expressions = configuration.getExpressionManager();
    Object delegate = configuration.getCommandExecutorTxRequired().execute(context ->
        expressions.createExpression("${notifyConventionReviewers}").getValue(StartProcessVariableScope.getSharedInstance()));
    assertThat(delegate).isInstanceOf(JavaDelegate.class);
    for (String bean : List.of("${jdbcClient}", "${dataSource}", "${organisationRepository}", "${accountService}")) {
      assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context ->
          expressions.createExpression(bean).getValue(StartProcessVariableScope.getSharedInstance())))
          .as(bean)
          .hasMessageContaining("Unknown property used in expression");
    }
  }

  private String message(HttpResponse<String> response) {
    try {
      return json.readTree(response.body()).path("message").asText();
    } catch (Exception e) {
      throw new AssertionError("Pas une réponse JSON : " + response.body(), e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theAdminSetupNeverCreatesAnAccountAnonymously() {
    HttpResponse<String> setup =
        new WebClient(port)
            .postJson(
                "/camunda/api/admin/setup/default/user/create",
                "{\"profile\": {\"id\": \"intrus\", \"firstName\": \"I\", \"lastName\": \"Ntrus\"}, \"credentials\": {\"password\": \"motdepasse-intrus\"}}");
    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intrus").count()).isZero();
  }

  @Test
  void aFailedLoginDelaysTheNextAttempt() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-04T08:00:00Z")));
    WebClient wrong = new WebClient(port).basic(USER, "mauvais mot de passe");
    WebClient right = new WebClient(port).basic(USER, PASSWORD);
    assertThat(wrong.get("/engine-rest/task/count").statusCode()).isEqualTo(401);

    assertThat(right.get("/engine-rest/task/count").statusCode()).as("at once: still refused").isEqualTo(401);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-04T08:00:04Z")));
    assertThat(right.get("/engine-rest/task/count").statusCode()).as("after the 3 s delay").isEqualTo(200);
  }

  @Test
  void theWebappsRefuseAStateChangingRequestWithoutTheirCsrfToken() {
    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps(USER, PASSWORD)).isEqualTo(200);
    HttpResponse<String> withoutToken =
        staff.post("/camunda/api/engine/engine/default/filter/create", "application/json", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}", false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }
}
