package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.github.sncamunda.servicenow.auth.AccessToken;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.BearerTokenAuthentication;
import io.github.sncamunda.servicenow.auth.FormBody;
import io.github.sncamunda.servicenow.auth.OAuthGrant;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.auth.TokenCache;
import io.github.sncamunda.servicenow.auth.TokenKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Turns an authentication into the header a request carries, fetching and caching OAuth tokens. */
final class Authenticator {

  /** The header to send; {@code token} is set when ServiceNow may refuse it as stale. */
  record Credential(String header, String value, TokenKey key, AccessToken token) {
    boolean renewable() {
      return token != null;
    }

    @Override
    public String toString() {
      return "Credential[header=" + header + ", value=" + ServiceNowAuthentication.REDACTED + "]";
    }
  }

  /** Sends one form POST to the token endpoint with the client's retry rules. */
  interface TokenEndpoint {
    RawResponse post(URI tokenUrl, byte[] form, String call);
  }

  private final TokenCache tokens;
  private final Clock clock;

  Authenticator(TokenCache tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  Credential credential(
      ServiceNowEndpoint endpoint, ServiceNowAuthentication auth, TokenEndpoint tokenEndpoint) {
    if (auth instanceof BasicAuthentication basic) {
      String pair = basic.username() + ":" + basic.password();
      return new Credential(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
          null,
          null);
    }
    if (auth instanceof BearerTokenAuthentication bearer) {
      return new Credential("Authorization", "Bearer " + bearer.token(), null, null);
    }
    if (auth instanceof ApiKeyAuthentication apiKey) {
      return new Credential(ApiKeyAuthentication.HEADER, apiKey.apiKey(), null, null);
    }
    return oauth(endpoint, (OAuthGrant) auth, tokenEndpoint);
  }

  /** ServiceNow refused the token: drop it so the next credential() fetches a fresh one. */
  void reject(Credential credential) {
    if (credential.renewable()) {
      tokens.invalidate(credential.key(), credential.token());
    }
  }

  private Credential oauth(
      ServiceNowEndpoint endpoint, OAuthGrant grant, TokenEndpoint tokenEndpoint) {
    URI tokenUrl =
        grant.tokenUrl() == null || grant.tokenUrl().isBlank()
            ? endpoint.defaultTokenUrl()
            : ServiceNowEndpoint.checkedUrl(grant.tokenUrl(), "Token URL");
    TokenKey key = TokenKey.of(tokenUrl.toString(), grant);
    AccessToken token =
        tokens.get(
            key,
            new TokenCache.Fetcher() {
              @Override
              public AccessToken grant() {
                FormBody form = new FormBody().add("grant_type", grant.grantType());
                grant.addGrantParameters(form);
                return request(tokenUrl, form, grant.grantType(), tokenEndpoint);
              }

              @Override
              public AccessToken refresh(String refreshToken) {
                FormBody form =
                    new FormBody()
                        .add("grant_type", "refresh_token")
                        .add("client_id", grant.refreshClientId())
                        .add("client_secret", grant.refreshClientSecret())
                        .add("refresh_token", refreshToken);
                return request(tokenUrl, form, "refresh_token", tokenEndpoint);
              }
            });
    return new Credential("Authorization", "Bearer " + token.value(), key, token);
  }

  private AccessToken request(
      URI tokenUrl, FormBody form, String grantType, TokenEndpoint tokenEndpoint) {
    String call = "OAuth " + grantType + " token request to " + tokenUrl;
    RawResponse response = tokenEndpoint.post(tokenUrl, form.bytes(), call);
    if (!response.successful()) {
      String reason = ServiceNowErrors.serviceNowReason(response);
      throw authenticationFailed(
          call
              + " was refused with "
              + response.status()
              + (reason.isEmpty() ? "" : " (" + reason + ")")
              + ". "
              + advice(grantType),
          response.status(),
          reason);
    }
    JsonNode json = ServiceNowErrors.tryJson(response.body());
    JsonNode accessToken = json == null ? null : json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw authenticationFailed(
          call + " answered " + response.status() + " without an access_token; check the token URL",
          response.status(),
          "");
    }
    long expiresIn = json.path("expires_in").asLong(1799);
    JsonNode refresh = json.get("refresh_token");
    return new AccessToken(
        accessToken.asText(),
        refresh != null && refresh.isTextual() && !refresh.asText().isBlank()
            ? refresh.asText()
            : null,
        clock.instant().plus(Duration.ofSeconds(Math.max(expiresIn, 0))));
  }

  private static String advice(String grantType) {
    String common =
        "ServiceNow answers every OAuth misconfiguration alike (access_denied); check the client"
            + " ID, client secret and token URL, and that the OAuth application registry entry is"
            + " active.";
    return switch (grantType) {
      case "client_credentials" ->
          common
              + " The client credentials grant also needs the system property"
              + " glide.oauth.inbound.client.credential.grant_type.enabled=true and an OAuth"
              + " application user on the registry entry.";
      case "password" ->
          common + " The password grant also needs a valid, unlocked username and password.";
      default -> common;
    };
  }

  private static ConnectorException authenticationFailed(
      String message, int status, String reason) {
    // only status and the endpoint's own error fields: a token response body may carry tokens
    Map<String, Object> safe = Map.of("status", status, "reason", reason);
    return new ConnectorExceptionBuilder()
        .errorCode(ErrorCodes.AUTHENTICATION_FAILED)
        .message(message)
        .errorVariables(Map.of("response", safe))
        .build();
  }
}
