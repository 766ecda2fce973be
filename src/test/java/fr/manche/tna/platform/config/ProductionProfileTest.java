package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.TnaApplication;
import fr.manche.tna.demo.MailCatcher;
import fr.manche.tna.test.TestDatabase;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile, started as an operator would, on PostgreSQL: no demo account, no mail catcher;
 * secure cookies, content security policy and HSTS.
 */
class ProductionProfileTest {

  @Test
  void productionSeedsNoAccountAndRunsNoMailCatcher() throws Exception {
    try (ConfigurableApplicationContext production =
        new SpringApplicationBuilder(TnaApplication.class)
            .profiles("prod")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.postgresUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.port(),
                "--TNA_BASE_URL=https://reseau-tna.example.fr",
                "--camunda.bpm.job-execution.enabled=false",
                // Its own engine name: the "default" engine of the other tests stays the one the webapps see.
                "--camunda.bpm.process-engine-name=production-test")) {
      try (Connection connection = production.getBean(DataSource.class).getConnection()) {
        assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      }
      IdentityService identityService = production.getBean(IdentityService.class);
      assertThat(identityService.createUserQuery().userId("referent").count()).isZero();
      assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
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
}
