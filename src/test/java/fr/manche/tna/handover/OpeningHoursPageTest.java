package fr.manche.tna.handover;

import static fr.manche.tna.test.WebClient.csrf;
import static fr.manche.tna.test.WebClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.manche.tna.test.ApplicationTest;
import fr.manche.tna.test.ConventionFixtures;
import fr.manche.tna.test.WebClient;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff page {@code /horaires} (R12): the equipment managers set the week, the slot and the closures; a bad field
 * is refused next to itself and nothing of the form is saved; the referents read; members do not get in.
 */
@ApplicationTest
class OpeningHoursPageTest {

  private static final String PASSWORD = "un mot de passe assez long";
  private static final String FORM = "application/x-www-form-urlencoded";

  @LocalServerPort int port;
  @Autowired ConventionFixtures fixtures;
  @Autowired OpeningHours hours;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    fixtures.ensureStaff();
    for (String login : new String[] {ConventionFixtures.EQUIPMENT_MANAGER, ConventionFixtures.REFERENT}) {
      User account = identityService.createUserQuery().userId(login).singleResult();
      account.setPassword(PASSWORD);
      identityService.saveUser(account);
    }
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    jdbc.sql("delete from handover_closure").update();
    for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY}) {
      hours.setDay(day, "9:00-12:00, 14:00-17:00", "test");
    }
    hours.setDay(DayOfWeek.FRIDAY, "9:00-12:00, 14:00-16:00", "test");
    hours.setDay(DayOfWeek.SATURDAY, "", "test");
    hours.setDay(DayOfWeek.SUNDAY, "", "test");
    hours.setSettings("30", "2", "test");
  }

  @Test
  void theManagersSetTheWeekAndABadFieldChangesNothing() {
    WebClient manager = login(ConventionFixtures.EQUIPMENT_MANAGER);
    String page = manager.get("/horaires").body();
    assertThat(page).contains("Horaires de remise du matériel").contains("value=\"09:00-12:00, 14:00-17:00\"")
        .contains("le lundi de Pâques").contains("le lundi de Pentecôte");
    String csrf = csrf(page);

    HttpResponse<String> bad = manager.post("/horaires", FORM, week(csrf, "9:00-8:00", "9:00-11:00", "45", "3"), false);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Rien n'a été enregistré").contains("la plage 9:00-8:00 se termine avant de commencer");
    assertThat(hours.week().get(DayOfWeek.TUESDAY)).hasSize(2);
    assertThat(hours.settings().slotMinutes()).isEqualTo(30);

    HttpResponse<String> saved = manager.post("/horaires", FORM, week(csrf, "9:00-12:00", "9h00 - 11h00", "45", "3"), false);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(hours.week().get(DayOfWeek.TUESDAY)).hasSize(1);
    assertThat(hours.settings()).isEqualTo(new OpeningHours.Settings(45, 3));
    assertThat(manager.get("/horaires").body()).contains("Horaires enregistrés");
  }

  @Test
  void closuresAreAddedAndRemovedAndABadOneIsRefusedNextToItsForm() {
    WebClient manager = login(ConventionFixtures.EQUIPMENT_MANAGER);
    String csrf = csrf(manager.get("/horaires").body());
    HttpResponse<String> bad = manager.post("/horaires/fermetures", FORM,
        "_csrf=" + csrf + "&premierJour=" + enc("31/02/2027") + "&dernierJour=&motif=" + enc("Inventaire"), false);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("fermeture-erreur").contains("31/02/2027");
    assertThat(hours.closures()).isEmpty();

    assertThat(manager.post("/horaires/fermetures", FORM,
        "_csrf=" + csrf + "&premierJour=" + enc("05/04/2027") + "&dernierJour=" + enc("09/04/2027") + "&motif="
            + enc("Inventaire annuel"), false).statusCode()).isEqualTo(302);
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 6))).isEmpty();
    String page = manager.get("/horaires").body();
    assertThat(page).contains("du 5 au 9 avril 2027").contains("Inventaire annuel");
    long id = hours.closures().get(0).id();
    assertThat(manager.post("/horaires/fermetures/" + id + "/supprimer", FORM, "_csrf=" + csrf, false).statusCode()).isEqualTo(302);
    assertThat(hours.closures()).isEmpty();
  }

  @Test
  void referentsReadMembersDoNotGetIn() {
    WebClient referent = login(ConventionFixtures.REFERENT);
    String page = referent.get("/horaires").body();
    assertThat(page).contains("vous pouvez les consulter").doesNotContain("Enregistrer les horaires");
    assertThat(referent.post("/horaires", FORM, week(csrf(page), "", "", "30", "2"), false).statusCode()).isEqualTo(403);
    assertThat(hours.week().get(DayOfWeek.MONDAY)).hasSize(2);
    assertThat(new WebClient(port).get("/horaires").statusCode()).isIn(302, 401);
  }

  private static String week(String csrf, String monday, String tuesday, String slot, String capacity) {
    return "_csrf=" + csrf + "&lundi=" + enc(monday) + "&mardi=" + enc(tuesday) + "&mercredi=" + enc("9:00-12:00, 14:00-17:00")
        + "&jeudi=" + enc("9:00-12:00, 14:00-17:00") + "&vendredi=" + enc("9:00-12:00, 14:00-16:00") + "&samedi=&dimanche="
        + "&creneau=" + slot + "&capacite=" + capacity;
  }

  private WebClient login(String login) {
    return WebClient.loggedIn(port, login, PASSWORD);
  }
}
