package io.github.sncamunda.servicenow.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A token from ServiceNow's token endpoint, renewed at {@code renewAt}: {@link #RENEWAL_MARGIN}
 * before it expires, or a tenth of its lifetime when that is shorter, so a token that lives five
 * seconds is still used for most of them instead of being renewed on every call.
 */
record AccessToken(String value, String refreshToken, Instant expiresAt, Instant renewAt) {

  static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);

  static AccessToken issued(String value, String refreshToken, Instant now, Duration lifetime) {
    Duration margin = lifetime.dividedBy(10);
    if (margin.compareTo(RENEWAL_MARGIN) > 0) {
      margin = RENEWAL_MARGIN;
    }
    Instant expiresAt = now.plus(lifetime);
    return new AccessToken(value, refreshToken, expiresAt, expiresAt.minus(margin));
  }

  boolean usableAt(Instant now) {
    return now.isBefore(renewAt);
  }

  @Override
  public String toString() {
    return "AccessToken[expiresAt="
        + expiresAt
        + ", value="
        + ServiceNowAuthentication.REDACTED
        + "]";
  }
}
