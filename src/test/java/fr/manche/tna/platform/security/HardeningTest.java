package fr.manche.tna.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The hardening points: expressions in queries, admin setup, login throttling, CSRF. */
@ApplicationTest
class HardeningTest {

  static final String USER = "hardening.staff";
  static final String PASSWORD = "un-mot-de-passe-solide";

  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

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
  void expressionsInTaskQueriesAreRefusedNestedOrQueriesIncluded() {
    WebClient staff = new WebClient(port).basic(USER, PASSWORD);
    HttpResponse<String> direct =
        staff.postJson("/engine-rest/task?firstResult=0&maxResults=10", "{\"assigneeExpression\": \"${currentUser()}\"}");
    assertThat(direct.statusCode()).isEqualTo(400);
    assertThat(direct.body()).contains("Les expressions sont interdites dans les requêtes");

    HttpResponse<String> nested =
        staff.postJson(
            "/engine-rest/task?firstResult=0&maxResults=10",
            "{\"orQueries\": [{\"candidateGroupsExpression\": \"${currentUserGroups()}\"}]}");
    assertThat(nested.statusCode()).isEqualTo(400);
    assertThat(nested.body()).contains("Les expressions sont interdites dans les requêtes");

    WebClient webapp = new WebClient(port);
    webapp.loginToWebapps(USER, PASSWORD);
    HttpResponse<String> throughTasklistApi =
        webapp.postJson(
            "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=10",
            "{\"orQueries\": [{\"assigneeExpression\": \"${currentUser()}\"}]}");
    assertThat(throughTasklistApi.statusCode()).isEqualTo(400);

    assertThat(staff.get("/engine-rest/task?firstResult=0&maxResults=10&assigneeExpression=%24%7BcurrentUser()%7D").statusCode())
        .isEqualTo(400);
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
