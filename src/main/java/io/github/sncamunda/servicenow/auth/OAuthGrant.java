package io.github.sncamunda.servicenow.auth;

/** An authentication that exchanges credentials for an access token at ServiceNow's token URL. */
public interface OAuthGrant {

  String grantType();

  /** Optional explicit token URL; null or blank means {@code <instance>/oauth_token.do}. */
  String tokenUrl();

  void addGrantParameters(FormBody form);

  String refreshClientId();

  String refreshClientSecret();

  /** Everything that identifies the credential; only ever hashed, never logged or stored. */
  String identity();
}
