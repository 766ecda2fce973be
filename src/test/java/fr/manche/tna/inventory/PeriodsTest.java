package fr.manche.tna.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods told in French, as every refusal and proposal of the availability tells them. */
class PeriodsTest {

  @Test
  void aPeriodSaysItsMonthAndYearOnceWhenItCan() {
    assertThat(Periods.french(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 9))).isEqualTo("du 3 au 9 mars 2027");
    assertThat(Periods.french(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 9))).isEqualTo("du 1er au 9 mars 2027");
    assertThat(Periods.french(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 1)))
        .isEqualTo("du 28 février au 1er mars 2027");
    assertThat(Periods.french(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)))
        .isEqualTo("du 28 décembre 2026 au 3 janvier 2027");
    assertThat(Periods.french(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 3))).isEqualTo("le 3 mars 2027");
  }
}
