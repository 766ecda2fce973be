package fr.manche.tna.platform.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the "prod" profile, naming what is wrong, before any bean is created:
 *
 * <ul>
 *   <li>the database or the mail server is not configured: without it Spring Boot would quietly start on an
 *       in-memory H2 database (its driver is on the classpath for the demo run) and lose every request at
 *       the next restart;
 *   <li>a password is missing or is an example value of the README or the compose file;
 *   <li>the first administrator is named without a password;
 *   <li>the public address is {@code http://} on another host than this computer while the session cookies
 *       are {@code Secure}: browsers would not send them back and nobody could log in.
 * </ul>
 *
 * Cookies without {@code Secure} ({@code TNA_SECURE_COOKIES=false}, for a plain-HTTP trial) are allowed with
 * a warning in the log. Whether an administrator exists is known only once the database is open:
 * {@link ProductionAdministratorCheck}.
 */
public class ProductionConfigurationCheck implements EnvironmentPostProcessor, Ordered {

  /** Property to check, and the environment variable that sets it. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "spring.datasource.url", "SPRING_DATASOURCE_URL",
          "spring.datasource.username", "SPRING_DATASOURCE_USERNAME",
          "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD",
          "spring.mail.host", "SPRING_MAIL_HOST");

  /** Example passwords of the README and the compose file, and the compose file's former default. */
  static final Set<String> EXAMPLE_PASSWORDS = Set.of("change-me", "choose-a-password", "choose-one", "...");

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String SECURE_COOKIES = "server.servlet.session.cookie.secure";

  private final Log log;

  /** As Spring Boot creates it: warnings are logged once logging is set up. */
  public ProductionConfigurationCheck(DeferredLogFactory logs) {
    this.log = logs.getLog(ProductionConfigurationCheck.class);
  }

  ProductionConfigurationCheck(Log log) {
    this.log = log;
  }

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
    if (isExample(environment.getProperty("spring.datasource.password"))) {
      problems.add("SPRING_DATASOURCE_PASSWORD (spring.datasource.password) est un mot de passe d'exemple : choisissez-en un vrai "
          + "(et changez celui de la base s'il a été créé ainsi)");
    }
    Binder binder = Binder.get(environment);
    String adminId = binder.bind(ADMIN_ID, String.class).orElse(null);
    String adminPassword = binder.bind(ADMIN_PASSWORD, String.class).orElse(null);
    if (!isBlank(adminId) && isBlank(adminPassword)) {
      problems.add("CAMUNDA_BPM_ADMINUSER_PASSWORD (" + ADMIN_PASSWORD + ") n'est pas définie alors que CAMUNDA_BPM_ADMINUSER_ID l'est : "
          + "le premier administrateur n'aurait pas de mot de passe");
    } else if (!isBlank(adminId) && isExample(adminPassword)) {
      problems.add("CAMUNDA_BPM_ADMINUSER_PASSWORD (" + ADMIN_PASSWORD + ") est un mot de passe d'exemple : choisissez-en un vrai");
    }
    String baseUrl = environment.getProperty("tna.base-url");
    if (environment.getProperty("TNA_BASE_URL") == null && baseUrl.contains("localhost")) {
      problems.add("TNA_BASE_URL (tna.base-url) n'est pas définie : les liens des courriels pointeraient vers localhost");
    }
    boolean secureCookies = !"false".equalsIgnoreCase(environment.getProperty(SECURE_COOKIES, "true").trim());
    URI address = address(baseUrl);
    if (address == null) {
      problems.add("TNA_BASE_URL (tna.base-url) n'est pas une adresse http:// ou https:// : « " + baseUrl + " »");
    } else if ("http".equals(address.getScheme()) && secureCookies && !isThisComputer(address.getHost())) {
      problems.add("TNA_BASE_URL (" + baseUrl + ") est en http:// alors que les cookies de session sont « Secure » : les "
          + "navigateurs ne les renverraient pas et personne ne pourrait se connecter depuis " + address.getHost() + ". "
          + "Servez l'application en https:// (un proxy qui termine TLS devant elle, voir le README) et indiquez l'adresse "
          + "https:// ; ou, pour un essai en HTTP sur un réseau de confiance seulement, définissez TNA_SECURE_COOKIES=false");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Configuration de production incomplète, l'application ne démarre pas :\n - "
              + String.join("\n - ", problems)
              + "\nVoir la section « Configuration » du README.");
    }
    if (!secureCookies) {
      log.warn("ATTENTION : TNA_SECURE_COOKIES=false, les cookies de session n'ont pas l'attribut « Secure » et circulent en "
          + "clair en HTTP. Réservez ce réglage à un essai sur un poste ou un réseau de confiance ; en production, servez "
          + "l'application en https:// et retirez TNA_SECURE_COOKIES (voir le README, « Running in production »).");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  private static URI address(String baseUrl) {
    try {
      URI uri = URI.create(baseUrl.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Browsers treat these as secure origins even over http: Secure cookies still work there. */
  private static boolean isThisComputer(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.") || name.equals("[::1]");
  }

  private static boolean isExample(String password) {
    return password != null && EXAMPLE_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
