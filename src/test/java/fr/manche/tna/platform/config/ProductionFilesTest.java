package fr.manche.tna.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * What an operator runs, read as {@code docker compose config} would (Docker cannot run here): the compose
 * file, the Dockerfile and the production settings hide no default password, every variable they and the
 * application read is in the README, and the compose file's defaults pass the production check.
 */
class ProductionFilesTest {

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}, {@code ${NAME:?error}}, {@code ${NAME?error}}. */
  private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");
  /** Spring placeholders of environment variables: {@code ${TNA_BASE_URL:...}}. */
  private static final Pattern SPRING_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)(:[^}]*)?}");

  private final String compose = read("docker-compose.yml");

  @Test
  void noPasswordHasADefaultValueAnywhere() throws IOException {
    Matcher variables = COMPOSE_VARIABLE.matcher(compose);
    int passwords = 0;
    while (variables.find()) {
      if (variables.group(1).contains("PASSWORD")) {
        passwords++;
        assertThat(variables.group(2)).as(variables.group() + ": required, never a default").isIn(":?", "?");
      }
    }
    assertThat(passwords).as("the database's and the administrator's passwords").isGreaterThanOrEqualTo(3);
    for (Map.Entry<String, Object> entry : appEnvironment().entrySet()) {
      if (entry.getKey().contains("PASSWORD")) {
        assertThat(String.valueOf(entry.getValue())).as(entry.getKey()).matches("\\$\\{[A-Z0-9_]+:\\?.+}");
      }
    }
    for (String settings : List.of("application.yaml", "application-prod.yaml")) {
      Matcher placeholders = SPRING_VARIABLE.matcher(read("src/main/resources/" + settings));
      while (placeholders.find()) {
        if (placeholders.group(1).contains("PASSWORD")) {
          assertThat(placeholders.group(2)).as(settings + ": " + placeholders.group()).isNull();
        }
      }
    }
    assertThat(read("Dockerfile")).doesNotContainIgnoringCase("password");
  }

  @Test
  void everyVariableTheComposeFileAndTheApplicationReadIsInTheReadme() throws IOException {
    Set<String> variables = new TreeSet<>();
    Matcher composeVariables = COMPOSE_VARIABLE.matcher(compose);
    while (composeVariables.find()) {
      variables.add(composeVariables.group(1));
    }
    variables.addAll(appEnvironment().keySet());
    for (String settings : List.of("application.yaml", "application-prod.yaml")) {
      Matcher placeholders = SPRING_VARIABLE.matcher(read("src/main/resources/" + settings));
      while (placeholders.find()) {
        variables.add(placeholders.group(1));
      }
    }
    Matcher dockerfileEnv = Pattern.compile("\\b([A-Z][A-Z0-9_]+)=").matcher(read("Dockerfile"));
    while (dockerfileEnv.find()) {
      variables.add(dockerfileEnv.group(1));
    }
    variables.addAll(List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_HOST",
        "CAMUNDA_BPM_ADMINUSER_ID", "CAMUNDA_BPM_ADMINUSER_PASSWORD", "TNA_MAIL_FROM"));
    String readme = read("README.md");
    String configuration = readme.substring(readme.indexOf("### Configuration"), readme.indexOf("## Architecture"));
    assertThat(variables).contains("TNA_DB_PASSWORD", "TNA_ADMIN_ID", "TNA_ADMIN_PASSWORD", "TNA_SECURE_COOKIES", "TZ");
    assertThat(variables).allSatisfy(variable ->
        assertThat(configuration).as(variable + " in the README's Configuration").contains("`" + variable + "`"));
  }

  @Test
  void theComposeFilesDefaultsStartAndWarnThatCookiesAreNotSecure() throws IOException {
    Log log = mock(Log.class);
    StandardEnvironment defaults = productionWith(Map.of());
    assertThat(defaults.getProperty("tna.base-url")).isEqualTo("http://localhost:8080");
    assertThat(defaults.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
    assertThat(defaults.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("false");
    assertThat(defaults.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("false");
    assertThatCode(() -> new ProductionConfigurationCheck(log).postProcessEnvironment(defaults, null)).doesNotThrowAnyException();
    verify(log).warn(contains("TNA_SECURE_COOKIES=false"));

    // Opened from other computers over plain HTTP, the compose file works too...
    StandardEnvironment lan = productionWith(Map.of("TNA_BASE_URL", "http://192.168.1.20:8080"));
    assertThatCode(() -> new ProductionConfigurationCheck(log).postProcessEnvironment(lan, null)).doesNotThrowAnyException();
    // ... and Secure cookies asked for over http:// from another computer are refused, saying why.
    StandardEnvironment trap = productionWith(Map.of("TNA_BASE_URL", "http://192.168.1.20:8080", "TNA_SECURE_COOKIES", "true"));
    assertThatThrownBy(() -> new ProductionConfigurationCheck(log).postProcessEnvironment(trap, null))
        .hasMessageContaining("est en http:// alors que les cookies de session sont « Secure »");
    StandardEnvironment https = productionWith(Map.of("TNA_BASE_URL", "https://reseau-tna.manche.fr", "TNA_SECURE_COOKIES", "true"));
    assertThatCode(() -> new ProductionConfigurationCheck(log).postProcessEnvironment(https, null)).doesNotThrowAnyException();
    assertThat(https.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
  }

  @Test
  void withoutTheComposeFileTheProductionProfileKeepsSecureCookies() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new YamlPropertySourceLoader()
        .load("prod", new ClassPathResource("application-prod.yaml")).get(0));
    assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
    assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
  }

  /**
   * The application's environment as the compose file sets it, with the operator's variables: the
   * compose file's interpolation ({@code :-} defaults, {@code :?} required, given here), then the
   * application's settings files.
   */
  private StandardEnvironment productionWith(Map<String, String> operator) throws IOException {
    Map<String, String> shell = new HashMap<>(operator);
    shell.putIfAbsent("TNA_DB_PASSWORD", "un mot de passe de base");
    shell.putIfAbsent("TNA_ADMIN_PASSWORD", "un mot de passe d'administrateur");
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : appEnvironment().entrySet()) {
      variables.put(entry.getKey(), interpolate(String.valueOf(entry.getValue()), shell));
    }
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("compose", variables));
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    environment.getPropertySources().addLast(yaml.load("prod", new ClassPathResource("application-prod.yaml")).get(0));
    environment.getPropertySources().addLast(yaml.load("application", new ClassPathResource("application.yaml")).get(0));
    environment.setActiveProfiles(String.valueOf(variables.get("SPRING_PROFILES_ACTIVE")));
    return environment;
  }

  /** Compose's interpolation of one value. */
  private static String interpolate(String value, Map<String, String> shell) {
    Matcher variable = COMPOSE_VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1);
      String given = shell.get(name);
      String operator = variable.group(2);
      String replacement;
      if (given != null && !given.isEmpty()) {
        replacement = given;
      } else if (operator != null && operator.endsWith("-")) {
        replacement = variable.group(3);
      } else if (operator != null && operator.endsWith("?")) {
        throw new AssertionError("docker compose would refuse to start: " + variable.group(3));
      } else {
        replacement = "";
      }
      variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    variable.appendTail(result);
    return result.toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> appEnvironment() {
    Map<String, Object> file = new Yaml().load(compose);
    Map<String, Object> services = (Map<String, Object>) file.get("services");
    return (Map<String, Object>) ((Map<String, Object>) services.get("app")).get("environment");
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
