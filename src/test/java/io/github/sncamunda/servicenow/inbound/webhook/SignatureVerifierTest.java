package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Accepted;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Reason;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {

  private static final String SECRET = "whsec-Known+Value/0123456789";
  private static final long NOW = 1_796_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private static final byte[] BODY =
      "{\"version\":1,\"table\":\"incident\",\"sys_id\":\"a1\",\"sys_mod_count\":3}"
          .getBytes(StandardCharsets.UTF_8);

  private final SignatureVerifier verifier =
      new SignatureVerifier(SECRET, SignatureVerifier.DEFAULT_TOLERANCE, CLOCK);

  @Test
  void aGoodSignatureIsAccepted() {
    assertThat(verifier.verify(TestSigner.headers(SECRET, NOW, BODY), BODY))
        .isEqualTo(new Accepted(NOW));
  }

  @Test
  void headerNamesInAnyCaseAreFound() {
    Map<String, String> lower = new HashMap<>();
    TestSigner.headers(SECRET, NOW, BODY).forEach((k, v) -> lower.put(k.toLowerCase(), v));
    assertThat(verifier.verify(lower, BODY)).isInstanceOf(Accepted.class);
  }

  @Test
  void aWrongSecretIsRefused() {
    var headers = TestSigner.headers("whsec-another-secret-value", NOW, BODY);
    assertThat(verifier.verify(headers, BODY)).isEqualTo(new Rejected(Reason.MISMATCH));
  }

  @Test
  void aBodyChangedByOneByteIsRefused() {
    var headers = TestSigner.headers(SECRET, NOW, BODY);
    byte[] changed = BODY.clone();
    changed[changed.length - 2]++; // sys_mod_count 3 -> 4
    assertThat(verifier.verify(headers, changed)).isEqualTo(new Rejected(Reason.MISMATCH));
  }

  @Test
  void aTimestampChangedAfterSigningIsRefused() {
    var headers = TestSigner.headers(SECRET, NOW - 10, BODY);
    headers.put("X-SN-Timestamp", Long.toString(NOW));
    assertThat(verifier.verify(headers, BODY)).isEqualTo(new Rejected(Reason.MISMATCH));
  }

  @Test
  void theWindowIsFiveMinutesEachWayInclusive() {
    assertThat(verifier.verify(TestSigner.headers(SECRET, NOW - 300, BODY), BODY))
        .isInstanceOf(Accepted.class);
    assertThat(verifier.verify(TestSigner.headers(SECRET, NOW + 300, BODY), BODY))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aTimestampTooOldIsRefused() {
    assertThat(verifier.verify(TestSigner.headers(SECRET, NOW - 301, BODY), BODY))
        .isEqualTo(new Rejected(Reason.TOO_OLD));
  }

  @Test
  void aTimestampTooFarInTheFutureIsRefused() {
    assertThat(verifier.verify(TestSigner.headers(SECRET, NOW + 301, BODY), BODY))
        .isEqualTo(new Rejected(Reason.TOO_NEW));
  }

  @Test
  void aConfiguredToleranceIsUsed() {
    var strict = new SignatureVerifier(SECRET, Duration.ofSeconds(30), CLOCK);
    assertThat(strict.verify(TestSigner.headers(SECRET, NOW - 31, BODY), BODY))
        .isEqualTo(new Rejected(Reason.TOO_OLD));
    assertThat(strict.verify(TestSigner.headers(SECRET, NOW - 30, BODY), BODY))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aReplayInsideTheWindowPassesTheVerifier() {
    // captured at NOW, sent again two minutes later: the verifier accepts it; the engine drops
    // it through the message ID (WebhookE2ETest shows that part)
    var captured = TestSigner.headers(SECRET, NOW, BODY);
    var later =
        new SignatureVerifier(
            SECRET,
            SignatureVerifier.DEFAULT_TOLERANCE,
            Clock.offset(CLOCK, Duration.ofMinutes(2)));
    assertThat(verifier.verify(captured, BODY)).isEqualTo(new Accepted(NOW));
    assertThat(later.verify(captured, BODY)).isEqualTo(new Accepted(NOW));
  }

  @Test
  void missingHeadersAreRefused() {
    var noSignature = TestSigner.headers(SECRET, NOW, BODY);
    noSignature.remove("X-SN-Signature");
    var noTimestamp = TestSigner.headers(SECRET, NOW, BODY);
    noTimestamp.remove("X-SN-Timestamp");
    assertThat(verifier.verify(noSignature, BODY)).isEqualTo(new Rejected(Reason.MISSING_HEADER));
    assertThat(verifier.verify(noTimestamp, BODY)).isEqualTo(new Rejected(Reason.MISSING_HEADER));
    assertThat(verifier.verify(Map.of(), BODY)).isEqualTo(new Rejected(Reason.MISSING_HEADER));
    assertThat(verifier.verify(null, BODY)).isEqualTo(new Rejected(Reason.MISSING_HEADER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " 1796000000", "1796000000.5", "-1796000000", "1e9", "9999999999999"})
  void malformedTimestampsAreRefused(String timestamp) {
    var headers = TestSigner.headers(SECRET, NOW, BODY);
    headers.put("X-SN-Timestamp", timestamp);
    assertThat(verifier.verify(headers, BODY)).isEqualTo(new Rejected(Reason.MALFORMED_TIMESTAMP));
  }

  @Test
  void malformedSignaturesAreRefusedWithoutComparing() {
    String good = TestSigner.signature(SECRET, NOW, BODY);
    String digest = good.substring(3);
    List<String> malformed =
        List.of(
            "",
            digest, // no scheme
            "v2=" + digest, // another scheme
            "sha256=" + digest,
            "v1=" + digest.substring(1), // 31 bytes and a bit
            "v1=" + digest + "AAAA", // 35 bytes
            "v1=" + digest.replace('=', ' '),
            "v1=" + digest.replace(digest.charAt(0), '*'),
            "v1="
                + java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(digest)));
    List<byte[][]> compared = new ArrayList<>();
    var recording =
        new SignatureVerifier(
            SECRET,
            SignatureVerifier.DEFAULT_TOLERANCE,
            CLOCK,
            (a, b) -> compared.add(new byte[][] {a, b}) && false);
    for (String signature : malformed) {
      var headers = TestSigner.headers(SECRET, NOW, BODY);
      headers.put("X-SN-Signature", signature);
      assertThat(recording.verify(headers, BODY))
          .as(signature)
          .isEqualTo(new Rejected(Reason.MALFORMED_SIGNATURE));
    }
    assertThat(compared).isEmpty();
  }

  @Test
  void theComparisonIsMessageDigestIsEqualOverTwoDigestsOfEqualLength() {
    List<byte[][]> compared = new ArrayList<>();
    DigestEquality recording =
        (expected, received) -> {
          compared.add(new byte[][] {expected, received});
          return DigestEquality.CONSTANT_TIME.equal(expected, received);
        };
    var seen = new SignatureVerifier(SECRET, SignatureVerifier.DEFAULT_TOLERANCE, CLOCK, recording);
    assertThat(seen.verify(TestSigner.headers(SECRET, NOW, BODY), BODY))
        .isInstanceOf(Accepted.class);
    assertThat(seen.verify(TestSigner.headers("wrong-secret-value", NOW, BODY), BODY))
        .isEqualTo(new Rejected(Reason.MISMATCH));
    assertThat(compared).hasSize(2);
    for (byte[][] pair : compared) {
      assertThat(pair[0]).hasSize(32);
      assertThat(pair[1]).hasSize(32);
    }
    // the production seam is MessageDigest.isEqual itself: same answers, including the length rule
    // it applies (unequal lengths are never equal), and the public constructor uses it
    byte[] a = compared.get(0)[0];
    assertThat(DigestEquality.CONSTANT_TIME.equal(a, a.clone())).isTrue();
    assertThat(DigestEquality.CONSTANT_TIME.equal(a, compared.get(1)[1])).isFalse();
    assertThat(DigestEquality.CONSTANT_TIME.equal(a, java.util.Arrays.copyOf(a, 31))).isFalse();
    assertThat(verifier).extracting("equality").isSameAs(DigestEquality.CONSTANT_TIME);
  }

  @Test
  void anEmptySecretOrToleranceIsRefusedAndNothingShowsTheSecret() {
    assertThatThrownBy(() -> new SignatureVerifier("", Duration.ofMinutes(5), CLOCK))
        .hasMessage("the shared secret is empty");
    assertThatThrownBy(() -> new SignatureVerifier(SECRET, Duration.ZERO, CLOCK))
        .hasMessage("the tolerance must be positive");
    assertThat(verifier.toString()).isEqualTo("SignatureVerifier[tolerance=PT5M]");
  }
}
