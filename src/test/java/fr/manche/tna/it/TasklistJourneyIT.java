package fr.manche.tna.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.TnaApplication;
import fr.manche.tna.test.TestMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The acceptance journey in a real Chromium, on the demo run: a referent logs in to Tasklist (in French),
 * starts an application for a convention through its start form, completes the review task through its
 * form, and reads the resulting mail in the demo's mail view; the member's signatory chooses a password
 * through the link mailed to them and signs, the département's signatory signs, the signed convention is
 * mailed, readable as a PDF, and shown in force on the member's page.
 */
class TasklistJourneyIT {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @TempDir static Path work;
  static ConfigurableApplicationContext application;
  static WebDriver browser;
  static String base;
  static Path screenshots;

  @BeforeAll
  static void startApplicationAndBrowser() throws IOException {
    assertThat(Path.of(CHROMIUM)).as("Chromium is installed by scripts/test.sh (apt-get install chromium chromium-driver)").exists();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
    int port = TestMailServer.freePort();
    base = "http://127.0.0.1:" + port;
    application =
        new SpringApplicationBuilder(TnaApplication.class)
            .profiles("demo")
            .run(
                "--server.port=" + port,
                "--tna.base-url=" + base,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--tna.demo.mail-catcher.smtp-port=" + TestMailServer.freePort(),
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,2200", "--lang=fr-FR",
        "--user-data-dir=" + Files.createDirectories(work.resolve("chromium")));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build(), options);
    screenshots = Files.createDirectories(Path.of(System.getProperty("tna.screenshots", "target/screenshots")));
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

  @Test
  void aReferentFilesAndReviewsAnApplicationInFrenchAndTheMailArrives() throws IOException {
    browser.get(base + "/camunda/app/tasklist/default/");
    WebElement username = waitFor(By.cssSelector("input[ng-model='username']"));
    assertThat(browser.findElement(By.cssSelector("button[type='submit']")).getText()).isEqualTo("Se connecter");
    username.sendKeys("referent");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement start = waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
    screenshot("01-tasklist");
    start.click();
    waitFor(By.xpath("//a[normalize-space()='Demande de convention de coopération']")).click();

    fill("Nom de l'organisation", "Commune de Gavray-sur-Sienne");
    waitFor(By.xpath("//label[normalize-space()='Collectivité territoriale']")).click();
    fill("Numéro SIRET", "21505019300014");
    fill("Adresse", "Mairie, 50450 Gavray-sur-Sienne");
    fill("Nom du contact référent", "Sophie Marie");
    fill("Courriel du contact référent", "mairie@gavray.example.fr");
    fill("Nom du signataire", "Paul Lecoq");
    fill("Qualité du signataire", "maire");
    fill("Courriel du signataire", "maire@gavray.example.fr");
    screenshot("02-start-form");
    browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]")).click();

    // The review task appears in "Tâches de mes groupes" once the referents' mail has gone (asynchronous step).
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    WebElement task = waitForTask("Examiner la demande de convention");
    task.click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    click(waitFor(By.xpath("//label[normalize-space()='Accepter la demande']")));
    screenshot("03-review-form");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    browser.get(base + "/courriels");
    WebElement decision =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .pollingEvery(Duration.ofSeconds(1))
            .until(
                driver -> {
                  driver.navigate().refresh();
                  List<WebElement> links =
                      driver.findElements(By.partialLinkText("Votre demande de convention est acceptée : Commune de Gavray-sur-Sienne"));
                  return links.isEmpty() ? null : links.get(0);
                });
    assertThat(browser.getPageSource()).contains("Nouvelle demande de convention à examiner : Commune de Gavray-sur-Sienne");
    decision.click();
    assertThat(waitFor(By.tagName("pre")).getText())
        .contains("Commune de Gavray-sur-Sienne")
        .contains("Objet : Demande de convention de coopération")
        .contains("Voir la convention (une fois votre mot de passe choisi) : " + base + "/ma-convention");
    screenshot("04-mail");

    // The member's signatory got an account: they choose their password through the mailed link.
    String invitation = mailText("Créez votre mot de passe", "maire@gavray.example.fr");
    String login = invitation.replaceAll("(?s).*Votre identifiant est : (\\S+).*", "$1");
    String link = invitation.replaceAll("(?s).*(http\\S+/compte/mot-de-passe\\?jeton=\\S+).*", "$1");
    assertThat(mailText("À signer : Convention de coopération de Commune de Gavray-sur-Sienne", "maire@gavray.example.fr"))
        .contains("Signataire pour l'organisation : Paul Lecoq, maire");
    browser.manage().deleteAllCookies();
    browser.get(link);
    waitFor(By.id("motDePasse")).sendKeys("Gavray-sur-Sienne 2026");
    browser.findElement(By.id("confirmation")).sendKeys("Gavray-sur-Sienne 2026");
    browser.findElement(By.xpath("//button[normalize-space()='Enregistrer mon mot de passe']")).click();

    // The member's signatory signs first, from "Mes tâches".
    login(login, "Gavray-sur-Sienne 2026");
    waitForTask("Signer pour l'organisation").click();
    signThroughForm("Paul Lecoq", "maire");
    screenshot("07-member-signs");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // Then the département's signatory, from the group's tasks.
    browser.manage().deleteAllCookies();
    login("signataire", "demo");
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    waitForTask("Signer pour le Département").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    signThroughForm("Anne Duval", "vice-présidente du Conseil départemental");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // The signed convention is mailed to both, and its PDF says who signed and when it is in force.
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    String signed = mailText("Convention signée : Commune de Gavray-sur-Sienne", "maire@gavray.example.fr");
    String today = fr.manche.tna.platform.time.ParisTime.formatDate(fr.manche.tna.platform.time.ParisTime.today());
    assertThat(signed).contains("Elle est en vigueur du " + today);
    browser.get(base + "/conventions");
    WebElement pdfLink = waitFor(By.partialLinkText("Convention (PDF)"));
    screenshot("08-staff-conventions");
    assertThat(fr.manche.tna.test.PdfText.of(download(pdfLink.getAttribute("href"))))
        .contains("Commune de Gavray-sur-Sienne")
        .contains("Signature pour l'organisation : Paul Lecoq, maire, le " + today)
        .contains("Signature pour le Département : Anne Duval");

    // The member sees it in force on their page.
    browser.manage().deleteAllCookies();
    login(login, "Gavray-sur-Sienne 2026");
    browser.get(base + "/ma-convention");
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Ma convention de coopération");
    assertThat(browser.getPageSource()).contains("En vigueur");
    screenshot("09-member-convention");
  }

  private void login(String user, String password) {
    browser.get(base + "/camunda/app/tasklist/default/");
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
  }

  private void signThroughForm(String name, String role) {
    fill("Votre nom", name);
    fill("Votre qualité", role);
    click(waitFor(By.xpath("//label[contains(normalize-space(),\"J'ai lu le document et je le signe\")]")));
  }

  /** The text of the latest mail with that subject to that address, read in the demo's mail view as staff. */
  private String mailText(String subject, String recipient) {
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    browser.get(base + "/courriels");
    WebElement link =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .pollingEvery(Duration.ofSeconds(1))
            .until(driver -> {
              driver.navigate().refresh();
              List<WebElement> rows = driver.findElements(By.xpath(
                  "//tr[td[contains(normalize-space(),'" + recipient + "')]]//a[starts-with(normalize-space(),\"" + subject + "\")]"));
              return rows.isEmpty() ? null : rows.get(0);
            });
    link.click();
    return waitFor(By.tagName("pre")).getText();
  }

  /** Downloads with the browser's session, as the browser would. */
  private byte[] download(String url) {
    String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
    try {
      java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", cookies).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMemberSeesOnlyTasklistAndFilesACommunicationRequest() throws IOException {
    browser.manage().deleteAllCookies();
    browser.get(base + "/camunda/app/tasklist/default/");
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys("julie.hamel");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']")).click();
    waitFor(By.xpath("//a[normalize-space()=\"Demande d'accord pour une communication\"]"));
    assertThat(browser.findElements(By.xpath("//a[normalize-space()='Demande de convention de coopération']")))
        .as("a member cannot start a staff process").isEmpty();
    browser.findElement(By.xpath("//a[normalize-space()=\"Demande d'accord pour une communication\"]")).click();
    fill("Objet de l'opération", "Fête du numérique");
    fill("Contenu prévu", "Affiche avec le logo du Département");
    fill("Supports", "Affiche, site de la commune");
    fill("Date de diffusion prévue", "06/01/2099");
    screenshot("05-member-start-form");
    click(browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));
    assertThat(application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
            .sql("select planned_on from communication_request where subject = 'Fête du numérique'")
            .query(java.time.LocalDate.class).single())
        .as("06/01/2099 typed in French is 6 January").isEqualTo(java.time.LocalDate.of(2099, 1, 6));

    // Her organisation's convention is in force (signed at the demo's first start): she requests an amendment.
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']")).click();
    waitFor(By.xpath("//a[normalize-space()=\"Avenant à la convention de coopération\"]")).click();
    fill("Objet de l'avenant", "Ateliers le samedi");
    fill("Contenu de l'avenant", "Les ateliers ont aussi lieu le samedi matin à la médiathèque.");
    screenshot("10-member-amendment-form");
    click(browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));
    assertThat(application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
            .sql("select status from amendment where object = 'Ateliers le samedi'").query(String.class).single())
        .isEqualTo("EN_EXAMEN");

    browser.get(base + "/camunda/app/cockpit/default/");
    assertThat(browser.getPageSource()).doesNotContain("Tableau de bord").contains("Accès refusé");
    screenshot("06-member-no-cockpit");
  }

  private WebElement waitForTask(String name) {
    return waitUntil(
        () -> new WebDriverWait(browser, Duration.ofSeconds(60))
        .pollingEvery(Duration.ofSeconds(2))
        .until(
            driver -> {
              List<WebElement> tasks = driver.findElements(By.xpath("//a[normalize-space()=\"" + name + "\"]"));
              if (tasks.isEmpty()) {
                driver.navigate().refresh();
                return null;
              }
              return tasks.get(0);
            }));
  }

  /** Clicks like a person who first scrolls the element into the middle of the window. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  /** Types into the form-js field whose label starts with the given text. */
  private void fill(String label, String value) {
    WebElement labelElement =
        waitFor(By.xpath("//label[starts-with(normalize-space(), \"" + label + "\")]"));
    WebElement input = browser.findElement(By.id(labelElement.getAttribute("for")));
    input.sendKeys(value);
  }

  private WebElement waitFor(By locator) {
    return waitUntil(
        () -> new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(locator)));
  }

  /** Runs the wait; on time-out keeps a screenshot and says where the browser was. */
  private WebElement waitUntil(java.util.function.Supplier<WebElement> wait) {
    try {
      return wait.get();
    } catch (RuntimeException e) {
      System.out.println("Browser at " + browser.getCurrentUrl());
      try {
        screenshot("failure");
      } catch (IOException ignored) {
        // keep the original failure
      }
      throw e;
    }
  }

  private void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
