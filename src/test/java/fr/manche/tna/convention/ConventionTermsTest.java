package fr.manche.tna.convention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The convention's dates: R02, R05, R06, R07 and the end reminders. */
class ConventionTermsTest {

  @Test
  void r02TheConventionTakesEffectOnTheLastSignatureAndLastsThreeYears() {
    LocalDate effective = ConventionTerms.effectiveDate(LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 20));
    assertThat(effective).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(ConventionTerms.lastDayInForce(effective)).isEqualTo(LocalDate.of(2029, 3, 19));
    assertThat(ConventionTerms.inForce(effective, LocalDate.of(2029, 3, 19))).isTrue();
    assertThat(ConventionTerms.inForce(effective, LocalDate.of(2029, 3, 20))).isFalse();
    assertThat(ConventionTerms.inForce(effective, LocalDate.of(2026, 3, 19))).isFalse();
  }

  @Test
  void r02LeapDays() {
    // Signed on 29 February 2028: no 29 February in 2031, in force through 28 February 2031.
    assertThat(ConventionTerms.lastDayInForce(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2031, 2, 28));
    // Signed on 1 March 2029: the day before 1 March 2032 is 29 February 2032 (leap year).
    assertThat(ConventionTerms.lastDayInForce(LocalDate.of(2029, 3, 1))).isEqualTo(LocalDate.of(2032, 2, 29));
    // Signed on 28 February 2027: through 27 February 2030.
    assertThat(ConventionTerms.lastDayInForce(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2030, 2, 27));
    // Signed on 29 February 2024, third anniversary in 2027 missing: through 28 February 2027.
    assertThat(ConventionTerms.lastDayInForce(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 28));
  }

  @Test
  void r05AnAmendmentRequestExactlyThreeMonthsBeforeTheEndIsInTimeOneDayLaterIsNot() {
    LocalDate end = LocalDate.of(2029, 3, 19);
    assertThatCode(() -> ConventionTerms.checkAmendmentRequestInTime(LocalDate.of(2028, 12, 19), end))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ConventionTerms.checkAmendmentRequestInTime(LocalDate.of(2028, 12, 20), end))
        .hasMessageContaining("au moins trois mois avant la fin de la convention")
        .hasMessageContaining("au plus tard le 19 décembre 2028")
        .hasMessageEndingWith("la demande devait arriver au plus tard le 19 décembre 2028.");
    // A last day on 31 May: three months before is 28 February (no 31 February).
    assertThat(ConventionTerms.amendmentRequestDeadline(LocalDate.of(2029, 5, 31))).isEqualTo(LocalDate.of(2029, 2, 28));
  }

  @Test
  void r06AnAmendmentTakesEffectOnTheFirstOfTheNextMonthUnlessItNamesALaterDate() {
    assertThat(ConventionTerms.amendmentEffectiveDate(LocalDate.of(2027, 1, 31), null)).isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(ConventionTerms.amendmentEffectiveDate(LocalDate.of(2027, 2, 1), null)).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(ConventionTerms.amendmentEffectiveDate(LocalDate.of(2027, 12, 15), null)).isEqualTo(LocalDate.of(2028, 1, 1));
    assertThat(ConventionTerms.amendmentEffectiveDate(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 6, 1)))
        .isEqualTo(LocalDate.of(2027, 6, 1));
    assertThat(ConventionTerms.amendmentEffectiveDate(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 15)))
        .as("an earlier date is not retroactive").isEqualTo(LocalDate.of(2027, 2, 1));
  }

  @Test
  void r07TheNoticePeriodCountsParisDaysAcrossTheChangeToSummerTime() {
    // Acknowledged on 10 March 2026 (winter time); the clocks go forward on 29 March.
    ZonedDateTime from = ConventionTerms.terminationPossibleFrom(LocalDate.of(2026, 3, 10));
    assertThat(from.toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 9));
    assertThat(from.toInstant()).isEqualTo(Instant.parse("2026-04-08T22:00:00Z"));
    // 30 × 24 hours after midnight on 10 March would be 1:00 in Paris on 9 April: not what the convention says.
    assertThat(from.toInstant()).isNotEqualTo(LocalDate.of(2026, 3, 10).atStartOfDay(from.getZone()).toInstant().plusSeconds(30L * 86400));
  }

  @Test
  void remindersGoSixAndFourMonthsBeforeTheEndAtNineInParis() {
    assertThat(ConventionTerms.endReminders(LocalDate.of(2029, 3, 19)))
        .extracting(ZonedDateTime::toInstant)
        .containsExactly(Instant.parse("2028-09-19T07:00:00Z"), Instant.parse("2028-11-19T08:00:00Z"));
  }
}
