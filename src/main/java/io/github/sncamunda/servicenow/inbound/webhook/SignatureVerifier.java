package io.github.sncamunda.servicenow.inbound.webhook;

import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Accepted;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Reason;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a call signed by the shipped ServiceNow script include: {@value #SIGNATURE_HEADER} is
 * {@code v1=} and the Base64 HMAC-SHA256, keyed with the UTF-8 bytes of the shared secret, of
 * {@code timestamp + "." + body}, where the timestamp is {@value #TIMESTAMP_HEADER} in Unix
 * seconds. The timestamp is part of what is signed, so a captured call cannot be sent again with a
 * fresh time; it must lie within the tolerance of this JVM's clock in either direction (clocks
 * drift both ways). A replay inside the window passes here by design: the engine drops it through
 * the message ID.
 */
public final class SignatureVerifier {

  public static final String TIMESTAMP_HEADER = "X-SN-Timestamp";
  public static final String SIGNATURE_HEADER = "X-SN-Signature";

  /** The signature scheme, so a later scheme can be told apart and old callers refused. */
  public static final String SCHEME = "v1=";

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  // at most 12 digits: beyond the year 33000, and no overflow when turned into a long
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
  // standard Base64 of 32 bytes: 43 characters and one '='
  private static final Pattern BASE64_DIGEST = Pattern.compile("[A-Za-z0-9+/]{43}=");

  private final SecretKeySpec key;
  private final Duration tolerance;
  private final Clock clock;
  private final DigestEquality equality;

  public SignatureVerifier(String secret, Duration tolerance, Clock clock) {
    this(secret, tolerance, clock, DigestEquality.CONSTANT_TIME);
  }

  SignatureVerifier(String secret, Duration tolerance, Clock clock, DigestEquality equality) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the shared secret is empty");
    }
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("the tolerance must be positive");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.tolerance = tolerance;
    this.clock = Objects.requireNonNull(clock);
    this.equality = Objects.requireNonNull(equality);
  }

  /** Headers as the runtime hands them over: any letter case. */
  public Verdict verify(Map<String, String> headers, byte[] body) {
    String timestamp = header(headers, TIMESTAMP_HEADER);
    String signature = header(headers, SIGNATURE_HEADER);
    if (timestamp == null || signature == null) {
      return new Rejected(Reason.MISSING_HEADER);
    }
    if (!SECONDS.matcher(timestamp).matches()) {
      return new Rejected(Reason.MALFORMED_TIMESTAMP);
    }
    if (!signature.startsWith(SCHEME)
        || !BASE64_DIGEST.matcher(signature.substring(SCHEME.length())).matches()) {
      return new Rejected(Reason.MALFORMED_SIGNATURE);
    }
    long seconds = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (seconds < now - tolerance.toSeconds()) {
      return new Rejected(Reason.TOO_OLD);
    }
    if (seconds > now + tolerance.toSeconds()) {
      return new Rejected(Reason.TOO_NEW);
    }
    byte[] received = Base64.getDecoder().decode(signature.substring(SCHEME.length()));
    byte[] expected = digest(timestamp, body);
    // both are 32 bytes (SHA-256; the pattern above), so only their content is compared
    return equality.equal(expected, received)
        ? new Accepted(seconds)
        : new Rejected(Reason.MISMATCH);
  }

  private byte[] digest(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is in every JDK; a key is never refused by it
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String header(Map<String, String> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (name.equalsIgnoreCase(header.getKey())) {
        return header.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "SignatureVerifier[tolerance=" + tolerance + "]";
  }
}
