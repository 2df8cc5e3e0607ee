package io.github.sncamunda.servicenow.auth;

/**
 * An authentication that exchanges credentials for an access token at ServiceNow's token URL. The
 * {@link Authenticator} turns each kind into its token request; the records only carry values.
 */
sealed interface OAuthGrant
    permits OAuthClientCredentialsAuthentication,
        OAuthPasswordAuthentication,
        OAuthJwtBearerAuthentication {

  /** Hover help of every grant's Token URL field. */
  String TOKEN_URL_TOOLTIP =
      "Where tokens come from; https://<instance name>.service-now.com/oauth_token.do when empty.";

  String clientId();

  String clientSecret();

  /** Optional explicit token URL; null or blank means {@code <instance>/oauth_token.do}. */
  String tokenUrl();
}
