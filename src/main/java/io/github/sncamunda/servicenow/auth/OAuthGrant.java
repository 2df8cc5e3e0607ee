package io.github.sncamunda.servicenow.auth;

/**
 * An authentication that exchanges credentials for an access token at ServiceNow's token URL. The
 * {@link Authenticator} turns each kind into its token request; the records only carry values.
 */
sealed interface OAuthGrant
    permits OAuthClientCredentialsAuthentication,
        OAuthPasswordAuthentication,
        OAuthJwtBearerAuthentication {

  String clientId();

  String clientSecret();

  /** Optional explicit token URL; null or blank means {@code <instance>/oauth_token.do}. */
  String tokenUrl();
}
