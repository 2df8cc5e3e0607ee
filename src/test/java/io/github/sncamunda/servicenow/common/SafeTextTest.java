package io.github.sncamunda.servicenow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void plainTextIsQuotedAsItIs() {
    assertThat(SafeText.quote("dev12345")).isEqualTo("'dev12345'");
    assertThat(SafeText.quote("Ünïcødé ok 😀")).isEqualTo("'Ünïcødé ok 😀'");
  }

  @Test
  void controlCharactersAreEscaped() {
    assertThat(SafeText.quote("a\nb\rc\u0000d\u007fe\u0085"))
        .isEqualTo("'a\\u000ab\\u000dc\\u0000d\\u007fe\\u0085'");
  }

  @Test
  void bidiOverridesAndIsolatesAreEscaped() {
    assertThat(SafeText.quote("invoice\u202Efdp.exe")).isEqualTo("'invoice\\u202efdp.exe'");
    assertThat(SafeText.quote("\u2066x\u2069")).isEqualTo("'\\u2066x\\u2069'");
  }

  @Test
  void zeroWidthAndSeparatorCharactersAreEscaped() {
    assertThat(SafeText.quote("a\u200Bb\u200Dc\uFEFFd\u2028e\u2029"))
        .isEqualTo("'a\\u200bb\\u200dc\\ufeffd\\u2028e\\u2029'");
  }

  @Test
  void loneSurrogatesAndUnassignedCodePointsAreEscaped() {
    assertThat(SafeText.quote("x\uD800y")).isEqualTo("'x\\ud800y'");
    assertThat(SafeText.quote("x\uFFFFy")).isEqualTo("'x\\uffffy'");
  }

  @Test
  void longValuesAreCutAfterSixtyFourCodePoints() {
    assertThat(SafeText.quote("a".repeat(64))).isEqualTo("'" + "a".repeat(64) + "'");
    assertThat(SafeText.quote("a".repeat(65))).isEqualTo("'" + "a".repeat(64) + "…'");
    // counted in code points, so a cut never splits a surrogate pair
    assertThat(SafeText.quote("😀".repeat(70))).isEqualTo("'" + "😀".repeat(64) + "…'");
    assertThat(SafeText.escape("b".repeat(10), 3)).isEqualTo("bbb…");
  }

  @Test
  void nullIsShownAsNull() {
    assertThat(SafeText.quote(null)).isEqualTo("'null'");
  }
}
