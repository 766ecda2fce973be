package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.TnaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Production refuses to start without its database and mail server, and says what is missing. */
class ProductionConfigurationCheckTest {

  private final ProductionConfigurationCheck check = new ProductionConfigurationCheck();

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
  }

  private static MockEnvironment complete() {
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
