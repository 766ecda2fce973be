package fr.manche.tna.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** R01: only an identified body, with a valid SIRET, can sign. */
class SiretTest {

  @Test
  void acceptsAValidSiretWithOrWithoutSpaces() {
    assertThat(Siret.normalise("215 006 395 00010")).isEqualTo("21500639500010");
    assertThat(Siret.normalise("81234567800013")).isEqualTo("81234567800013");
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThatThrownBy(() -> Siret.normalise("21500639500011"))
        .hasMessageContaining("n'est pas valide (sa clé de contrôle ne correspond pas)");
  }

  @Test
  void refusesAnythingButFourteenDigits() {
    assertThatThrownBy(() -> Siret.normalise("2150063950001"))
        .hasMessage("Le numéro SIRET doit comporter exactement 14 chiffres (vous avez saisi « 2150063950001 »).");
    assertThatThrownBy(() -> Siret.normalise("2150063950001A")).hasMessageContaining("14 chiffres");
    assertThatThrownBy(() -> Siret.normalise(null)).hasMessageContaining("14 chiffres");
  }

  @Test
  void laPosteEstablishmentsFollowTheirOwnRule() {
    // SIREN 356000000: the sum of the digits is a multiple of 5.
    assertThat(Siret.isValid("35600000000010")).isTrue();
    assertThat(Siret.isValid("35600000000011")).isFalse();
  }

  @Test
  void r01OnlyThreeLegalFormsMaySign() {
    assertThat(LegalForm.fromSubmitted("EPCI")).isEqualTo(LegalForm.EPCI);
    assertThatThrownBy(() -> LegalForm.fromSubmitted("SARL"))
        .hasMessageStartingWith("Seules peuvent signer la convention (article 2) : Collectivité territoriale");
  }
}
