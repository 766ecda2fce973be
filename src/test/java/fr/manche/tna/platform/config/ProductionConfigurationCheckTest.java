package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import fr.manche.tna.TnaApplication;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Production refuses to start without its database and mail server, or with a trap in its set-up, and says what is wrong. */
// Before every @ApplicationTest class (src/test/resources/junit-platform.properties): the applications it starts
// would disturb the shared context of those.
@org.junit.jupiter.api.Order(1)
class ProductionConfigurationCheckTest {

  private final Log log = mock(Log.class);
  private final ProductionConfigurationCheck check = new ProductionConfigurationCheck(log);

  @Test
  void theApplicationDoesNotStartInProductionWithoutDatabaseAndMailSettings() {
    assertThatThrownBy(
            () -> new SpringApplicationBuilder(TnaApplication.class).profiles("prod").run("--server.port=0"))
        .hasMessageContaining("Configuration de production incomplète")
        .hasMessageContaining("SPRING_DATASOURCE_URL (spring.datasource.url) n'est pas définie")
        .hasMessageContaining("SPRING_MAIL_HOST (spring.mail.host) n'est pas définie");
  }

  @Test
  void productionRunsOnPostgresqlOnly() {
    MockEnvironment environment = complete();
    environment.setProperty("spring.datasource.url", "jdbc:h2:file:./data/x");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("SPRING_DATASOURCE_URL doit désigner une base PostgreSQL");
  }

  @Test
  void productionAndDemoNeverGoTogether() {
    MockEnvironment environment = complete();
    environment.setActiveProfiles("prod", "demo");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("ne peuvent pas être actifs ensemble");
  }

  @Test
  void aCompleteProductionConfigurationPasses() {
    assertThatCode(() -> check.postProcessEnvironment(complete(), null)).doesNotThrowAnyException();
    verify(log, never()).warn(any());
  }

  @Test
  void anExamplePasswordIsNeverAccepted() {
    MockEnvironment environment = complete();
    environment.setProperty("spring.datasource.password", "change-me");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("SPRING_DATASOURCE_PASSWORD (spring.datasource.password) est un mot de passe d'exemple");

    MockEnvironment admin = complete();
    admin.setProperty("camunda.bpm.admin-user.id", "admin");
    admin.setProperty("camunda.bpm.admin-user.password", "choose-a-password");
    assertThatThrownBy(() -> check.postProcessEnvironment(admin, null))
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.password) est un mot de passe d'exemple");
  }

  @Test
  void theFirstAdministratorIsNeverNamedWithoutAPassword() {
    MockEnvironment environment = complete();
    environment.setProperty("camunda.bpm.admin-user.id", "admin");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.password) n'est pas définie alors que "
            + "CAMUNDA_BPM_ADMINUSER_ID l'est");
    environment.setProperty("camunda.bpm.admin-user.password", "un vrai mot de passe");
    assertThatCode(() -> check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();

    // As an operator sets it: the environment variable.
    MockEnvironment variables = complete();
    variables.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
        Map.of("CAMUNDA_BPM_ADMINUSER_ID", "admin")));
    assertThatThrownBy(() -> check.postProcessEnvironment(variables, null))
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD (camunda.bpm.admin-user.password) n'est pas définie");
  }

  @Test
  void anHttpAddressOnAnotherComputerWithSecureCookiesIsRefusedBecauseNobodyCouldLogIn() {
    MockEnvironment environment = address("http://192.168.1.20:8080");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null))
        .hasMessageContaining("TNA_BASE_URL (http://192.168.1.20:8080) est en http:// alors que les cookies de session sont « Secure »")
        .hasMessageContaining("personne ne pourrait se connecter depuis 192.168.1.20")
        .hasMessageContaining("TNA_SECURE_COOKIES=false");
    environment.setProperty("server.servlet.session.cookie.secure", "true");
    assertThatThrownBy(() -> check.postProcessEnvironment(environment, null)).hasMessageContaining("est en http://");
    assertThatThrownBy(() -> check.postProcessEnvironment(address("ftp://reseau-tna.manche.fr"), null))
        .hasMessageContaining("n'est pas une adresse http:// ou https://");
  }

  @Test
  void httpOnThisComputerKeepsSecureCookiesBrowsersAcceptThemThere() {
    for (String local : new String[] {"http://localhost:8080", "http://127.0.0.1:8080"}) {
      assertThatCode(() -> check.postProcessEnvironment(address(local), null)).as(local).doesNotThrowAnyException();
    }
    verify(log, never()).warn(any());
  }

  @Test
  void cookiesWithoutSecureForAPlainHttpTrialStartWithAWarning() {
    MockEnvironment environment = address("http://192.168.1.20:8080");
    environment.setProperty("server.servlet.session.cookie.secure", "false");
    assertThatCode(() -> check.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    verify(log).warn(contains("ATTENTION : TNA_SECURE_COOKIES=false, les cookies de session n'ont pas l'attribut « Secure »"));
  }

  private static MockEnvironment address(String baseUrl) {
    MockEnvironment environment = complete();
    environment.setProperty("tna.base-url", baseUrl);
    environment.setProperty("TNA_BASE_URL", baseUrl);
    return environment;
  }

  static MockEnvironment complete() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod");
    environment.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/tna");
    environment.setProperty("spring.datasource.username", "tna");
    environment.setProperty("spring.datasource.password", "secret");
    environment.setProperty("spring.mail.host", "smtp.manche.fr");
    environment.setProperty("tna.base-url", "https://reseau-tna.manche.fr");
    environment.setProperty("TNA_BASE_URL", "https://reseau-tna.manche.fr");
    return environment;
  }
}
