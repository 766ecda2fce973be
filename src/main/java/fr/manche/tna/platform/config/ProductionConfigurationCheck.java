package fr.manche.tna.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the "prod" profile when the database or the mail server is not configured, before any
 * bean is created: without it Spring Boot would quietly start on an in-memory H2 database (its driver is on
 * the classpath for the demo run) and lose every request at the next restart.
 */
public class ProductionConfigurationCheck implements EnvironmentPostProcessor, Ordered {

  /** Property to check, and the environment variable that sets it. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "spring.datasource.url", "SPRING_DATASOURCE_URL",
          "spring.datasource.username", "SPRING_DATASOURCE_USERNAME",
          "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD",
          "spring.mail.host", "SPRING_MAIL_HOST");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      throw new IllegalStateException(
          "Les profils « prod » et « demo » ne peuvent pas être actifs ensemble : la démonstration crée des "
              + "comptes aux mots de passe connus.");
    }
    List<String> problems = new ArrayList<>();
    REQUIRED.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .filter(entry -> isBlank(environment.getProperty(entry.getKey())))
        .forEach(entry -> problems.add(entry.getValue() + " (" + entry.getKey() + ") n'est pas définie"));
    String url = environment.getProperty("spring.datasource.url");
    if (!isBlank(url) && !url.startsWith("jdbc:postgresql:")) {
      problems.add("SPRING_DATASOURCE_URL doit désigner une base PostgreSQL (jdbc:postgresql://...), pas « " + url + " »");
    }
    String baseUrl = environment.getProperty("tna.base-url");
    if (environment.getProperty("TNA_BASE_URL") == null && baseUrl.contains("localhost")) {
      problems.add("TNA_BASE_URL (tna.base-url) n'est pas définie : les liens des courriels pointeraient vers localhost");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Configuration de production incomplète, l'application ne démarre pas :\n - "
              + String.join("\n - ", problems)
              + "\nVoir la section « Configuration » du README.");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
