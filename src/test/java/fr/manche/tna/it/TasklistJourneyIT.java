package fr.manche.tna.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.platform.time.ParisTime;
import fr.manche.tna.test.TestMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The acceptance journey in a real Chromium, on the demo run: a referent logs in to Tasklist (in French),
 * starts an application for a convention through its start form, completes the review task through its
 * form, and reads the resulting mail in the demo's mail view; the member's signatory chooses a password
 * through the link mailed to them and signs, the département's signatory signs, the signed convention is
 * mailed, readable as a PDF, and shown in force on the member's page.
 *
 * <p>On the way, the mistakes people make: every message they read is French and next to its field, or the
 * server's sentence alone next to the form's buttons; never engine text nor English. The application's log of the
 * whole run (the application runs in this JVM: its console output is read) holds no ERROR line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistJourneyIT {

  /** Words of the engine or of form-js's English that a person must never read. */
  static final java.util.regex.Pattern NOT_FOR_PEOPLE = java.util.regex.Pattern.compile(
      "Cannot|ENGINE-|Exception|\\b(Field|must|required|pattern|Please|Value|Error|null|undefined)\\b|\\^|\\\\d");


  @TempDir static Path work;
  static ConfigurableApplicationContext application;
  static WebDriver browser;
  static String base;
  static Path screenshots;
  static final java.io.ByteArrayOutputStream LOG = new java.io.ByteArrayOutputStream();
  static java.io.PrintStream console;

  @BeforeAll
  static void startApplicationAndBrowser() throws IOException {
    console = System.out;
    System.setOut(new java.io.PrintStream(new TeeStream(console, LOG), true, java.nio.charset.StandardCharsets.UTF_8));
    int port = TestMailServer.freePort();
    base = "http://127.0.0.1:" + port;
    application = DemoInBrowser.startDemo(work, base, port);
    browser = DemoInBrowser.startChromium(work, "1400,2200");
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
    if (console != null) {
      System.setOut(console);
    }
  }

  @Test
  @Order(99)
  void theApplicationLoggedNoErrorDuringTheJourneys() {
    String log;
    synchronized (LOG) {
      log = LOG.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(log).as("the application's console output was captured").contains("Tomcat started on port");
    assertThat(log.lines().filter(line -> line.matches(".*\\sERROR\\s.*")).toList())
        .as("ERROR lines in the application's log").isEmpty();
  }

  /** Writes to the console and keeps a copy. */
  static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream console;
    private final java.io.ByteArrayOutputStream copy;

    TeeStream(java.io.OutputStream console, java.io.ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      console.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      console.write(bytes, offset, length);
      synchronized (copy) {
        copy.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      console.flush();
    }
  }

  @Test
  @Order(1)
  void aReferentFilesAndReviewsAnApplicationInFrenchAndTheMailArrives() throws IOException {
    WebElement username = openTasklistLogin();
    assertThat(browser.findElement(By.cssSelector("button[type='submit']")).getText()).isEqualTo("Se connecter");
    username.sendKeys("referent");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement start = waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed)).isEmpty();
    screenshot("01-tasklist");
    assertThat(browser.findElements(By.xpath("//*[contains(normalize-space(),'Créer une tâche')]")))
        .as("nobody here creates standalone tasks").isEmpty();
    start.click();
    waitFor(By.xpath("//a[normalize-space()='Demande de convention de coopération']")).click();

    // Mistakes first: nothing filled in, then a SIRET of 13 digits, then one whose check digit is wrong.
    waitFor(By.xpath("//label[starts-with(normalize-space(), \"Nom de l'organisation\")]"));
    WebElement startButton = browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]"));
    click(startButton);
    assertThat(errorOf("Nom de l'organisation")).isEqualTo("Ce champ est obligatoire.");
    assertThat(errorOf("Forme juridique")).isEqualTo("Choisissez une réponse.");
    assertThat(refusal()).isEqualTo("Vérifiez les champs signalés en rouge, puis recommencez.");
    screenshot("11-start-form-empty");
    assertOnlyFrenchForPeople();

    fill("Nom de l'organisation", "Commune de Gavray-sur-Sienne");
    choose("Collectivité territoriale");
    assertThat(errorOf("Forme juridique")).isEmpty();
    fill("Numéro SIRET", "2150501930001");
    fill("Adresse", "Mairie, 50450 Gavray-sur-Sienne");
    assertThat(errorOf("Numéro SIRET")).isEqualTo("Format attendu : 14 chiffres, par exemple 215 050 193 00014.");
    screenshot("12-start-form-siret-13-digits");
    assertOnlyFrenchForPeople();
    replace("Numéro SIRET", "21505019300015");
    assertThat(errorOf("Numéro SIRET")).isEmpty();
    fill("Nom du contact référent", "Sophie Marie");
    fill("Courriel du contact référent", "mairie@gavray.example.fr");
    fill("Nom du signataire", "Paul Lecoq");
    fill("Qualité du signataire", "maire");
    fill("Courriel du signataire", "maire@gavray.example.fr");
    click(startButton);
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'clé de contrôle')]"));
    assertThat(refusal()).isEqualTo("Le numéro SIRET 21505019300015 n'est pas valide (sa clé de contrôle ne correspond pas) : "
        + "vérifiez-le sur l'avis de situation au répertoire SIRENE.");
    screenshot("13-start-form-siret-refused-by-the-server");
    assertOnlyFrenchForPeople();
    replace("Numéro SIRET", "21505019300014");
    screenshot("02-start-form");
    click(startButton);

    // The review task appears in "Tâches de mes groupes" once the referents' mail has gone (asynchronous step).
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    WebElement task = waitForTask("Examiner la demande de convention – Commune de Gavray-sur-Sienne");
    WebElement entry = browser.findElement(
        By.xpath("//li[contains(@class,'task')][.//a[normalize-space()=\"Examiner la demande de convention – Commune de Gavray-sur-Sienne\"]]"));
    assertThat(entry.getText()).as("the list entry says what the task is about")
        .contains("Collectivité territoriale · SIRET 21505019300014 · signataire : Paul Lecoq, maire");
    assertThat(entry.findElements(By.cssSelector(".priority")).stream().filter(WebElement::isDisplayed))
        .as("the priority means nothing here").isEmpty();
    screenshot("18-task-list");
    task.click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    // What article 2 asks to check is on the form: the legal form and who signs.
    waitFor(By.xpath("//label[starts-with(normalize-space(), 'Signataire pour l')]"));
    assertThat(valueOf("Signataire pour l'organisation")).isEqualTo("Paul Lecoq");
    assertThat(valueOf("Qualité du signataire")).isEqualTo("maire");
    assertThat(browser.findElement(By.xpath("//label[normalize-space()='Collectivité territoriale']//input | "
        + "//input[@id=//label[normalize-space()='Collectivité territoriale']/@for]")).isSelected()).isTrue();
    choose("Accepter la demande");
    assertThat(browser.findElements(By.cssSelector(".task-card .tenant-id")).stream().filter(WebElement::isDisplayed))
        .as("the engine's tenant id is not shown above the task").isEmpty();
    screenshot("03-review-form");

    // A date typed the ISO way, one that does not exist, one in the past.
    fill("Date du rendez-vous", "2027-06-15");
    fill("Heure du rendez-vous", "10:00");
    assertThat(errorOf("Date du rendez-vous")).isEqualTo("Format attendu : jour/mois/année, par exemple 15/06/2027.");
    screenshot("14-review-form-iso-date");
    assertOnlyFrenchForPeople();
    replace("Date du rendez-vous", "31/02/2027");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'31/02/2027')]"));
    assertThat(refusal()).isEqualTo("Le champ « Date du rendez-vous » doit contenir une date qui existe, écrite jour/mois/année "
        + "(JJ/MM/AAAA) : « 31/02/2027 » n'en est pas une.");
    screenshot("15-review-form-date-that-does-not-exist");
    assertOnlyFrenchForPeople();
    replace("Date du rendez-vous", "15/06/2020");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'futur')]"));
    assertThat(refusal()).startsWith("Le rendez-vous d'accueil doit être fixé dans le futur");
    screenshot("16-review-form-past-date");
    assertOnlyFrenchForPeople();
    replace("Date du rendez-vous", "");
    replace("Heure du rendez-vous", "");
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
    // The password is saved only once its confirmation is shown: leaving earlier would cancel the submission.
    waitFor(By.xpath("//h1[normalize-space()='Mot de passe enregistré']"));

    // The member's signatory signs first, from "Mes tâches".
    login(login, "Gavray-sur-Sienne 2026");
    waitForTask("Signer pour l'organisation – Commune de Gavray-sur-Sienne").click();
    signThroughForm("Paul Lecoq", "maire");
    // What the engine refuses members is not offered to them (the staff's signatory below is offered it).
    assertThat(offered("Ajouter un commentaire", "Définir la date de suivi", "Définir l'échéance", "Ajouter des groupes")).isEmpty();
    screenshot("07-member-signs");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // Then the département's signatory, from the group's tasks.
    browser.manage().deleteAllCookies();
    login("signataire", "demo");
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    waitForTask("Signer pour le Département – Commune de Gavray-sur-Sienne").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    signThroughForm("Anne Duval", "vice-présidente du Conseil départemental");
    assertThat(offered("Ajouter un commentaire", "Définir la date de suivi")).containsExactly("Ajouter un commentaire", "Définir la date de suivi");
    screenshot("19-department-signs");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // The signed convention is mailed to both, and its PDF says who signed and when it is in force.
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    String signed = mailText("Convention signée : Commune de Gavray-sur-Sienne", "maire@gavray.example.fr");
    String today = ParisTime.formatDate(ParisTime.today());
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
    openTasklistLogin().sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']"));
  }

  /** Which of these actions the page shows (visible links or buttons with exactly that text). */
  private java.util.List<String> offered(String... actions) {
    return java.util.Arrays.stream(actions)
        .filter(action -> browser.findElements(By.xpath("//*[self::a or self::button][normalize-space()=\"" + action + "\"]"))
            .stream().anyMatch(WebElement::isDisplayed))
        .toList();
  }

  /** The signatory's name and capacity are already filled in: the signatory checks them and signs. */
  private void signThroughForm(String name, String role) {
    waitFor(By.xpath("//label[starts-with(normalize-space(), 'Votre nom')]"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> name.equals(valueOf("Votre nom")));
    assertThat(valueOf("Votre qualité")).isEqualTo(role);
    click(waitFor(By.xpath("//label[contains(normalize-space(),\"J'ai lu le document et je le signe\")]")));
  }

  /** The text of the latest mail with that subject to that address, read in the demo's mail view as the referent. */
  private String mailText(String subject, String recipient) {
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    return mailAsStaff(subject, recipient);
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
  @Order(2)
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
    assertThat(browser.findElements(By.xpath("//*[contains(normalize-space(),'Créer une tâche')]"))).isEmpty();
    // A diffusion date already past: the agreement comes before (R21), the server says so in one sentence.
    fill("Date de diffusion prévue", "15/06/2020");
    click(browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]")));
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'après aujourd')]"));
    assertThat(refusal()).isEqualTo("La diffusion doit être prévue après aujourd'hui : l'accord du Département est préalable (article 6).");
    screenshot("17-member-start-form-past-date");
    assertOnlyFrenchForPeople();
    replace("Date de diffusion prévue", "06/01/2099");
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
    // The message of the previous start may still be shown: wait for the amendment itself.
    org.springframework.jdbc.core.simple.JdbcClient jdbc = application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
        jdbc.sql("select count(*) from amendment where object = 'Ateliers le samedi'").query(Integer.class).single() == 1);
    assertThat(jdbc.sql("select status from amendment where object = 'Ateliers le samedi'").query(String.class).single())
        .isEqualTo("EN_EXAMEN");

    browser.get(base + "/camunda/app/cockpit/default/");
    assertThat(browser.getPageSource()).doesNotContain("Tableau de bord").contains("Accès refusé");
    screenshot("06-member-no-cockpit");
  }

  /**
   * Issue 10's journey: Julie Hamel asks for a drone for two weeks, chooses it among the items free over her period,
   * the equipment manager approves it from his Tasklist filter, the approval is mailed, and the loan is on « Mes
   * emprunts ».
   */
  @Test
  @Order(3)
  void aMemberBorrowsADroneForTwoWeeksTheManagerApprovesAndTheLoanIsOnMesEmprunts() throws IOException {
    java.time.LocalDate first = ParisTime.today().plusDays(60);
    java.time.LocalDate last = first.plusDays(13);
    java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    String period = fr.manche.tna.inventory.Periods.french(first, last);

    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']")).click();
    waitFor(By.xpath("//a[normalize-space()='Prêt de matériel']")).click();
    fill("Activités prévues", "Initiation au pilotage de drone et prises de vue du bourg avec le club photo");
    fill("Public attendu", "12 adhérents du club photo");
    fill("Premier jour du prêt", first.format(day));
    fill("Dernier jour du prêt", last.format(day));
    screenshot("20-member-loan-start-form");
    click(browser.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));

    // Her next step waits in her group's tasks: the items free over her two weeks, to tick.
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    taskAbout("Choisir le matériel", period).click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    waitFor(By.xpath("//label[starts-with(normalize-space(), 'Période demandée')]"));
    assertThat(valueOf("Période demandée")).isEqualTo(period + " (14 jours)");
    choose("Demander le matériel coché ci-dessous");
    WebElement drone = waitFor(By.xpath("//label[starts-with(normalize-space(), 'Drone — n° INV-011')]"));
    assertThat(browser.findElements(By.xpath("//label[starts-with(normalize-space(), 'Vidéoprojecteur portable — n° INV-041')]")))
        .as("a retired item is not offered").isEmpty();
    click(drone);
    screenshot("21-member-chooses-items");
    assertOnlyFrenchForPeople();
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // The equipment manager approves it from his filter.
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    waitFor(By.partialLinkText("Prêts : demandes à approuver")).click();
    taskAbout("Approuver la demande de prêt", "INV-011").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    waitFor(By.xpath("//label[starts-with(normalize-space(), 'Matériel demandé')]"));
    assertThat(valueOf("Matériel demandé")).isEqualTo("INV-011 (Drone)");
    assertThat(valueOf("Structure qui demande")).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
    choose("Approuver le prêt");
    screenshot("22-manager-approves-loan");
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // The approval is mailed to her (the demo's mails arrive on « Courriels envoyés »).
    String mail = mailText("Prêt de matériel approuvé : " + period, "julie.hamel@villedieu.example.fr");
    assertThat(mail).contains("est approuvée").contains("INV-011 (Drone)").contains("(14 jours)")
        .contains(base + "/mes-emprunts");
    screenshot("23-loan-approved-mail");

    // And on « Mes emprunts » she sees it, with what she may do.
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    browser.get(base + "/mes-emprunts");
    WebElement heading = waitFor(By.tagName("h1"));
    assertThat(heading.getText()).isEqualTo("Les emprunts de mon organisation");
    WebElement loan = waitFor(By.xpath("//*[contains(@class,'pret') or self::article or self::tr]"
        + "[contains(normalize-space(), 'INV-011') and contains(normalize-space(), '" + period + "')]"));
    assertThat(loan.getText()).contains("Drone").contains("14 jours");
    assertThat(browser.getPageSource()).contains("Annuler").contains("Demander une prolongation");
    screenshot("24-member-mes-emprunts");
  }

  @Test
  @Order(4)
  void theMemberBooksHerPickupSlotAndTheManagersSeeItOnTheDaysPage() throws IOException {
    java.time.LocalDate first = ParisTime.today().plusDays(60);
    String period = fr.manche.tna.inventory.Periods.french(first, first.plusDays(13));

    // Her approved loan asks her to book a pickup slot: she picks one among the free slots the server offers.
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    taskAbout("Réserver un créneau pour retirer le matériel", "INV-011").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    waitFor(By.xpath("//label[starts-with(normalize-space(), 'Créneau choisi')]"));
    assertThat(valueOf("Période du prêt")).isEqualTo(period + " (14 jours)");
    click(input("Créneau choisi"));
    WebElement slot = waitFor(By.cssSelector(".fjs-dropdownlist-item"));
    String chosen = slot.getText();
    assertThat(chosen).matches("[a-z]+ \\d{1,2}(er)? [a-zéû]+ \\d{4} de \\d{1,2}h\\d{2} à \\d{1,2}h\\d{2} \\(\\d+ places? libres?\\)");
    click(slot);
    screenshot("25-member-books-pickup-slot");
    assertOnlyFrenchForPeople();
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));
    String appointment = chosen.substring(0, chosen.indexOf(" (")).replaceFirst(" de ", " de ");

    // Confirmed by mail with the calendar invitation, and listed on « Mes rendez-vous » where she may move it.
    String mail = mailText("Rendez-vous de retrait du matériel : le " + appointment, "julie.hamel@villedieu.example.fr");
    assertThat(mail).contains("INV-011 (Drone)").contains("98 route de Candol").contains(base + "/mes-rendez-vous");
    screenshot("26-pickup-booked-mail");
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    browser.get(base + "/mes-rendez-vous");
    WebElement booking = waitFor(By.xpath("//*[self::article or self::tr or self::li][contains(normalize-space(), 'INV-011')]"));
    assertThat(booking.getText()).contains(appointment);
    assertThat(browser.getPageSource()).contains("Déplacer").contains("Annuler le rendez-vous");
    screenshot("27-member-mes-rendez-vous");

    // The equipment managers find it on the day's page and in their filter.
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    String[] words = appointment.split(" ");
    java.time.LocalDate day = java.time.LocalDate.parse(words[1].replace("er", "") + " " + words[2] + " " + words[3],
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH));
    browser.get(base + "/remises?jour=" + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    WebElement row = waitFor(By.xpath("//tr[contains(normalize-space(), 'INV-011')]"));
    assertThat(row.getText()).contains("Commune de Villedieu-les-Poêles-Rouffigny").contains("Retrait");
    screenshot("28-manager-remises-du-jour");
    browser.get(base + "/camunda/app/tasklist/default/");
    waitFor(By.partialLinkText("Remises du matériel : rendez-vous")).click();
    taskAbout("Remettre le matériel à la structure", "INV-011");
    screenshot("29-manager-handover-filter");
  }

  @Test
  @Order(5)
  void bothInspectionsAreRecordedAtTheDeskAndTheReturnIsBookedInBetween() throws IOException {
    // At the pickup, the equipment manager records the inspection on the day's page.
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    String pickupDay = appointmentDayOf("Retrait");
    browser.get(base + "/remises?jour=" + pickupDay);
    click(waitFor(By.xpath("//tr[contains(normalize-space(), 'INV-011')]//a[normalize-space()='État des lieux']")));
    waitFor(By.xpath("//h1[contains(normalize-space(), 'État des lieux')]"));
    assertThat(browser.getPageSource()).contains("Comme neuf").contains("Hors d'usage");
    click(waitFor(By.xpath("//label[normalize-space()='Bon état']/input[@type='radio']")));
    browser.findElement(By.id("representant")).sendKeys("Julie Hamel");
    click(browser.findElement(By.id("reconnu")));
    screenshot("30-manager-pickup-inspection");
    click(browser.findElement(By.xpath("//button[normalize-space()=\"Enregistrer l'état des lieux\"]")));
    WebElement done = waitFor(By.xpath("//*[contains(normalize-space(), 'État des lieux de départ enregistré')]"));
    assertThat(done.getText()).contains("commence");
    screenshot("31-pickup-inspection-recorded");

    // She receives the report and books her return slot in Tasklist.
    String report = mailText("État des lieux de retrait : prêt n°", "julie.hamel@villedieu.example.fr");
    assertThat(report).contains("Julie Hamel").contains("Le prêt commence");
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    taskAbout("Réserver un créneau pour rendre le matériel", "INV-011").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    click(input("Créneau choisi"));
    click(waitFor(By.cssSelector(".fjs-dropdownlist-item")));
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));

    // At the return, the pickup's record stands beside each item; everything is back.
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    browser.get(base + "/remises?jour=" + appointmentDayOf("Retour"));
    click(waitFor(By.xpath("//tr[contains(normalize-space(), 'INV-011') and contains(normalize-space(), 'Retour')]"
        + "//a[normalize-space()='État des lieux']")));
    waitFor(By.xpath("//*[contains(normalize-space(), 'Au départ')]"));
    click(waitFor(By.xpath("//label[normalize-space()='Bon état']/input[@type='radio']")));
    browser.findElement(By.id("representant")).sendKeys("Julie Hamel");
    click(browser.findElement(By.id("reconnu")));
    screenshot("32-manager-return-inspection");
    click(browser.findElement(By.xpath("//button[normalize-space()=\"Enregistrer l'état des lieux\"]")));
    waitFor(By.xpath("//*[contains(normalize-space(), 'État des lieux de retour enregistré')]"));
    screenshot("33-return-inspection-recorded");

    // The loan is closed: she tells what she did with the drone (R24).
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    taskAbout("Rédiger le compte rendu du prêt", "INV-011").click();
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
    fill("Nombre de séances d'initiation", "4");
    fill("Nombre d'événements", "1");
    fill("Nombre de personnes tout public", "35");
    choose("Très satisfait");
    fill("Commentaires", "Très bon accueil du club photo ; vues du bourg projetées à la fête communale.");
    screenshot("34-member-loan-report");
    assertOnlyFrenchForPeople();
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));
  }

  /**
   * Issue 12's year-end review (R20, R23). The calendar ({@code SteeringCalendar}, every morning at 7) starts the reviews
   * on their date; the product also offers referents a start form (« Entretien annuel de fin d'année », for a member
   * admitted mid-year): the journey starts it there, as a person does. Julie fills in her self-assessment; the referent
   * fixes the interview, then records its review once the interview's hour has come.
   */
  @Test
  @Order(6)
  void aMemberFillsHerYearEndReviewAndTheReferentFixesAndRecordsTheInterview() throws IOException {
    int year = ParisTime.today().getYear();
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    startProcess("Entretien annuel de fin d'année");
    // The other demo member has no convention: the server says so next to the buttons, nothing is started.
    fill("SIRET de la structure", "81234567800013");
    fill("Année du bilan", String.valueOf(year));
    click(startButton());
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'convention en vigueur')]"));
    assertThat(refusal()).isEqualTo("Association Les Connectés du Cotentin n'a pas de convention en vigueur : pas d'entretien annuel.");
    screenshot("40-referent-review-start-refused");
    assertOnlyFrenchForPeople();
    replace("SIRET de la structure", "21500639500010");
    click(startButton());
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));
    assertThat(mailAsStaff("Votre bilan " + year + " : à remplir avant l'entretien annuel", VILLEDIEU_CONTACT))
        .contains("Commune de Villedieu-les-Poêles-Rouffigny").contains("remplissez votre bilan");

    // Julie fills in her self-assessment: her loan report of the drone (Order 5) is already summed up.
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    takeGroupTask("Remplir le bilan annuel", String.valueOf(year));
    waitFor(By.xpath("//label[starts-with(normalize-space(), \"D'après vos comptes rendus de prêt\")]"));
    assertThat(valueWhenShown("Structure")).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
    assertThat(valueOf("D'après vos comptes rendus de prêt")).startsWith("1 compte rendu de prêt en " + year);
    for (String commitment : List.of("Accès de tous", "Ordinateurs connectés", "Au moins un animateur", "Ateliers réguliers")) {
      chooseIn(commitment, "Tenu");
    }
    chooseIn("Participation aux rencontres", "En partie");
    fill("Nombre d'ateliers tenus", "une vingtaine");
    fill("Nombre de personnes accueillies", "150");
    assertThat(errorOf("Nombre d'ateliers tenus")).isEqualTo("Format attendu : en chiffres, par exemple 24.");
    screenshot("41-member-self-assessment-words-for-a-number");
    assertOnlyFrenchForPeople();
    replace("Nombre d'ateliers tenus", "22");
    fill("Les temps forts", "La fête du numérique avec le club photo.");
    screenshot("42-member-self-assessment");
    assertOnlyFrenchForPeople();
    complete();

    // The referent fixes the interview: a day already past is refused in one French sentence.
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    takeGroupTask("Fixer l'entretien annuel", String.valueOf(year));
    assertThat(valueWhenShown("Structure")).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
    assertThat(valueOf("Le bilan rempli par la structure")).contains("Participation aux rencontres du réseau : en partie")
        .contains("Ateliers (hors prêts du Département) : 22");
    java.time.LocalDate interview = ParisTime.today().plusDays(7);
    fill("Date de l'entretien", DAY.format(interview.minusDays(14)));
    fill("Heure de l'entretien", "10:00");
    fill("Lieu", "Médiathèque de Villedieu-les-Poêles");
    refusedAtCompletion("L'entretien doit avoir lieu après aujourd'hui : indiquez sa date et son heure.",
        "43-referent-interview-past-date");
    replace("Date de l'entretien", DAY.format(interview));
    complete();
    String invitation = mailAsStaff("Entretien annuel " + year + " : le ", VILLEDIEU_CONTACT);
    String when = ParisTime.formatDateTime(interview.atTime(10, 0).atZone(ParisTime.ZONE));
    assertThat(invitation).contains(when).contains("Médiathèque de Villedieu-les-Poêles");
    screenshot("44-review-interview-mail");

    // The interview's hour comes (the engine fires its timer; the journey does not wait a week), then its review.
    fireTimerOf("YearEndReview");
    browser.get(base + "/camunda/app/tasklist/default/");
    takeGroupTask("Enregistrer le bilan de l'entretien", String.valueOf(year));
    assertThat(valueWhenShown("Structure")).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
    assertThat(valueOf("La convention se termine-t-elle dans l'année ?")).isEqualTo("non");
    fill("Résultats de l'année", "Des ateliers réguliers, un public senior fidèle, le drone prêté pour la fête communale.");
    fill("Projets pour l'année prochaine", "Des ateliers de retouche photo ; venir au comité du réseau.");
    // Her convention ends in three years: a renewal proposed now is refused, in one French sentence.
    choose("Oui : la proposition de renouvellement est envoyée à la structure");
    refusedAtCompletion("La convention ne se termine pas dans l'année : pas de renouvellement à proposer maintenant.",
        "45-referent-review-record-renewal-not-due");
    choose("Non, pas maintenant");
    complete();
    String summary = mailAsStaff("Synthèse de votre entretien annuel " + year, VILLEDIEU_CONTACT);
    assertThat(summary).contains("synthèse");
    assertThat(browser.getPageSource()).contains("entretien-annuel-" + year + ".pdf");
    screenshot("46-review-summary-mail");
  }

  /**
   * Issue 12's network committee (R23): a referent starts it from its start form (the calendar starts the year's own
   * on its date) and prepares it; the members in force are invited; Julie proposes a subject; after the deadline and
   * the meeting (their timers fired by the engine at once), the referent records the minutes, sent to every member.
   */
  @Test
  @Order(7)
  void aReferentPreparesTheCommitteeAMemberProposesASubjectAndTheMinutesAreSent() throws IOException {
    int year = ParisTime.today().getYear();
    java.time.LocalDate meeting = ParisTime.today().plusDays(20);
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    startProcess("Comité du réseau");
    fill("Année du comité", String.valueOf(year));
    screenshot("50-referent-committee-start");
    assertOnlyFrenchForPeople();
    click(startButton());
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));

    takeGroupTask("Préparer le comité du réseau", String.valueOf(year));
    fill("Date du comité", DAY.format(meeting));
    fill("Heure du comité", "14:30");
    fill("Lieu", "Maison du Département, Saint-Lô, salle du conseil");
    fill("Ordre du jour", "Bilan des prêts du semestre ; les ateliers pour les seniors ; questions diverses.");
    // A deadline after the meeting: refused, in French, next to the buttons.
    fill("Date limite des propositions", DAY.format(meeting.plusDays(2)));
    refusedAtCompletion("La date limite des propositions doit se situer entre aujourd'hui et la veille du comité.",
        "51-referent-committee-deadline-after-meeting");
    replace("Date limite des propositions", DAY.format(meeting.minusDays(10)));
    complete();
    String when = ParisTime.formatDateTime(meeting.atTime(14, 30).atZone(ParisTime.ZONE));
    assertThat(mailAsStaff("Invitation au comité du réseau du " + when, VILLEDIEU_CONTACT))
        .contains("Maison du Département, Saint-Lô")
        .contains("jusqu'au " + ParisTime.formatDate(meeting.minusDays(10)))
        .contains("Proposer un sujet pour le comité du réseau");
    screenshot("52-committee-invitation-mail");

    // A member not invited (no convention) cannot propose; Julie, invited, proposes a subject.
    browser.manage().deleteAllCookies();
    login("karim.benali", "demo");
    startProcess("Proposer un sujet pour le comité du réseau");
    choose("Un sujet à aborder");
    fill("Titre", "Nos ateliers itinérants");
    click(startButton());
    waitFor(By.xpath("//*[contains(@class,'tna-refusal')]"));
    assertThat(refusal()).isEqualTo("Aucun comité du réseau n'attend de propositions de votre structure en ce moment : une"
        + " structure invitée peut proposer un sujet jusqu'à la date limite indiquée dans son invitation.");
    screenshot("53-member-not-invited-proposal-refused");
    assertOnlyFrenchForPeople();
    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    startProcess("Proposer un sujet pour le comité du réseau");
    choose("Une pratique à partager");
    fill("Titre", "Le drone au service de la fête communale");
    fill("Quelques mots", "Comment le club photo a filmé le bourg avec le drone du Département.");
    screenshot("54-member-proposal");
    assertOnlyFrenchForPeople();
    click(startButton());
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));

    // The deadline passes: the agenda, the proposals and the indicators go to every member invited.
    fireTimerOf("NetworkCommittee");
    browser.manage().deleteAllCookies();
    login("referent", "demo");
    assertThat(mailAsStaff("Comité du réseau du " + ParisTime.formatDate(meeting) + " : ordre du jour et propositions", VILLEDIEU_CONTACT))
        .contains("Commune de Villedieu-les-Poêles-Rouffigny").contains("Le drone au service de la fête communale");
    screenshot("55-committee-agenda-mail");

    // The meeting is held; the referent records who came, the minutes and the decisions.
    fireTimerOf("NetworkCommittee");
    browser.get(base + "/camunda/app/tasklist/default/");
    takeGroupTask("Enregistrer le compte rendu du comité", String.valueOf(year));
    assertThat(valueWhenShown("Le comité")).contains(when).contains("Maison du Département, Saint-Lô")
        .contains("2 structures invitées ; 1 proposition reçue.");
    click(waitFor(By.xpath("//label[normalize-space()='Commune de Villedieu-les-Poêles-Rouffigny']")));
    fill("Compte rendu", "Tour des structures ; présentation du drone par Villedieu ; point sur les prêts.");
    fill("Décisions", "Un atelier commun sur la photo en mars.");
    screenshot("56-referent-committee-record");
    assertOnlyFrenchForPeople();
    complete();
    String minutes = mailAsStaff("Compte rendu du comité du réseau du " + ParisTime.formatDate(meeting), VILLEDIEU_CONTACT);
    assertThat(minutes).contains("Structures présentes : Commune de Villedieu-les-Poêles-Rouffigny")
        .contains("Un atelier commun sur la photo en mars.");
    screenshot("57-committee-minutes-mail");
  }

  /**
   * A damage case (R15, R16): Julie reports, through its start form, a failure of the VR headset her organisation holds
   * (the demo's approved loan of INV-002, picked up first through the services the handover pages call, to save the
   * journey the pages Orders 4 and 5 already walk); the equipment manager assesses it; Julie is told.
   */
  @Test
  @Order(8)
  void aMemberReportsAFailureAndTheEquipmentManagerAssessesIt() throws IOException {
    long loanId = demoHeadsetLoan();
    handOver(loanId, fr.manche.tna.handover.HandoverKind.RETRAIT);
    java.time.LocalDate today = ParisTime.today();

    browser.manage().deleteAllCookies();
    login("julie.hamel", "demo");
    startProcess("Signaler une panne, un dégât, une perte ou un vol");
    fill("Numéro d'inventaire", "INV-002");
    choose("Une panne");
    fill("Ce qui s'est passé", "La manette gauche ne s'allume plus, même chargée toute une nuit.");
    // Tomorrow: the server refuses it, saying between which days.
    fill("Date des faits", DAY.format(today.plusDays(1)));
    click(startButton());
    waitFor(By.xpath("//*[contains(@class,'tna-refusal') and contains(normalize-space(),'date des faits')]"));
    assertThat(refusal()).isEqualTo("La date des faits (" + ParisTime.formatDate(today.plusDays(1))
        + ") doit se situer entre le retrait du matériel (" + ParisTime.formatDate(today)
        + ") et aujourd'hui.");
    screenshot("60-member-damage-report-refused");
    assertOnlyFrenchForPeople();
    replace("Date des faits", DAY.format(today));
    click(startButton());
    waitFor(By.xpath("//*[contains(normalize-space(),'Le processus a été démarré')]"));

    // The equipment manager assesses it from his group's tasks: a repair, its end first typed in the past.
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    assertThat(mailAsStaff("Dossier ouvert sur le matériel INV-002 (Casque de réalité virtuelle)", VILLEDIEU_CONTACT))
        .contains("ne tentez aucune réparation vous-même");
    browser.get(base + "/camunda/app/tasklist/default/");
    takeGroupTask("Examiner le dossier de dommage", "INV-002");
    assertThat(valueWhenShown("Structure")).isEqualTo("Commune de Villedieu-les-Poêles-Rouffigny");
    assertThat(valueOf("Le dossier")).contains("INV-002 (Casque de réalité virtuelle)").contains("prêt n° " + loanId)
        .contains("La manette gauche ne s'allume plus");
    choose("Est à réparer : il est bloqué jusqu'à la fin de la réparation");
    fill("Fin de la réparation", DAY.format(today.minusDays(1)));
    choose("Non");
    fill("Explication pour la structure", "Une panne de la manette, sans faute de votre part : nous la faisons réparer.");
    refusedAtCompletion("La fin de la réparation (" + ParisTime.formatDate(today.minusDays(1))
        + ") est passée.", "61-manager-damage-assessment-past-repair");
    replace("Fin de la réparation", DAY.format(today.plusDays(40)));
    complete();
    String decided = mailAsStaff("Dossier de dommage examiné : INV-002 (Casque de réalité virtuelle)", VILLEDIEU_CONTACT);
    assertThat(decided).contains("de votre prêt n° " + loanId).contains("le matériel sera réparé par le Département"
            + " (réparation prévue jusqu'au " + ParisTime.formatDate(today.plusDays(40)) + ")")
        .contains("Aucun coût n'est mis à la charge de votre structure");
    screenshot("62-damage-decided-mail");
  }

  /**
   * Maintenance (R18): the equipment manager sets, on « Matériel », a servicing after each loan of the VR headsets; at
   * the return of INV-002 (recorded through the services the handover pages call) one opens, as the product opens it,
   * and he records it done from his filter « Matériel : entretiens ».
   */
  @Test
  @Order(9)
  void theEquipmentManagerServicesAnItemAfterItsReturn() throws IOException {
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    browser.get(base + "/materiel");
    String headsets = "//section[h2[normalize-space()='Casque de réalité virtuelle']]";
    click(waitFor(By.xpath(headsets + "//summary")));
    browser.findElement(By.xpath(headsets + "//input[@name='tousLesNPrets']")).sendKeys("1");
    browser.findElement(By.xpath(headsets + "//input[@name='entretien']")).sendKeys("Mise à jour du logiciel et nettoyage des mousses");
    click(browser.findElement(By.xpath(headsets + "//button[normalize-space()=\"Enregistrer l'entretien\"]")));
    assertThat(waitFor(By.cssSelector("p.message")).getText())
        .isEqualTo("Entretien du type « Casque de réalité virtuelle » enregistré : Après chaque prêt : Mise à jour du logiciel"
            + " et nettoyage des mousses.");
    screenshot("70-manager-maintenance-plan");

    handOver(demoHeadsetLoan(), fr.manche.tna.handover.HandoverKind.RETOUR);
    // Back from its loan, the headset is held for its servicing: the catalogue says so.
    browser.get(base + "/materiel");
    assertThat(waitFor(By.xpath("//tr[td[normalize-space()='INV-002']]")).getText())
        .contains("Entretien à faire : Mise à jour du logiciel et nettoyage des mousses (réservé ");
    browser.get(base + "/camunda/app/tasklist/default/");
    waitFor(By.partialLinkText("Matériel : entretiens")).click();
    WebElement entry = taskAbout("Entretenir le matériel", "INV-002");
    assertThat(entry.findElement(By.xpath("ancestor::li[contains(@class,'task')]")).getText())
        .as("due by the end of the days the item is held, not overdue as it appears").contains("Échéance dans");
    entry.click();
    claim();
    assertThat(valueWhenShown("Matériel")).isEqualTo("INV-002 (Casque de réalité virtuelle)");
    screenshot("71-manager-maintenance-filter");
    assertThat(valueOf("Entretien prévu")).startsWith("Mise à jour du logiciel et nettoyage des mousses");
    // Blanks only: the form lets them through, the server asks for what was done.
    fill("Ce qui a été fait", "   ");
    refusedAtCompletion("Le champ « Ce qui a été fait » est obligatoire.", "72-manager-maintenance-blank");
    replace("Ce qui a été fait", "Logiciel mis à jour, mousses nettoyées, manettes contrôlées.");
    complete();

    browser.get(base + "/materiel");
    WebElement row = waitFor(By.xpath("//tr[td[normalize-space()='INV-002']]"));
    assertThat(row.getText()).contains("Disponible").doesNotContain("Entretien à faire");
    screenshot("73-materiel-after-maintenance");
  }

  static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String VILLEDIEU_CONTACT = "julie.hamel@villedieu.example.fr";

  /** Opens the start form of that process, from « Démarrer un processus ». */
  private void startProcess(String name) {
    waitFor(By.xpath("//*[normalize-space()='Démarrer un processus']")).click();
    By link = By.xpath("//a[normalize-space()=\"" + name + "\"]");
    By form = By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]");
    // A click that lands while Tasklist is still binding the list is lost: click again until the form opens.
    for (int attempt = 0; attempt < 3 && browser.findElements(form).isEmpty(); attempt++) {
      List<WebElement> links = browser.findElements(link);
      click(links.isEmpty() ? waitFor(link) : links.get(0));
      try {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(form));
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // the list is still shown: click its entry again
      }
    }
  }

  private WebElement startButton() {
    return waitFor(By.xpath("//div[contains(@class,'modal-footer')]//button[contains(normalize-space(),'Démarrer')]"));
  }

  /** Opens « Tâches de mes groupes », then the task of that name about that subject, and takes it. */
  private void takeGroupTask(String name, String subject) {
    waitFor(By.partialLinkText("Tâches de mes groupes")).click();
    taskAbout(name, subject).click();
    claim();
  }

  private void claim() {
    waitFor(By.xpath("//button[normalize-space()='Prendre en charge']")).click();
  }

  private void clickComplete() {
    click(waitFor(By.xpath("//button[normalize-space()='Terminer']")));
  }

  /**
   * Completes the task and expects the server's refusal: that French sentence alone, next to the form's buttons; then
   * a screenshot, and nothing on the screen that is not for people.
   */
  private void refusedAtCompletion(String sentence, String screenshotName) throws IOException {
    clickComplete();
    waitFor(By.xpath("//*[contains(@class,'tna-refusal')][normalize-space()=\"" + sentence + "\"]"));
    assertThat(refusal()).isEqualTo(sentence);
    screenshot(screenshotName);
    assertOnlyFrenchForPeople();
  }

  /** Completes the task and waits until Tasklist has taken it off the screen. */
  private void complete() {
    clickComplete();
    waitFor(By.xpath("//*[contains(normalize-space(),'Sélectionnez une tâche dans la liste')]"));
  }

  /** The value of a field the server fills in, once the form shows it. */
  private String valueWhenShown(String label) {
    waitUntil(() -> new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(driver -> valueOf(label).isEmpty() ? null : input(label)));
    return valueOf(label);
  }

  /** Chooses the option of the radio group whose label starts with {@code group} (the same options repeat). */
  private void chooseIn(String group, String option) {
    WebElement label = waitFor(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')]"
        + "[.//*[starts-with(normalize-space(), \"" + group + "\")]]//label[normalize-space()=\"" + option + "\"]"));
    WebElement radio = browser.findElement(By.id(label.getAttribute("for")));
    for (int attempt = 0; attempt < 3 && !radio.isSelected(); attempt++) {
      click(label);
      try {
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(driver -> radio.isSelected());
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // clicked too soon after typing: click again
      }
    }
    assertThat(radio.isSelected()).as(group + " : " + option).isTrue();
  }

  /** The latest mail with that subject to that address, read in the demo's mail view by the staff member logged in. */
  private String mailAsStaff(String subject, String recipient) {
    browser.get(base + "/courriels");
    WebElement link = waitUntil(() -> new WebDriverWait(browser, Duration.ofSeconds(60))
        .pollingEvery(Duration.ofSeconds(1))
        .until(driver -> {
          List<WebElement> rows = driver.findElements(By.xpath("//tr[td[contains(normalize-space(),'" + recipient
              + "')]]//a[starts-with(normalize-space(),\"" + subject + "\")]"));
          if (rows.isEmpty()) {
            driver.navigate().refresh();
            return null;
          }
          return rows.get(0);
        }));
    link.click();
    return waitFor(By.tagName("pre")).getText();
  }

  /**
   * Fires the process's waiting timer now, as the engine does when its time comes (the interview, the deadline, the
   * meeting are days away: the journey does not wait for them).
   */
  private void fireTimerOf(String processKey) {
    org.camunda.bpm.engine.ManagementService management = application.getBean(org.camunda.bpm.engine.ManagementService.class);
    org.camunda.bpm.engine.runtime.Job timer = new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
        management.createJobQuery().processDefinitionKey(processKey).timers().singleResult());
    management.executeJob(timer.getId());
  }

  /** The demo's approved loan of the VR headset INV-002 (made at the demo's first start for Julie's organisation). */
  private long demoHeadsetLoan() {
    return application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("select l.id from loan_request l join loan_request_item i on i.loan_request_id = l.id"
            + " join equipment_item e on e.id = i.item_id where e.inventory_number = 'INV-002' and l.status = 'APPROUVEE'")
        .query(Long.class).single();
  }

  /**
   * The handover of that kind done through the services the pages call: Julie books the first free slot (her task in
   * Tasklist), the equipment manager records the inspection, every item in good condition with its whole kit.
   */
  private void handOver(long loanId, fr.manche.tna.handover.HandoverKind kind) {
    org.camunda.bpm.engine.TaskService tasks = application.getBean(org.camunda.bpm.engine.TaskService.class);
    fr.manche.tna.handover.Bookings bookings = application.getBean(fr.manche.tna.handover.Bookings.class);
    fr.manche.tna.handover.Inspections inspections = application.getBean(fr.manche.tna.handover.Inspections.class);
    org.camunda.bpm.engine.task.Task booking = handoverTask(loanId, fr.manche.tna.handover.process.HandoverProcess.BOOK_TASK);
    tasks.claim(booking.getId(), "julie.hamel");
    tasks.complete(booking.getId(), Map.<String, Object>of(fr.manche.tna.handover.process.HandoverProcess.SLOT.name(),
        bookings.freeSlots(loanId, kind).get(0).value()));
    handoverTask(loanId, fr.manche.tna.handover.process.HandoverProcess.HANDOVER_TASK);
    long bookingId = bookings.held(loanId, kind).orElseThrow().id();
    Map<Long, String> conditions = new java.util.HashMap<>();
    Map<Long, List<String>> present = new java.util.HashMap<>();
    for (fr.manche.tna.handover.Inspections.ToInspect each : inspections.toInspect(bookingId)) {
      conditions.put(each.item().id(), fr.manche.tna.handover.Condition.BON.name());
      present.put(each.item().id(), each.item().accessories());
    }
    application.getBean(fr.manche.tna.handover.HandoverDesk.class).recordInspection(bookingId,
        new fr.manche.tna.handover.InspectionDraft(conditions, present, Map.of(), "Julie Hamel", true, ""), "materiel");
    org.springframework.jdbc.core.simple.JdbcClient jdbc = application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    String done = kind == fr.manche.tna.handover.HandoverKind.RETRAIT ? "picked_up_at" : "returned_on";
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> jdbc.sql("select count(*) from loan_request where id = ?"
        + " and " + done + " is not null").param(loanId).query(Long.class).single() == 1);
  }

  /** The loan's handover task of that key, once the engine has created it. */
  private org.camunda.bpm.engine.task.Task handoverTask(long loanId, String taskKey) {
    org.camunda.bpm.engine.TaskService tasks = application.getBean(org.camunda.bpm.engine.TaskService.class);
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> tasks.createTaskQuery()
        .processDefinitionKey(fr.manche.tna.handover.process.HandoverProcess.KEY).taskDefinitionKey(taskKey)
        .processVariableValueEquals(fr.manche.tna.handover.process.HandoverProcess.LOAN_REQUEST_ID.name(), loanId)
        .singleResult());
  }

  /** The day (JJ/MM/AAAA) of Julie's INV-011 appointment of this kind, read on « Mes rendez-vous » as staff cannot. */
  private String appointmentDayOf(String kind) {
    java.util.regex.Matcher day = java.util.regex.Pattern.compile("réservé[^a-z0-9]*le\\s+[a-z]+\\s+(\\d{1,2})(er)?\\s+([a-zéû]+)\\s+(\\d{4})")
        .matcher(mailText("Rendez-vous de " + kind.toLowerCase() + " du matériel : le ", "julie.hamel@villedieu.example.fr"));
    assertThat(day.find()).as("the appointment's day in the mail").isTrue();
    java.time.LocalDate date = java.time.LocalDate.parse(day.group(1) + " " + day.group(3) + " " + day.group(4),
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH));
    browser.manage().deleteAllCookies();
    login("materiel", "demo");
    return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  /** The task of the list whose entry (name and description) names the subject: the first such, waited for. */
  private WebElement taskAbout(String name, String subject) {
    return waitUntil(
        () -> new WebDriverWait(browser, Duration.ofSeconds(60))
            .pollingEvery(Duration.ofSeconds(2))
            .until(driver -> {
              List<WebElement> tasks = driver.findElements(By.xpath("//li[contains(@class,'task')][contains(normalize-space(), \""
                  + subject + "\")]//a[starts-with(normalize-space(), \"" + name + "\")]"));
              if (tasks.isEmpty()) {
                driver.navigate().refresh();
                return null;
              }
              return tasks.get(0);
            }));
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

  /**
   * Clicks the option of a radio group, as a person does, and waits until form-js has it. Once a form has shown
   * its errors, form-js 1.x loses a click on a radio that comes right after typing in a text field (within its
   * debounce): the person sees the option unselected and clicks again, as this does.
   */
  private void choose(String option) {
    WebElement label = waitFor(By.xpath("//label[normalize-space()=\"" + option + "\"]"));
    WebElement radio = browser.findElement(By.id(label.getAttribute("for")));
    for (int attempt = 0; attempt < 3 && !radio.isSelected(); attempt++) {
      click(label);
      try {
        new WebDriverWait(browser, Duration.ofSeconds(2)).until(driver -> radio.isSelected());
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // clicked too soon after typing: click again
      }
    }
    assertThat(radio.isSelected()).as(option + " chosen").isTrue();
  }

  /** The input of the form-js field whose label starts with the given text. */
  private WebElement input(String label) {
    WebElement labelElement = waitFor(By.xpath("//label[starts-with(normalize-space(), \"" + label + "\")]"));
    return browser.findElement(By.id(labelElement.getAttribute("for")));
  }

  private String valueOf(String label) {
    return input(label).getDomProperty("value");
  }

  /** Empties the field as a person does (select all, delete), types the value, and leaves the field. */
  private void replace(String label, String value) {
    WebElement field = input(label);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(value + Keys.TAB);
  }

  /** The message form-js shows under the field, or "" when there is none. */
  private String errorOf(String label) {
    WebElement labelElement = waitFor(By.xpath("//label[starts-with(normalize-space(), \"" + label + "\")]"));
    List<WebElement> errors = labelElement.findElements(By.xpath(
        "ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]//div[contains(@class,'fjs-form-field-error')]"));
    return errors.isEmpty() ? "" : errors.get(0).getText().strip();
  }

  /** The refusal shown next to the form's buttons; exactly one. */
  private String refusal() {
    List<WebElement> refusals = browser.findElements(By.cssSelector(".tna-refusal"));
    assertThat(refusals).as("one refusal at a time").hasSize(1);
    return refusals.get(0).getText().strip();
  }

  /**
   * Every message on the screen is for people: no engine text, no English, nothing piled up. Read in one go in the
   * page (form-js re-renders its fields while one reads them).
   */
  @SuppressWarnings("unchecked")
  private void assertOnlyFrenchForPeople() {
    JavascriptExecutor page = (JavascriptExecutor) browser;
    List<String> messages = (List<String>) page.executeScript(
        "return [...document.querySelectorAll('.fjs-form-field-error, .tna-refusal, .alert')]"
            + ".filter(e => e.offsetParent !== null).map(e => e.innerText.trim()).filter(t => t.length > 0)");
    assertThat(messages).as("messages on the screen").allSatisfy(message -> assertThat(NOT_FOR_PEOPLE.matcher(message).find())
        .as("« " + message + " » is for people").isFalse());
    assertThat((Long) page.executeScript(
            "return [...document.querySelectorAll('.alert-danger')].filter(e => e.offsetParent !== null).length"))
        .as("one refusal at a time, none piled up").isLessThanOrEqualTo(1L);
  }

  /** Types into the form-js field whose label starts with the given text. */
  private void fill(String label, String value) {
    WebElement labelElement =
        waitFor(By.xpath("//label[starts-with(normalize-space(), \"" + label + "\")]"));
    WebElement input = browser.findElement(By.id(labelElement.getAttribute("for")));
    input.sendKeys(value);
  }

  /**
   * Tasklist's login field. Its first load in a cold browser on a busy machine has been seen to stall past the
   * wait (the single-page application never rendered): the page is then loaded once more, as a person would.
   */
  private WebElement openTasklistLogin() {
    By username = By.cssSelector("input[ng-model='username']");
    browser.get(base + "/camunda/app/tasklist/default/");
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(username));
    } catch (org.openqa.selenium.TimeoutException stalled) {
      browser.navigate().refresh();
      return waitFor(username);
    }
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
