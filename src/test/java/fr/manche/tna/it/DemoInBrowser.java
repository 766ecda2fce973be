package fr.manche.tna.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.TnaApplication;
import fr.manche.tna.test.TestMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the browser journeys start: the application on its default (demo) profile, in this JVM, on a database
 * of the test's own, and a headless Chromium in French (Debian's, installed by {@code scripts/test.sh}).
 */
final class DemoInBrowser {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private DemoInBrowser() {}

  /** The demo application on a free port, its H2 file database under {@code work}. */
  static ConfigurableApplicationContext startDemo(Path work, String base, int port) {
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
    return new SpringApplicationBuilder(TnaApplication.class)
        .profiles("demo")
        .run(
            "--server.port=" + port,
            "--tna.base-url=" + base,
            "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
            "--tna.demo.mail-catcher.smtp-port=" + TestMailServer.freePort(),
            "--camunda.bpm.job-execution.wait-time-in-millis=200",
            "--camunda.bpm.job-execution.max-wait=1000");
  }

  /**
   * Headless Chromium with the flags this machine needs (no background networking: the network is closed), a
   * new profile under {@code work}, French as the browser's language.
   */
  static ChromeDriver startChromium(Path work, String windowSize) throws IOException {
    assertThat(Path.of(CHROMIUM)).as("Chromium is installed by scripts/test.sh (apt-get install chromium chromium-driver)").exists();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=" + windowSize, "--lang=fr-FR",
        "--user-data-dir=" + Files.createDirectories(work.resolve("chromium")));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
  }

  /** Where the journeys leave their screenshots ({@code target/screenshots}). */
  static Path screenshots() throws IOException {
    return Files.createDirectories(Path.of(System.getProperty("tna.screenshots", "target/screenshots")));
  }
}
