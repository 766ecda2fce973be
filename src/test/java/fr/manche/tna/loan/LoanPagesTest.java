package fr.manche.tna.loan;

import static fr.manche.tna.loan.process.LoanRequestProcess.APPROVE_TASK;
import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static fr.manche.tna.test.WebClient.html;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.inventory.Availability;
import fr.manche.tna.inventory.Item;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.LoanFixtures;
import fr.manche.tna.test.ProcessDriver;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The loan pages as their users see them: the member's « Mes emprunts » (their organisation's loans only, cancel
 * and extend from the page, another organisation's number refused in French and nothing changed), the staff's
 * « Prêts » (filters, CSV export) and « Usage du Département » (R11: a block refuses a pending request); members
 * get no staff page.
 */
@ApplicationTest
class LoanPagesTest {

  private static final String PASSWORD = "un mot de passe assez long";
  private static final String MANAGER = ConventionFixtures.EQUIPMENT_MANAGER;
  private static final String REFERENT = ConventionFixtures.REFERENT;
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String LAYOUT = "data-layout=\"reseau-tna\"";

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired LoanFixtures loans;
  @Autowired ProcessDriver driver;
  @Autowired LoanRequestService requests;
  @Autowired Availability availability;
  @Autowired IdentityService identityService;

  private ConventionFixtures.Signed member;
  private ConventionFixtures.Signed other;
  private String user;
  private long organisationId;
  private Item headset;
  private Item drone;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
    member = fixtures.signed(TestSirets.next(), "Médiathèque de Gavray", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    other = fixtures.signed(TestSirets.next(), "Centre social de Tessy", LocalDate.of(2026, 9, 1),
        LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    user = member.memberSignatoryUserId();
    organisationId = member.convention().organisationId();
    loans.insuredUntil(organisationId, LocalDate.of(2030, 12, 31));
    loans.insuredUntil(other.convention().organisationId(), LocalDate.of(2030, 12, 31));
    headset = loans.item("Casque de réalité virtuelle");
    drone = loans.item("Drone");
    for (String login : new String[] {user, other.memberSignatoryUserId(), MANAGER, REFERENT}) {
      setPassword(login);
    }
    ConventionFixtures.at(LocalDate.of(2027, 1, 11));
  }

  @AfterEach
  void tearDown() {
    fixtures.clearUser();
    ClockUtil.reset();
  }

  @Test
  void theMemberSeesOnlyTheirLoansCancelsAndExtendsFromThePageAndAnotherOrganisationsNumberChangesNothing() {
    ProcessInstance approved = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(approved, APPROVE_TASK, MANAGER, "approuver", "");
    long loanId = loans.loanIdOf(approved);
    ProcessInstance choosing = loans.start(user, "01/04/2027", "03/04/2027", "");
    driver.runJobs(choosing.getId());
    long choosingId = loans.loanIdOf(choosing);
    ProcessInstance theirs = loans.request(other.memberSignatoryUserId(), "01/05/2027", "03/05/2027", drone.inventoryNumber(), "");
    long theirId = loans.loanIdOf(theirs);

    WebClient client = login(user);
    HttpResponse<String> page = client.get("/mes-emprunts");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(LAYOUT).contains("Prêt n° " + loanId).contains("à venir")
        .contains("du 1er au 10 mars 2027 (10 jours)").contains("Casque de réalité virtuelle — n° " + headset.inventoryNumber())
        .contains("Retrait à la Maison du Département le 1er mars 2027")
        .contains("Prêt n° " + choosingId).contains("Choisissez le matériel dans la liste des tâches")
        .contains("/taches?processus=" + choosing.getId()).contains("href=\"/disponibilites\"")
        .doesNotContain("Prêt n° " + theirId).doesNotContain(drone.inventoryNumber());
    assertThat(page.body().indexOf("Prêt n° " + choosingId)).isLessThan(page.body().indexOf("Prêt n° " + loanId));
    String csrf = csrf(page.body());

    // Another organisation's number: refused in French, nothing changed.
    String notOurs = html("Votre structure n'a pas de demande de prêt n° " + theirId + ".");
    HttpResponse<String> cancelTheirs = client.post("/mes-emprunts/" + theirId + "/annuler", FORM, "_csrf=" + csrf, false);
    assertThat(cancelTheirs.statusCode()).isEqualTo(400);
    assertThat(cancelTheirs.body()).contains(LAYOUT).contains(notOurs);
    HttpResponse<String> extendTheirs = client.post("/mes-emprunts/" + theirId + "/prolonger", FORM,
        "_csrf=" + csrf + "&nouveauDernierJour=" + enc("10/05/2027") + "&raison=", false);
    assertThat(extendTheirs.statusCode()).isEqualTo(400);
    assertThat(extendTheirs.body()).contains(notOurs);
    assertThat(requests.find(theirId).status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    assertThat(requests.find(theirId).lastDay()).isEqualTo(LocalDate.of(2027, 5, 3));
    // A form without its token is refused.
    assertThat(client.post("/mes-emprunts/" + loanId + "/annuler", FORM, "_csrf=faux", false).statusCode()).isEqualTo(403);
    assertThat(requests.find(loanId).status()).isEqualTo(LoanRequestStatus.APPROUVEE);

    // A date that is not one: its French sentence next to that loan's form, nothing changed.
    HttpResponse<String> badDate = client.post("/mes-emprunts/" + loanId + "/prolonger", FORM,
        "_csrf=" + csrf + "&nouveauDernierJour=" + enc("31/02/2027") + "&raison=", false);
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(badDate.body()).contains("id=\"pret-" + loanId + "-erreur\"").contains("« 31/02/2027 » n&#39;en est pas une.");
    assertThat(requests.find(loanId).lastDay()).isEqualTo(LocalDate.of(2027, 3, 10));

    // Within 30 days in all: granted at once.
    HttpResponse<String> granted = client.post("/mes-emprunts/" + loanId + "/prolonger", FORM,
        "_csrf=" + csrf + "&nouveauDernierJour=" + enc("20/03/2027") + "&raison=", false);
    assertThat(granted.statusCode()).isEqualTo(302);
    driver.runJobs(approved.getId());
    assertThat(requests.find(loanId).lastDay()).isEqualTo(LocalDate.of(2027, 3, 20));
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 20))).isFalse();
    String after = client.get("/mes-emprunts").body();
    assertThat(after).contains("prolongation accordée jusqu&#39;au 20 mars 2027")
        .contains("jusqu&#39;au 20 mars 2027 : accordée");

    // Beyond 30 days: sent to the département.
    HttpResponse<String> examined = client.post("/mes-emprunts/" + loanId + "/prolonger", FORM,
        "_csrf=" + csrf + "&nouveauDernierJour=" + enc("05/04/2027") + "&raison="
            + enc("Le projet avec le collège dure deux semaines de plus."), false);
    assertThat(examined.statusCode()).isEqualTo(302);
    assertThat(client.get("/mes-emprunts").body()).contains("transmise au Département, qui l&#39;examine (plus de 30 jours)")
        .contains("jusqu&#39;au 5 avril 2027 : en cours d&#39;examen");
    assertThat(requests.find(loanId).lastDay()).isEqualTo(LocalDate.of(2027, 3, 20));

    // Cancelled before its first day: the item is free again.
    HttpResponse<String> cancelled = client.post("/mes-emprunts/" + loanId + "/annuler", FORM, "_csrf=" + csrf, false);
    assertThat(cancelled.statusCode()).isEqualTo(302);
    driver.runJobs(approved.getId());
    assertThat(requests.find(loanId).status()).isEqualTo(LoanRequestStatus.ANNULEE);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 20))).isTrue();
    assertThat(client.get("/mes-emprunts").body()).contains("Prêt n° " + loanId + " annulé : le matériel est de nouveau libre.");

    // The other member sees their own loan, not this one.
    assertThat(login(other.memberSignatoryUserId()).get("/mes-emprunts").body()).contains("Prêt n° " + theirId)
        .doesNotContain("Prêt n° " + loanId + "<");
  }

  @Test
  void staffFilterTheLoansAndExportExactlyTheFilteredRowsWithFormulasNeutralised() {
    ProcessInstance approved = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    loans.decide(approved, APPROVE_TASK, MANAGER, "approuver", "");
    long loanId = loans.loanIdOf(approved);
    ProcessInstance refused = loans.request(user, "01/06/2027", "03/06/2027", drone.inventoryNumber(), "");
    loans.decide(refused, APPROVE_TASK, MANAGER, "refuser", "=HYPERLINK(\"http://exemple.invalid\") ; drone en réparation");
    long refusedId = loans.loanIdOf(refused);
    ProcessInstance theirs = loans.request(other.memberSignatoryUserId(), "01/05/2027", "03/05/2027", headset.inventoryNumber(), "");
    long theirId = loans.loanIdOf(theirs);

    WebClient staff = login(REFERENT);
    HttpResponse<String> all = staff.get("/prets");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains(LAYOUT).contains(">" + loanId + "<").contains(">" + theirId + "<")
        .contains("Centre social de Tessy").contains("/taches?processus=" + theirs.getId());

    String ours = staff.get("/prets?structure=" + organisationId).body();
    assertThat(ours).contains(">" + loanId + "<").contains(">" + refusedId + "<").doesNotContain(">" + theirId + "<");
    assertThat(staff.get("/prets?etat=APPROUVEE&structure=" + organisationId).body())
        .contains(">" + loanId + "<").doesNotContain(">" + refusedId + "<");
    assertThat(staff.get("/prets?materiel=" + headset.inventoryNumber().toLowerCase()).body())
        .contains(">" + loanId + "<").contains(">" + theirId + "<").doesNotContain(">" + refusedId + "<");
    assertThat(staff.get("/prets?du=" + enc("02/05/2027") + "&au=" + enc("31/05/2027")).body())
        .contains(">" + theirId + "<").doesNotContain(">" + loanId + "<").doesNotContain(">" + refusedId + "<");

    // A filter that is not a date: its French message next to it, never a server error.
    HttpResponse<String> bad = staff.get("/prets?du=" + enc("32/13/2027") + "&structure=abc");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("<small id=\"du-erreur\">Le champ « Du » doit contenir une date qui existe")
        .contains("<small id=\"structure-erreur\">Choisissez une structure dans la liste.</small>");

    HttpResponse<byte[]> export = staff.getBytes("/prets/export?structure=" + organisationId);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    byte[] bytes = export.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines[0]).isEqualTo("N°;Structure;État;Premier jour;Dernier jour;Jours;Matériel;Décision par;Motif de la décision");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith(refusedId + ";Médiathèque de Gavray;refusée;01/06/2027;03/06/2027;3;")
        .endsWith(";\"'=HYPERLINK(\"\"http://exemple.invalid\"\") ; drone en réparation\"");
    assertThat(lines[2]).startsWith(loanId + ";Médiathèque de Gavray;à venir;01/03/2027;10/03/2027;10;"
        + headset.inventoryNumber() + " (Casque de réalité virtuelle);");

    // Members get no staff page.
    WebClient memberClient = login(user);
    for (String path : new String[] {"/prets", "/prets/export", "/usage-du-departement"}) {
      HttpResponse<String> refusedPage = memberClient.get(path);
      assertThat(refusedPage.statusCode()).as(path).isEqualTo(403);
      assertThat(refusedPage.body()).as(path).contains(LAYOUT).doesNotContain(">" + loanId + "<");
    }
  }

  @Test
  void r11ABlockFromThePageRefusesAPendingRequestAndSaysSoBadInputChangesNothing() {
    ProcessInstance pending = loans.request(user, "01/03/2027", "10/03/2027", headset.inventoryNumber(), "");
    long pendingId = loans.loanIdOf(pending);

    WebClient reader = login(REFERENT);
    String readOnly = reader.get("/usage-du-departement").body();
    assertThat(readOnly).contains(LAYOUT).doesNotContain("Réserver pour le Département");
    assertThat(reader.post("/usage-du-departement", FORM, "_csrf=" + csrf(login(MANAGER).get("/usage-du-departement").body()),
        false).statusCode()).isEqualTo(403);

    WebClient manager = login(MANAGER);
    String page = manager.get("/usage-du-departement").body();
    assertThat(page).contains("value=\"" + headset.inventoryNumber() + "\"");
    String csrf = csrf(page);

    HttpResponse<String> bad = manager.post("/usage-du-departement", FORM, "_csrf=" + csrf + "&materiel="
        + headset.inventoryNumber() + "&premierJour=" + enc("05/03/2027") + "&dernierJour=" + enc("demain") + "&motif=", false);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<small id=\"dernierJour-erreur\">Le champ « Dernier jour » doit contenir une date")
        .contains("<small id=\"motif-erreur\">");
    assertThat(requests.find(pendingId).status()).isEqualTo(LoanRequestStatus.EN_EXAMEN);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 6))).isTrue();

    HttpResponse<String> blocked = manager.post("/usage-du-departement", FORM, "_csrf=" + csrf + "&materiel="
        + headset.inventoryNumber() + "&premierJour=" + enc("05/03/2027") + "&dernierJour=" + enc("06/03/2027")
        + "&motif=" + enc("Salon du numérique"), false);
    assertThat(blocked.statusCode()).isEqualTo(302);
    driver.runJobs(pending.getId());
    assertThat(requests.find(pendingId).status()).isEqualTo(LoanRequestStatus.REFUSEE);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 6))).isFalse();
    String after = manager.get("/usage-du-departement").body();
    assertThat(after).contains("est réservé pour le Département du 5 au 6 mars 2027")
        .contains("n° " + pendingId + " (Médiathèque de Gavray)").contains("Salon du numérique");
    assertThat(login(user).get("/mes-emprunts").body()).contains("pour son propre usage").contains("refusée");

    Matcher lift = Pattern.compile("action=\"/usage-du-departement/(\\d+)/lever\"").matcher(after);
    assertThat(lift.find()).isTrue();
    assertThat(manager.post("/usage-du-departement/" + lift.group(1) + "/lever", FORM, "_csrf=" + csrf, false).statusCode())
        .isEqualTo(302);
    assertThat(availability.isFree(headset.id(), LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 6))).isTrue();
    assertThat(manager.get("/usage-du-departement").body()).contains("Réservation levée");
  }

  private WebClient login(String login) {
    return WebClient.loggedIn(port, login, PASSWORD);
  }

  private void setPassword(String userId) {
    driver.setPassword(userId, PASSWORD);
  }
}
