package fr.manche.tna.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.manche.tna.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParisTimeTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void readsTheDatesAndTimesThatCamundaFormsSubmit() {
    assertThat(ParisTime.parseDate("2028-02-29", "Date")).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(ParisTime.parseDate("06/01/2099", "Date")).as("typed the French way: day first").isEqualTo(LocalDate.of(2099, 1, 6));
    assertThat(ParisTime.parseDate("6/1/2099", "Date")).isEqualTo(LocalDate.of(2099, 1, 6));
    assertThat(ParisTime.parseDateTime("2025-12-01T10:15", "Rendez-vous"))
        .isEqualTo(ZonedDateTime.parse("2025-12-01T10:15+01:00[Europe/Paris]"));
    assertThat(ParisTime.parseDateTime("2025-12-01T10:15+00:00", "Rendez-vous").toLocalTime())
        .hasToString("11:15");
    assertThat(ParisTime.parseDateTime("2026-07-01T08:00Z", "Rendez-vous").toLocalTime()).hasToString("10:00");
    assertThat(ParisTime.parseDateTime("2026-07-01T10:00+0200", "Rendez-vous").toLocalTime()).hasToString("10:00");
  }

  @Test
  void readsADateAndATimeTypedInTwoFields() {
    assertThat(ParisTime.parseOptionalDateAndTime("30/03/2026", "10h15", "Date", "Heure"))
        .isEqualTo(ZonedDateTime.parse("2026-03-30T10:15+02:00[Europe/Paris]"));
    assertThat(ParisTime.parseOptionalDateAndTime(" ", "", "Date", "Heure")).isNull();
    assertThatThrownBy(() -> ParisTime.parseOptionalDateAndTime("30/03/2026", "", "Date", "Heure"))
        .hasMessage("Le champ « Heure » est obligatoire.");
    assertThatThrownBy(() -> ParisTime.parseOptionalDateAndTime("30/03/2026", "25:00", "Date", "Heure"))
        .hasMessageContaining("doit contenir une heure");
  }

  @Test
  void aDateTimeGivesItsParisDate() {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    assertThat(ParisTime.parseDate("2025-12-31T23:30Z", "Date")).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void refusesBadInputInFrench() {
    assertThatThrownBy(() -> ParisTime.parseDate("12/31/2025", "Date de début"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Le champ « Date de début » doit contenir une date qui existe, écrite jour/mois/année (JJ/MM/AAAA) : « 12/31/2025 » n'en est pas une.");
    assertThatThrownBy(() -> ParisTime.parseDate("29/02/2027", "Date de début")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ParisTime.parseDate(" ", "Date de début"))
        .hasMessage("Le champ « Date de début » est obligatoire.");
    assertThatThrownBy(() -> ParisTime.parseDate("2026-02-30", "Date de début"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void refusesTheHourSkippedWhenClocksGoForwardAndKeepsTheFirstOfTheRepeatedHour() {
    assertThatThrownBy(() -> ParisTime.parseDateTime("2026-03-29T02:30", "Rendez-vous"))
        .hasMessageContaining("n'existe pas en France");
    // 25 October 2026, 2:30 happens twice: the first one (summer time) is kept.
    assertThat(ParisTime.parseDateTime("2026-10-25T02:30", "Rendez-vous").getOffset().getTotalSeconds())
        .isEqualTo(7200);
  }

  @Test
  void todayIsTheParisDateOfTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-28T23:30:00Z")));
    assertThat(ParisTime.today()).isEqualTo(LocalDate.of(2026, 3, 29));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-29T21:59:00Z")));
    assertThat(ParisTime.today()).isEqualTo(LocalDate.of(2026, 3, 29));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-29T22:00:00Z")));
    assertThat(ParisTime.today()).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void tellsDatesInFrench() {
    assertThat(ParisTime.formatDate(LocalDate.of(2026, 2, 28))).isEqualTo("28 février 2026");
    assertThat(ParisTime.formatDateTime(ZonedDateTime.parse("2026-03-30T08:15Z")))
        .isEqualTo("lundi 30 mars 2026 à 10h15");
  }

  @Test
  void theFirstDayOfAMonthIsWrittenPremier() {
    assertThat(ParisTime.formatDate(LocalDate.of(2027, 2, 1))).isEqualTo("1er février 2027");
    assertThat(ParisTime.formatDate(LocalDate.of(2027, 2, 2))).isEqualTo("2 février 2027");
    assertThat(ParisTime.formatDate(LocalDate.of(2027, 1, 31))).isEqualTo("31 janvier 2027");
    assertThat(ParisTime.formatDate(LocalDate.of(2027, 1, 11))).isEqualTo("11 janvier 2027");
    assertThat(ParisTime.formatDate(LocalDate.of(2027, 1, 21))).isEqualTo("21 janvier 2027");
    String[] months = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"};
    for (int month = 1; month <= 12; month++) {
      assertThat(ParisTime.formatDate(LocalDate.of(2027, month, 1))).isEqualTo("1er " + months[month - 1] + " 2027");
    }
    // 1 December 2025, 10:15 in Paris (winter time, UTC+1).
    assertThat(ParisTime.formatDateTime(ZonedDateTime.parse("2025-12-01T09:15Z"))).isEqualTo("lundi 1er décembre 2025 à 10h15");
    assertThat(ParisTime.formatDateTime(ZonedDateTime.parse("2025-12-02T09:15Z"))).isEqualTo("mardi 2 décembre 2025 à 10h15");
    // 23:30 UTC on 31 March is already 1 April in Paris.
    assertThat(ParisTime.formatDateTime(ZonedDateTime.parse("2026-03-31T22:30Z"))).isEqualTo("mercredi 1er avril 2026 à 00h30");
  }
}
