package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.TnaApplication;
import fr.manche.tna.demo.MailCatcher;
import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile, started as an operator would, on PostgreSQL: no demo account, no mail catcher;
 * secure cookies, content security policy and HSTS; never without an administrator.
 */
// Before every @ApplicationTest class (src/test/resources/junit-platform.properties): the applications it starts
// would disturb the shared context of those.
@org.junit.jupiter.api.Order(1)
class ProductionProfileTest {

  // CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD, as command-line arguments.
  private static final String ADMIN_ID = "--camunda.bpm.admin-user.id=exploitation";
  private static final String ADMIN_PASSWORD = "--camunda.bpm.admin-user.password=un mot de passe assez long";
  private static int engines;

  @Test
  void productionSeedsNoAccountAndRunsNoMailCatcher() throws Exception {
    try (ConfigurableApplicationContext production =
        start(freshDatabase(), ADMIN_ID, ADMIN_PASSWORD)) {
      try (Connection connection = production.getBean(DataSource.class).getConnection()) {
        assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      }
      IdentityService identityService = production.getBean(IdentityService.class);
      assertThat(identityService.createUserQuery().userId("referent").count()).isZero();
      assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
      assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
          .extracting(user -> user.getId()).containsExactly("exploitation");
      assertThat(production.getBeanNamesForType(MailCatcher.class)).isEmpty();
      assertThat(identityService.createGroupQuery().groupId("tna-referents-reseau").count()).isEqualTo(1);

      int port = Integer.parseInt(production.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> page = new WebClient(port).get("/camunda/app/tasklist/default/");
      assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
      assertThat(page.headers().allValues("Set-Cookie"))
          .isNotEmpty()
          .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("SameSite"));
      assertThat(page.headers().allValues("Set-Cookie"))
          .filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
          .allSatisfy(cookie -> assertThat(cookie).contains("HttpOnly"));
    }
  }

  @Test
  void productionNeverStartsWithoutAnAdministratorAndAnExistingOneSuffices() throws Exception {
    String database = freshDatabase();
    // A new database, no CAMUNDA_BPM_ADMINUSER_*: nobody could ever log in to Admin (its setup page is closed).
    assertThatThrownBy(() -> start(database).close())
        .hasStackTraceContaining("Configuration de production incomplète")
        .hasStackTraceContaining("aucun administrateur n'existe dans la base (groupe camunda-admin) et CAMUNDA_BPM_ADMINUSER_ID et "
            + "CAMUNDA_BPM_ADMINUSER_PASSWORD ne sont pas définies");

    // Named at the first start, the administrator is created...
    try (ConfigurableApplicationContext first =
        start(database, ADMIN_ID, ADMIN_PASSWORD)) {
      assertThat(first.getBean(IdentityService.class).checkPassword("exploitation", "un mot de passe assez long")).isTrue();
    }
    // ... and the next starts need the variables no more.
    try (ConfigurableApplicationContext next = start(database)) {
      assertThat(next.getBean(IdentityService.class).createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
    }
  }

  @Test
  void plainHttpForATrialTurnsSecureCookiesOffEverywhere() throws Exception {
    try (ConfigurableApplicationContext trial =
        start(freshDatabase(), ADMIN_ID, ADMIN_PASSWORD,
            "--TNA_BASE_URL=http://192.168.1.20:8080", "--TNA_SECURE_COOKIES=false")) {
      int port = Integer.parseInt(trial.getEnvironment().getProperty("local.server.port"));
      HttpResponse<String> page = new WebClient(port).get("/camunda/app/tasklist/default/");
      assertThat(page.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(cookie -> cookie.contains("Secure"));
    }
  }

  /** Starts the production profile on that database, with the SMTP server of the tests. */
  private static ConfigurableApplicationContext start(String databaseUrl, String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMailServer.port(),
        "--camunda.bpm.job-execution.enabled=false",
        // Its own engine name: the "default" engine of the other tests stays the one the webapps see. No hyphen:
        // the starter ignores a name with one and keeps "default", whose closing would then unregister the
        // engine of the application tests that ran before (the REST API answers "Process engine default not
        // available" to every later test).
        "--camunda.bpm.process-engine-name=productionTest" + (++engines)));
    arguments.addAll(List.of(more));
    if (arguments.stream().noneMatch(argument -> argument.startsWith("--TNA_BASE_URL="))) {
      arguments.add("--TNA_BASE_URL=https://reseau-tna.example.fr");
    }
    return new SpringApplicationBuilder(TnaApplication.class).profiles("prod").run(arguments.toArray(String[]::new));
  }

  /** A new, empty database on the tests' PostgreSQL server: what an operator's first start finds. */
  private static String freshDatabase() throws Exception {
    String server = TestDatabase.postgresUrl();
    String name = "production_" + System.nanoTime();
    try (Connection connection = DriverManager.getConnection(server, "postgres", "postgres")) {
      connection.createStatement().execute("create database " + name);
    }
    return server.replaceFirst("/postgres\\?", "/" + name + "?");
  }
}
