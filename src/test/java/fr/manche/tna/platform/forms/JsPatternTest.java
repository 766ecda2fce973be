package fr.manche.tna.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A form's pattern means in Java what it means to form-js's {@code new RegExp(pattern).test(value)}. */
class JsPatternTest {

  private static boolean test(String pattern, String value) {
    return JsPattern.compile(pattern).matcher(value).find();
  }

  @Test
  void thePatternIsSearchedNotMatchedAsAWhole() {
    assertThat(test("\\d{3}", "abc 123 def")).isTrue();
    assertThat(test("^\\d{3}$", "abc 123 def")).isFalse();
  }

  @Test
  void dollarEndsTheInputEvenBeforeAFinalLineBreak() {
    assertThat(test("^abc$", "abc")).isTrue();
    assertThat(test("^abc$", "abc\n")).isFalse();
    assertThat(test("^a[$]$", "a$")).isTrue();
    assertThat(test("^a\\$$", "a$")).isTrue();
  }

  @Test
  void spacesAreJavaScriptSpaces() {
    assertThat(test("^\\s$", "\u00a0")).isTrue();
    assertThat(test("^\\s$", "\u202f")).isTrue();
    assertThat(test("^\\s$", "\u3000")).isTrue();
    assertThat(test("^[\\s\\d]+$", "1\u00a02")).isTrue();
    assertThat(test("^\\S$", "\u00a0")).isFalse();
    assertThat(test("^[\\S]$", "a")).isTrue();
    assertThat(test("^[^\\s]$", "\u00a0")).isFalse();
  }

  @Test
  void charactersThatAreSpecialInJavaClassesOnlyArePlain() {
    assertThat(test("^[[]$", "[")).isTrue();
    assertThat(test("^[a&&b]+$", "a&b")).isTrue();
    assertThat(test("^[^]$", "\n")).isTrue();
    assertThat(test("a[]", "a")).isFalse();
  }

  @Test
  void theRepositorysPatternsReadAsTheyMean() {
    String siret = "^\\s*(\\d\\s*){14}$";
    assertThat(test(siret, "215 050 193 00014 ")).isTrue();
    assertThat(test(siret, "2150501930001")).isFalse();
    String optionalDate = "^\\s*(\\d{1,2}/\\d{1,2}/\\d{4})?\\s*$";
    assertThat(test(optionalDate, "")).isTrue();
    assertThat(test(optionalDate, " 1/9/2027 ")).isTrue();
    assertThat(test(optionalDate, "1/9/27")).isFalse();
  }

  @Test
  void anUnreadablePatternIsToldWithItsTranslation() {
    assertThatThrownBy(() -> JsPattern.compile("(a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(a");
  }
}
