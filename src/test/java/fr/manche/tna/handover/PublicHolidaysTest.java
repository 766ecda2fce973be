package fr.manche.tna.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R12: the French public holidays are computed, the movable ones from Easter. */
class PublicHolidaysTest {

  @Test
  void easterFallsWhereTheCalendarsSay() {
    assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    assertThat(PublicHolidays.easterSunday(2028)).isEqualTo(LocalDate.of(2028, 4, 16));
    assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    assertThat(PublicHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
  }

  @Test
  void easterMondayAscensionAndWhitMondayMoveWithEaster() {
    assertThat(PublicHolidays.on(LocalDate.of(2027, 3, 29))).contains("le lundi de Pâques");
    assertThat(PublicHolidays.on(LocalDate.of(2027, 5, 6))).contains("l'Ascension");
    assertThat(PublicHolidays.on(LocalDate.of(2027, 5, 17))).contains("le lundi de Pentecôte");
    assertThat(PublicHolidays.on(LocalDate.of(2026, 4, 6))).contains("le lundi de Pâques");
    assertThat(PublicHolidays.on(LocalDate.of(2026, 5, 14))).contains("l'Ascension");
    assertThat(PublicHolidays.on(LocalDate.of(2026, 5, 25))).contains("le lundi de Pentecôte");
    assertThat(PublicHolidays.on(LocalDate.of(2027, 3, 28))).as("Easter Sunday is a Sunday, not a holiday here").isEmpty();
  }

  @Test
  void elevenHolidaysAYearTheFixedOnesOnTheirDay() {
    for (int year = 2026; year <= 2040; year++) {
      assertThat(PublicHolidays.of(year)).hasSize(11);
    }
    assertThat(PublicHolidays.on(LocalDate.of(2027, 7, 14))).contains("la fête nationale");
    assertThat(PublicHolidays.on(LocalDate.of(2027, 11, 11))).contains("l'Armistice de 1918");
    assertThat(PublicHolidays.on(LocalDate.of(2027, 12, 26))).isEmpty();
  }
}
