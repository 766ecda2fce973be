package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.test.ApplicationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R12 (issue 11, item 1): slots in opening hours, none on a public holiday, a closure or a day without hours; Paris
 * wall-clock times on either side of the changes to summer and winter time (28 March and 31 October 2027).
 */
@ApplicationTest
class OpeningHoursTest {

  @Autowired OpeningHours hours;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void defaults() {
    hours.setDay(DayOfWeek.MONDAY, "9:00-12:00, 14:00-17:00", "test");
    hours.setDay(DayOfWeek.TUESDAY, "9:00-12:00, 14:00-17:00", "test");
    hours.setSettings("30", "2", "test");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    jdbc.sql("delete from handover_closure").update();
    hours.setDay(DayOfWeek.MONDAY, "9:00-12:00, 14:00-17:00", "test");
    hours.setDay(DayOfWeek.TUESDAY, "9:00-12:00, 14:00-17:00", "test");
    hours.setSettings("30", "2", "test");
  }

  @Test
  void noSlotOnEasterMondayWhitMondayOrASunday() {
    assertThat(hours.slotsOn(LocalDate.of(2027, 3, 29))).isEmpty();
    assertThat(hours.whyClosed(LocalDate.of(2027, 3, 29)))
        .contains("Le 29 mars 2027 est un jour férié (le lundi de Pâques) : la Maison du Département est fermée.");
    assertThat(hours.slotsOn(LocalDate.of(2027, 5, 17))).isEmpty();
    assertThat(hours.whyClosed(LocalDate.of(2027, 5, 17))).get().asString().contains("le lundi de Pentecôte");
    assertThat(hours.whyClosed(LocalDate.of(2027, 3, 28))).contains("La Maison du Département n'ouvre pas le dimanche.");
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 5))).hasSize(12);
  }

  @Test
  void slotsKeepTheirParisHourAcrossSummerAndWinterTime() {
    // Tuesday 23 March 2027, winter time (UTC+1); Tuesday 30 March, summer time (UTC+2).
    assertThat(hours.slotsOn(LocalDate.of(2027, 3, 23)).get(0).start().toInstant()).isEqualTo(Instant.parse("2027-03-23T08:00:00Z"));
    assertThat(hours.slotsOn(LocalDate.of(2027, 3, 30)).get(0).start().toInstant()).isEqualTo(Instant.parse("2027-03-30T07:00:00Z"));
    // Tuesday 26 October 2027, summer time; Tuesday 2 November, winter time (Monday 1 November is a holiday).
    assertThat(hours.slotsOn(LocalDate.of(2027, 10, 26)).get(0).start().toInstant()).isEqualTo(Instant.parse("2027-10-26T07:00:00Z"));
    assertThat(hours.slotsOn(LocalDate.of(2027, 11, 2)).get(0).start().toInstant()).isEqualTo(Instant.parse("2027-11-02T08:00:00Z"));
    assertThat(hours.slotsOn(LocalDate.of(2027, 11, 1))).isEmpty();
    assertThat(hours.slotsOn(LocalDate.of(2027, 3, 30)).get(0).french()).isEqualTo("le mardi 30 mars 2027 de 9h00 à 9h30");
  }

  @Test
  void theSlotLengthCutsEachRangeAndARemainderIsNotOffered() {
    hours.setSettings("45", "3", "test");
    assertThat(hours.settings()).isEqualTo(new OpeningHours.Settings(45, 3));
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 6))).extracting(slot -> slot.start().toLocalTime().toString())
        .containsExactly("09:00", "09:45", "10:30", "11:15", "14:00", "14:45", "15:30", "16:15");
    hours.setDay(DayOfWeek.TUESDAY, "9h00 - 10h00", "test");
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 6))).extracting(slot -> slot.start().toLocalTime().toString())
        .containsExactly("09:00");
    hours.setDay(DayOfWeek.TUESDAY, "", "test");
    assertThat(hours.whyClosed(LocalDate.of(2027, 4, 6))).contains("La Maison du Département n'ouvre pas le mardi.");
  }

  @Test
  void aClosureClosesItsDaysWithItsReason() {
    hours.addClosure("05/04/2027", "09/04/2027", "Inventaire annuel", "test");
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 6))).isEmpty();
    assertThat(hours.whyClosed(LocalDate.of(2027, 4, 9)))
        .contains("La Maison du Département est fermée du 5 au 9 avril 2027 (Inventaire annuel).");
    assertThat(hours.slotsOn(LocalDate.of(2027, 4, 12))).isNotEmpty();
    assertThat(hours.closures()).extracting(OpeningHours.Closure::reason).containsExactly("Inventaire annuel");
  }

  @Test
  void badHoursAndClosuresAreRefusedInFrenchAndChangeNothing() {
    assertThatThrownBy(() -> hours.setDay(DayOfWeek.MONDAY, "9:00-8:00", "test"))
        .hasMessage("Les horaires du lundi : la plage 9:00-8:00 se termine avant de commencer.");
    assertThatThrownBy(() -> hours.setDay(DayOfWeek.MONDAY, "9:00-12:00, 11:00-13:00", "test"))
        .hasMessage("Les horaires du lundi : les plages 09:00-12:00 et 11:00-13:00 se chevauchent.");
    assertThatThrownBy(() -> hours.setDay(DayOfWeek.MONDAY, "le matin", "test"))
        .hasMessageContaining("« le matin » n'est pas une plage d'horaires ; écrivez par exemple 9:00-12:00, 14:00-17:00.");
    assertThatThrownBy(() -> hours.setDay(DayOfWeek.MONDAY, "9:00-25:00", "test")).hasMessageContaining("25:00 n'est pas une heure");
    assertThatThrownBy(() -> hours.setSettings("5", "2", "test"))
        .hasMessage("Le champ « Durée d'un créneau (minutes) » est un nombre de 10 à 240.");
    assertThatThrownBy(() -> hours.addClosure("09/04/2027", "05/04/2027", "Inventaire", "test"))
        .hasMessageContaining("précède le premier");
    assertThatThrownBy(() -> hours.addClosure("02/11/2026", "03/11/2026", "Inventaire", "test"))
        .hasMessageContaining("Cette fermeture est passée");
    assertThat(hours.week().get(DayOfWeek.MONDAY)).hasSize(2);
    assertThat(hours.settings()).isEqualTo(new OpeningHours.Settings(30, 2));
    assertThat(hours.closures()).isEmpty();
  }
}
