package fr.manche.tna.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.TestMailServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's own pages in a real Chromium, on the demo run: a member who is not logged in opens the link
 * of her mail to her convention, logs in on the page that answers and lands on her convention; she reaches the
 * menu from Tasklist; staff find their pages in the menu; every page of the menu is readable on a phone 375 px
 * wide (nothing wider than the screen). Screenshots, desktop and phone, in {@code target/screenshots/pages-*}.
 */
class PagesJourneyIT {

  static final int PHONE_WIDTH = 375;

  @TempDir static Path work;
  static ConfigurableApplicationContext application;
  static ChromeDriver browser;
  static String base;
  static Path screenshots;

  @BeforeAll
  static void startApplicationAndBrowser() throws IOException {
    int port = TestMailServer.freePort();
    base = "http://127.0.0.1:" + port;
    application = DemoInBrowser.startDemo(work, base, port);
    browser = DemoInBrowser.startChromium(work, "1280,900");
    screenshots = DemoInBrowser.screenshots();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (application != null) {
      application.close();
    }
  }

  @BeforeEach
  @AfterEach
  void desktopAndLoggedOut() {
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  @Test
  void aLoggedOutMemberOpensHerMailedLinkLogsInAndLandsOnHerConvention() throws IOException {
    // The link of her mail ("Votre convention est signée ... /ma-convention"), opened while not logged in.
    browser.get(base + "/ma-convention");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Connexion requise");
    screenshot("pages-01-mailed-link-login");
    logInOnThePage("julie.hamel", "demo");

    waitForLoggedInPage();
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/ma-convention");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Ma convention de coopération");
    assertThat(browser.getPageSource()).contains("En vigueur").contains("Télécharger la convention (PDF)");
    assertThat(menu()).containsExactly(
        "Accueil", "Ma convention", "Mes demandes", "Mes emprunts", "Mes rendez-vous", "Mes indicateurs",
        "Disponibilités du matériel", "Liste des tâches");
    assertThat(browser.findElement(By.cssSelector(".tna-personne")).getText()).isEqualTo("Julie Hamel");
    screenshot("pages-02-member-convention");
    onAPhone(() -> {
      assertReadableOnAPhone("/ma-convention");
      fullScreenshot("pages-03-member-convention-375px");
      assertReadableOnAPhone("/disponibilites");
      fullScreenshot("pages-03b-member-availability-375px");
      assertReadableOnAPhone("/mes-emprunts");
      fullScreenshot("pages-03c-member-loans-375px");
      assertReadableOnAPhone("/mes-indicateurs");
      fullScreenshot("pages-03d-member-indicators-375px");
    });

    // Logged out from the header, the page asks her to log in again.
    waitFor(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/connexion"));
    browser.get(base + "/ma-convention");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Connexion requise");
  }

  @Test
  void fromTasklistAMemberReachesTheMenuOfTheNetworksPages() throws IOException {
    browser.get(base + "/camunda/app/tasklist/default/");
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys("julie.hamel");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
    assertThat(tasklistLoadsTheMenuLink())
        .as("Tasklist's config.js loads scripts/menu-link.js (customScripts)").isTrue();
    WebElement link = waitFor(By.partialLinkText("Espace du réseau"));
    screenshot("pages-04-tasklist-link");
    link.click();

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(base + "/accueil"));
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Bonjour Julie Hamel");
    assertThat(menu()).containsExactly(
        "Accueil", "Ma convention", "Mes demandes", "Mes emprunts", "Mes rendez-vous", "Mes indicateurs",
        "Disponibilités du matériel", "Liste des tâches");
    screenshot("pages-05-member-home");
    browser.findElement(By.cssSelector(".tna-menu")).findElement(By.linkText("Liste des tâches")).click();
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
  }

  @Test
  void staffFindTheirPagesInTheMenuAndEveryPageIsReadableOnAPhone() throws IOException {
    // A staff page asked for while logged out: the same login comes back to it.
    browser.get(base + "/conventions");
    logInOnThePage("referent", "demo");
    waitForLoggedInPage();
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/conventions");
    assertThat(menu()).containsExactly(
        "Accueil", "Conventions", "Organisations", "Matériel", "Prêts", "Usage du Département", "Horaires de remise",
        "Remises du jour", "Indicateurs", "Journal des décisions",
        "Courriels envoyés",
        "Disponibilités du matériel", "Liste des tâches");
    assertThat(browser.findElement(By.cssSelector(".tna-menu [aria-current='page']")).getText()).isEqualTo("Conventions");
    screenshot("pages-06-staff-conventions");
    browser.get(base + "/accueil");
    screenshot("pages-07-staff-home");

    List<String> paths = browser.findElements(By.cssSelector(".tna-menu a")).stream()
        .map(link -> link.getAttribute("href").substring(base.length()))
        .filter(path -> !path.startsWith("/camunda/"))
        .toList();
    onAPhone(() -> {
      for (String path : paths) {
        assertReadableOnAPhone(path);
      }
      browser.get(base + "/organisations");
      waitFor(By.partialLinkText("Villedieu")).click();
      assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
      assertReadableOnAPhone(null);
      browser.get(base + "/conventions");
      fullScreenshot("pages-08-staff-conventions-375px");
      browser.get(base + "/accueil");
      fullScreenshot("pages-09-staff-home-375px");
      browser.get(base + "/horaires");
      fullScreenshot("pages-10-staff-hours-375px");
      browser.get(base + "/indicateurs");
      fullScreenshot("pages-11-staff-indicators-375px");
      browser.get(base + "/remises");
      fullScreenshot("pages-12-staff-handovers-375px");
    });
    browser.get(base + "/indicateurs");
    assertThat(waitFor(By.tagName("h1")).getText()).contains("Indicateurs");
    fullScreenshot("pages-13-staff-indicators");
  }

  /** Whether the Tasklist served here lists our custom script (config.js is Tasklist's customisation). */
  private boolean tasklistLoadsTheMenuLink() {
    try {
      HttpResponse<String> config = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/scripts/config.js")).build(),
          HttpResponse.BodyHandlers.ofString());
      return config.body().contains("scripts/menu-link.js");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void logInOnThePage(String user, String password) {
    WebElement form = waitFor(By.cssSelector("form[data-connexion]"));
    form.findElement(By.name("username")).sendKeys(user);
    form.findElement(By.name("password")).sendKeys(password);
    form.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Waits for the page that the login opens (the page asked for, its header naming the person). */
  private void waitForLoggedInPage() {
    waitFor(By.cssSelector("header[data-layout='reseau-tna'] .tna-personne"));
  }

  private List<String> menu() {
    return browser.findElements(By.cssSelector(".tna-menu a")).stream()
        .map(link -> link.getText().replace(" →", "").trim())
        .toList();
  }

  /** Opens the page (or stays on the current one) and checks that nothing is wider than a phone's screen. */
  private void assertReadableOnAPhone(String path) {
    if (path != null) {
      browser.get(base + path);
    }
    waitFor(By.cssSelector("header[data-layout='reseau-tna']"));
    Object widths = ((JavascriptExecutor) browser).executeScript(
        "return [window.innerWidth, document.documentElement.scrollWidth]");
    assertThat(widths).as(browser.getCurrentUrl() + ": window and page widths").isEqualTo(List.of(375L, 375L));
  }

  private interface Step {
    void run() throws IOException;
  }

  /** Runs the steps in a phone-sized window (375 px wide, as a mobile browser reports it). */
  private void onAPhone(Step steps) throws IOException {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", PHONE_WIDTH, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    try {
      steps.run();
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private WebElement waitFor(By locator) {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(locator));
    } catch (RuntimeException e) {
      System.out.println("Browser at " + browser.getCurrentUrl());
      try {
        screenshot("pages-failure");
      } catch (IOException ignored) {
        // keep the original failure
      }
      throw e;
    }
  }

  private void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** The whole page, beyond the window's height, as a person scrolling it would see it. */
  private void fullScreenshot(String name) throws IOException {
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(screenshots.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }
}
