package io.github.sncamunda.servicenow.auth;

import java.time.Instant;

/** A token from ServiceNow's token endpoint; redacts itself when printed. */
public record AccessToken(String value, String refreshToken, Instant expiresAt) {

  public boolean usableAt(Instant now, java.time.Duration skew) {
    return now.isBefore(expiresAt.minus(skew));
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
