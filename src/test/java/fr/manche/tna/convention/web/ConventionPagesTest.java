package fr.manche.tna.convention.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.membership.AccountService;
import fr.manche.tna.membership.LegalForm;
import fr.manche.tna.membership.Organisation;
import fr.manche.tna.membership.OrganisationRepository;
import fr.manche.tna.membership.Person;
import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.PdfText;
import fr.manche.tna.test.TestMailServer;
import fr.manche.tna.test.TestSirets;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The convention's status, dates, deadlines and PDF, as staff and the member read them; other members are refused. */
@ApplicationTest
class ConventionPagesTest {

  static final String PASSWORD = "un mot de passe assez long";

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired fr.manche.tna.test.ProcessDriver driver;
  @Autowired IdentityService identityService;
  @Autowired AccountService accounts;
  @Autowired OrganisationRepository organisations;

  @BeforeEach
  void setUp() {
    TestMailServer.ensureUp();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void staffAndTheMemberSeeTheConventionItsDatesAndDeadlinesAndOnlyTheMemberGetsItsPdf() {
    ConventionFixtures.Signed signed = fixtures.signed(TestSirets.next(), "Commune de Lessay",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2027, 1, 15));
    setPassword(ConventionFixtures.REFERENT);
    setPassword(signed.memberSignatoryUserId());

    WebClient staff = new WebClient(port);
    assertThat(staff.loginToWebapps(ConventionFixtures.REFERENT, PASSWORD)).isEqualTo(200);
    String list = staff.get("/conventions").body();
    assertThat(list)
        .contains("Commune de Lessay")
        .contains("En vigueur")
        .contains("du 11 septembre 2026 au 10 septembre 2029")
        .contains("Demandes d&#39;avenant jusqu&#39;au 10 juin 2029 (article 9)")
        .contains("Rappel de fin de convention le 10 mars 2029")
        .contains("Signée pour l&#39;organisation par Jean Dupuis, maire, le 10 septembre 2026")
        .contains("/documents/convention/" + signed.id());

    WebClient member = new WebClient(port);
    assertThat(member.loginToWebapps(signed.memberSignatoryUserId(), PASSWORD)).isEqualTo(200);
    String page = member.get("/ma-convention").body();
    assertThat(page)
        .contains("Convention n° " + signed.id())
        .contains("En vigueur")
        .contains("du 11 septembre 2026 au 10 septembre 2029 inclus")
        .contains("Pour demander un avenant, ouvrez la <a href=\"/camunda/app/tasklist/default/\">liste des tâches</a>")
        .contains("soit au plus tard le <span>10 juin 2029</span>")
        .contains("Pour toute question, écrivez au référent du réseau : <span>fixture.referent (test) (" + ConventionFixtures.REFERENT_EMAIL + ")</span>");
    HttpResponse<byte[]> pdf = member.getBytes("/documents/convention/" + signed.id());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(PdfText.of(pdf.body()))
        .contains("Commune de Lessay")
        .contains("en vigueur du 11 septembre 2026 au 10 septembre 2029 inclus");

    // Someone of another organisation gets the French refusal; someone not logged in is asked to log in.
    WebClient other = new WebClient(port);
    assertThat(other.loginToWebapps(otherMember(), PASSWORD)).isEqualTo(200);
    HttpResponse<byte[]> refused = other.getBytes("/documents/convention/" + signed.id());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("Accès refusé");
    assertThat(other.get("/ma-convention").body()).doesNotContain("Commune de Lessay");
    assertThat(new WebClient(port).getBytes("/documents/convention/" + signed.id()).statusCode()).isEqualTo(401);
  }

  @Test
  void theConventionPagesListItsAmendmentsRenewalProposalAndFormalNoticeWithTheirDeadlines() {
    String siret = TestSirets.next();
    ConventionFixtures.Signed signed = fixtures.signed(siret, "Commune de Percy",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2027, 3, 3));
    fixtures.asUser(ConventionFixtures.REFERENT);
    try {
      driver.submitStartForm("ConventionAmendment",
          Map.of("siret", siret, "amendmentObject", "Horaires d'ouverture", "amendmentContent", "Ouverture le samedi matin", "namedEffectiveDate", ""));
      driver.submitStartForm("ConventionRenewal", Map.of("siret", siret, "proposalMessage", ""));
      driver.submitStartForm("ConventionTermination",
          Map.of("siret", siret, "failure", "Aucun atelier depuis six mois (article 3)", "letterReference", "1A 234 567", "sentOn", "03/03/2027"));
    } finally {
      fixtures.clearUser();
    }
    setPassword(signed.memberSignatoryUserId());
    WebClient member = new WebClient(port);
    assertThat(member.loginToWebapps(signed.memberSignatoryUserId(), PASSWORD)).isEqualTo(200);
    assertThat(member.get("/ma-convention").body())
        .contains("Demande d&#39;avenant « Horaires d&#39;ouverture », demandé le 3 mars 2027 : en cours d&#39;examen")
        .contains("Renouvellement proposé le 3 mars 2027, en attente de la réponse de l&#39;organisation")
        .contains("Mise en demeure du 3 mars 2027 (lettre 1A 234 567)")
        .contains("Mise en demeure envoyée le 3 mars 2027 : accusé de réception à enregistrer");
  }

  @Test
  void aMemberWithoutAConventionIsNotToldToRequestAnAmendmentButWhatAppliesToThem() {
    fixtures.ensureStaff();
    String userId = otherMember();
    WebClient member = new WebClient(port);
    assertThat(member.loginToWebapps(userId, PASSWORD)).isEqualTo(200);
    String page = member.get("/ma-convention").body();
    assertThat(page)
        .contains("Votre organisation n'a pas encore de convention.")
        .contains("Votre organisation n'a pas de convention en vigueur : elle n'a pas d'avenant à demander")
        .contains("c'est le référent du réseau qui enregistre la demande : écrivez-lui.")
        .containsPattern("Pour toute question, écrivez au référent du réseau : <span>[^<]*" + ConventionFixtures.REFERENT_EMAIL)
        .doesNotContain("Pour demander un avenant");
  }

  @Test
  void pastTheAmendmentDeadlineTheMemberIsToldThatTheReferentProposesTheRenewal() {
    ConventionFixtures.Signed signed = fixtures.signed(TestSirets.next(), "Commune de Bréhal",
        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), LocalDate.of(2026, 9, 11));
    ConventionFixtures.at(LocalDate.of(2029, 6, 11));
    setPassword(signed.memberSignatoryUserId());
    WebClient member = new WebClient(port);
    assertThat(member.loginToWebapps(signed.memberSignatoryUserId(), PASSWORD)).isEqualTo(200);
    assertThat(member.get("/ma-convention").body())
        .contains("Le délai pour demander un avenant est passé (le <span>10 juin 2029</span>")
        .contains("que le référent du réseau propose à votre organisation")
        .doesNotContain("Pour demander un avenant");
  }

  private String otherMember() {
    long id = organisations.insert(
        new Organisation(null, "Association Les Pixels", LegalForm.ASSOCIATION, TestSirets.next(), "1 rue du Port, 50100 Cherbourg",
            null, "Lucie Marie", "lucie@pixels.example.fr", null),
        OffsetDateTime.now());
    Person person = accounts.addPerson(id, "Lucie", "Marie" + System.nanoTime(), "lucie" + System.nanoTime() + "@pixels.example.fr",
        "ANIMATEUR", "test");
    setPassword(person.userId());
    return person.userId();
  }

  private void setPassword(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
  }
}
