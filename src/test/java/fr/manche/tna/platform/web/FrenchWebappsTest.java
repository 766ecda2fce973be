package fr.manche.tna.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The webapps are served with our French locale, French as default, and without the Camunda 8 banner. */
@ApplicationTest
class FrenchWebappsTest {

  @Autowired TestRestTemplate http;

  @Test
  void everyWebappServesFrenchAndEnablesIt() {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      String config = http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
      assertThat(config).as(app).contains("availableLocales: ['fr', 'en']").contains("fallbackLocale: 'fr'");
      String styles = http.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class);
      assertThat(styles).as(app).contains(".ce-eol-banner").contains("display: none");
    }
    assertThat(http.getForObject("/camunda/app/tasklist/locales/fr.json", String.class))
        .contains("\"Démarrer un processus\"");
    assertThat(http.getForObject("/camunda/app/cockpit/locales/fr.json", String.class)).contains("Tableau de bord");
  }

  /** Tasklist loads our script: French form messages, refusals as their sentence, no "Créer une tâche" (README). */
  @Test
  void tasklistLoadsTheNetworksScript() {
    assertThat(http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
        .contains("'scripts/reseau-tna.js'");
    assertThat(http.getForObject("/camunda/app/tasklist/scripts/reseau-tna.js", String.class))
        .contains("installFrenchValidation()")
        .contains("tasklist.navbar.action:create-task-action");
    assertThat(http.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class)).contains(".tasks-list .task .priority");
  }
}
