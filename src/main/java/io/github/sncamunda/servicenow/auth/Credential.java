package io.github.sncamunda.servicenow.auth;

import io.github.sncamunda.servicenow.common.Fingerprint;

/**
 * The header one request carries to prove who it is. An OAuth credential also remembers which
 * cached token it holds, so the {@link Authenticator} can drop exactly that one when ServiceNow
 * refuses it. Never printed with its value.
 */
public final class Credential {

  private final String header;
  private final String value;
  private final Fingerprint key;
  private final AccessToken token;
  private final Authenticator.TokenRequest request;

  private Credential(
      String header,
      String value,
      Fingerprint key,
      AccessToken token,
      Authenticator.TokenRequest request) {
    this.header = header;
    this.value = value;
    this.key = key;
    this.token = token;
    this.request = request;
  }

  static Credential fixed(String header, String value) {
    return new Credential(header, value, null, null, null);
  }

  static Credential renewable(
      String header,
      String value,
      Fingerprint key,
      AccessToken token,
      Authenticator.TokenRequest request) {
    return new Credential(header, value, key, token, request);
  }

  /** The header name, e.g. {@code Authorization} or {@code x-sn-apikey}. */
  public String header() {
    return header;
  }

  /** The header value: a secret. */
  public String value() {
    return value;
  }

  Fingerprint key() {
    return key;
  }

  AccessToken token() {
    return token;
  }

  Authenticator.TokenRequest request() {
    return request;
  }

  @Override
  public String toString() {
    return "Credential[header=" + header + ", value=" + ServiceNowAuthentication.REDACTED + "]";
  }
}
