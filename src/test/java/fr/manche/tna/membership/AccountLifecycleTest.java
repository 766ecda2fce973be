package fr.manche.tna.membership;

import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.membership.process.AccountInvitationProcess;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.Mails;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff add a person from the organisation's page; the person receives a one-time, expiring link, sets
 * their own password (never mailed), logs in; staff deactivate them; every step is in the audit trail.
 */
@ApplicationTest
class AccountLifecycleTest {

  static final String STAFF = "accounts.staff";
  static final String STAFF_PASSWORD = "un-mot-de-passe-solide";
  static final Pattern LINK = Pattern.compile("(/compte/mot-de-passe\\?jeton=[A-Za-z0-9_-]+)");

  @Autowired OrganisationRepository organisations;
  @Autowired ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;
  long organisationId;

  @BeforeEach
  void organisationAndStaff() {
    TestMailServer.ensureUp();
    TestMailServer.reset();
    driver.ensureStaff(STAFF, "accounts.staff@manche.fr", "tna-referents-reseau");
    User staff = identityService.createUserQuery().userId(STAFF).singleResult();
    staff.setPassword(STAFF_PASSWORD);
    identityService.saveUser(staff);
    organisationId =
        organisations.insert(
            new Organisation(null, "Centre social de Coutances", LegalForm.ASSOCIATION, TestSirets.next(),
                "2 rue Tourville, 50200 Coutances", null, "Léa Simon", "lea.simon@csc.example.fr", null),
            OffsetDateTime.now());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNewPersonChoosesTheirPasswordThroughAOneTimeLinkAndStaffCanDeactivateThem() throws Exception {
    String email = "tom" + System.nanoTime() + "@csc.example.fr";
    WebClient staff = loggedInStaff();
    HttpResponse<String> added = addPerson(staff, "Tom", "Lefranc", email);
    assertThat(added.statusCode()).isEqualTo(302);
    Person tom = accountsOf(email);

    MimeMessage invitation = invitationTo(email);
    String text = Mails.part(invitation, "text/plain");
    assertThat(text).contains("Votre identifiant est : " + tom.userId());
    String link = link(text);

    WebClient browser = new WebClient(port);
    assertThat(browser.get(link).body()).contains("Choisir mon mot de passe").contains(tom.userId());
    assertThat(choose(browser, link, "court", "court").body()).contains("au moins 12 caractères");
    assertThat(choose(browser, link, "un-long-mot-de-passe", "un-autre-mot-de-passe").body()).contains("ne sont pas identiques");
    assertThat(choose(browser, link, "un-long-mot-de-passe", "un-long-mot-de-passe").body()).contains("Mot de passe enregistré");
    assertThat(new WebClient(port).loginToWebapps(tom.userId(), "un-long-mot-de-passe")).isEqualTo(200);

    assertThat(browser.get(link).body()).as("the link works once").contains("Ce lien n'est plus valable");

    HttpResponse<String> page = staff.get("/organisations/" + organisationId);
    String csrf = csrf(page.body());
    staff.post("/organisations/" + organisationId + "/personnes/" + tom.id() + "/desactivation",
        "application/x-www-form-urlencoded", "_csrf=" + csrf, false);
    assertThat(new WebClient(port).loginToWebapps(tom.userId(), "un-long-mot-de-passe")).isEqualTo(401);
    assertThat(identityService.createGroupQuery().groupMember(tom.userId()).count()).isZero();

    String audit = staff.get("/audit").body();
    assertThat(audit).contains("Compte créé").contains("Compte désactivé").contains(STAFF);
  }

  @Test
  void r14StaffRecordTheInsuranceCertificateAndBadDatesAreRefusedInFrench() {
    WebClient staff = loggedInStaff();
    String csrf = csrf(staff.get("/organisations/" + organisationId).body());
    staff.post("/organisations/" + organisationId + "/assurance", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&assureur=MAIF&police=AB-123&du=2026-12-31&au=2026-01-01", false);
    assertThat(staff.get("/organisations/" + organisationId).body())
        .contains("La fin de validité de l&#39;assurance ne peut pas précéder son début.")
        .contains("Aucune attestation d'assurance enregistrée.");

    staff.post("/organisations/" + organisationId + "/assurance", "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&assureur=MAIF&police=AB-123&du=2026-01-01&au=2026-12-31", false);
    assertThat(staff.get("/organisations/" + organisationId).body())
        .contains("MAIF, police n° AB-123, valable du 1er janvier 2026 au 31 décembre 2026");
    assertThat(organisations.insuranceOf(organisationId)).isPresent();
  }

  @Test
  void aLinkExpiresAfter72Hours() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-27T10:00:00Z")));
    String email = "eve" + System.nanoTime() + "@csc.example.fr";
    addPerson(loggedInStaff(), "Ève", "Martin", email);
    String link = link(Mails.part(invitationTo(email), "text/plain"));

    // 72 hours later, across the change to summer time on 29 March: the link has just expired.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-30T10:00:01Z")));
    assertThat(new WebClient(port).get(link).body()).contains("Ce lien n'est plus valable");
  }

  @Test
  void onlyLoggedInStaffReachTheStaffPages() {
    assertThat(new WebClient(port).get("/organisations").statusCode()).isEqualTo(401);
    assertThat(new WebClient(port).get("/audit").statusCode()).isEqualTo(401);
    assertThat(new WebClient(port).get("/conventions").statusCode()).isEqualTo(401);
    assertThat(new WebClient(port).get("/conventions").body()).contains("Connexion requise");
    assertThat(loggedInStaff().get("/conventions").body()).contains("<h1>Conventions</h1>");
    HttpResponse<String> forged =
        loggedInStaff().post("/organisations/" + organisationId + "/personnes", "application/x-www-form-urlencoded",
            "prenom=X&nom=Y&courriel=x%40y.fr&role=ANIMATEUR", false);
    assertThat(forged.statusCode()).as("no form token: refused").isEqualTo(403);
  }

  private WebClient loggedInStaff() {
    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps(STAFF, STAFF_PASSWORD)).isEqualTo(200);
    return staff;
  }

  private HttpResponse<String> addPerson(WebClient staff, String first, String last, String email) {
    String csrf = csrf(staff.get("/organisations/" + organisationId).body());
    return staff.post(
        "/organisations/" + organisationId + "/personnes",
        "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&prenom=" + enc(first) + "&nom=" + enc(last) + "&courriel=" + enc(email) + "&role=ANIMATEUR",
        false);
  }

  @Autowired AccountService accounts;

  private Person accountsOf(String email) {
    return accounts.personOfUser(identityService.createUserQuery().userEmail(email).singleResult().getId()).orElseThrow();
  }

  private MimeMessage invitationTo(String email) {
    Person person = accounts.personOfUser(identityService.createUserQuery().userEmail(email).singleResult().getId()).orElseThrow();
    String instance =
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AccountInvitationProcess.KEY)
            .processInstanceBusinessKey("personne-" + person.id()).singleResult().getId();
    assertThat(driver.runJob(instance, AccountInvitationProcess.SEND_INVITATION)).isNull();
    assertThat(Mails.to(email)).hasSize(1);
    return Mails.to(email).get(0);
  }

  private static HttpResponse<String> choose(WebClient browser, String link, String password, String confirmation) {
    String secret = link.substring(link.indexOf("jeton=") + 6);
    return browser.post("/compte/mot-de-passe", "application/x-www-form-urlencoded",
        "jeton=" + secret + "&motDePasse=" + enc(password) + "&confirmation=" + enc(confirmation), false);
  }

  private static String link(String text) {
    Matcher matcher = LINK.matcher(text);
    assertThat(matcher.find()).as(text).isTrue();
    return matcher.group(1);
  }
}
