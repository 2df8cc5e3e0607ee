package io.github.sncamunda.servicenow.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Fingerprint;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.Memo;
import io.github.sncamunda.servicenow.common.UrlRules;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an authentication into the header a request carries. OAuth tokens are fetched through the
 * {@link TokenTransport} given at construction, cached per credential for the whole JVM, and, in
 * the spirit of OkHttp's authenticator, renewed once when ServiceNow refuses one ({@link
 * #renewAfterUnauthorized}).
 */
public final class Authenticator {

  static final String AUTHORIZATION = "Authorization";
  private static final long DEFAULT_LIFETIME_SECONDS = 1799;

  private final TokenTransport transport;
  private final TokenCache tokens;
  private final Clock clock;
  // validating an explicit token URL is pure; a runtime uses a handful of them
  private final Memo<String, URI> tokenUrls =
      new Memo<>(url -> UrlRules.checked(url, "Token URL"), 256);

  public Authenticator(TokenTransport transport, Clock clock) {
    this.transport = transport;
    this.tokens = new TokenCache(clock);
    this.clock = clock;
  }

  /**
   * The credential for one request. {@code defaultTokenUrl} is the instance's token endpoint, used
   * when an OAuth grant names none; {@code timeout} bounds a token request. Null when the TLS
   * client certificate is the only credential ({@link ClientCertificateAuthentication}).
   */
  public Credential credential(
      ServiceNowAuthentication authentication, URI defaultTokenUrl, Duration timeout) {
    return switch (authentication) {
      case BasicAuthentication basic -> Credential.fixed(AUTHORIZATION, basic(basic));
      case BearerTokenAuthentication bearer ->
          Credential.fixed(AUTHORIZATION, "Bearer " + bearer.token());
      case ApiKeyAuthentication apiKey ->
          Credential.fixed(ApiKeyAuthentication.HEADER, apiKey.apiKey());
      case OAuthClientCredentialsAuthentication grant ->
          oauth(new TokenRequest(grant, tokenUrl(grant, defaultTokenUrl), timeout));
      case OAuthPasswordAuthentication grant ->
          oauth(new TokenRequest(grant, tokenUrl(grant, defaultTokenUrl), timeout));
      case OAuthJwtBearerAuthentication grant ->
          oauth(new TokenRequest(grant, tokenUrl(grant, defaultTokenUrl), timeout));
      case ClientCertificateAuthentication certificate -> null;
    };
  }

  /**
   * ServiceNow answered 401 to {@code refused}: a renewed credential when it was a cached token
   * (revoked or expired early, so one resend is worth it), empty when nothing can change.
   */
  public Optional<Credential> renewAfterUnauthorized(Credential refused) {
    if (refused == null || refused.token() == null) {
      return Optional.empty();
    }
    tokens.invalidate(refused.key(), refused.token());
    return Optional.of(oauth(refused.request()));
  }

  private static String basic(BasicAuthentication basic) {
    byte[] pair = (basic.username() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }

  private URI tokenUrl(OAuthGrant grant, URI defaultTokenUrl) {
    String explicit = grant.tokenUrl();
    return explicit == null || explicit.isBlank() ? defaultTokenUrl : tokenUrls.get(explicit);
  }

  private Credential oauth(TokenRequest request) {
    Fingerprint key = request.key();
    AccessToken token =
        tokens.get(
            key,
            new TokenCache.Fetcher() {
              @Override
              public AccessToken grant() {
                return fetch(request, request.grantForm(clock.instant()), request.grantType());
              }

              @Override
              public AccessToken refresh(String refreshToken) {
                return fetch(request, request.refreshForm(refreshToken), "refresh_token");
              }
            });
    return Credential.renewable(AUTHORIZATION, "Bearer " + token.value(), key, token, request);
  }

  private AccessToken fetch(TokenRequest request, FormBody form, String grantType) {
    String name =
        grantType.equals(OAuthJwtBearerAuthentication.GRANT_TYPE) ? "jwt-bearer" : grantType;
    String call = "OAuth " + name + " token request to " + request.tokenUrl();
    TokenReply reply = transport.post(request.tokenUrl(), form.bytes(), request.timeout(), call);
    if (!reply.successful()) {
      throw authenticationFailed(
          call
              + " was refused with "
              + reply.status()
              + (reply.reason().isEmpty() ? "" : " (" + reply.reason() + ")")
              + ". "
              + advice(grantType),
          reply.status(),
          reply.reason());
    }
    JsonNode json = parse(reply.body());
    JsonNode accessToken = json == null ? null : json.get("access_token");
    if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
      throw authenticationFailed(
          call + " answered " + reply.status() + " without an access_token; check the token URL",
          reply.status(),
          "");
    }
    long expiresIn = Math.max(json.path("expires_in").asLong(DEFAULT_LIFETIME_SECONDS), 0);
    JsonNode refresh = json.get("refresh_token");
    return AccessToken.issued(
        accessToken.asText(),
        refresh != null && refresh.isTextual() && !refresh.asText().isBlank()
            ? refresh.asText()
            : null,
        clock.instant(),
        Duration.ofSeconds(expiresIn));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : Json.parse(body);
    } catch (IOException notJson) {
      return null;
    }
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
      case OAuthJwtBearerAuthentication.GRANT_TYPE ->
          common
              + " The JWT bearer grant also needs the integration to hold the certificate of this"
              + " private key (its JWT verifier map or JWKS, under the key ID if one is set), the"
              + " user (subject) to exist and be active, and the audience to be what the"
              + " integration expects (by default the client ID).";
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

  /** One grant against one token URL: what to send, and the cache key it is remembered under. */
  record TokenRequest(OAuthGrant grant, URI tokenUrl, Duration timeout) {

    Fingerprint key() {
      return switch (grant) {
        case OAuthClientCredentialsAuthentication c ->
            Fingerprint.of(
                tokenUrl.toString(),
                grantType(),
                c.clientId(),
                c.clientSecret(),
                c.scope() == null ? "" : c.scope());
        case OAuthPasswordAuthentication p ->
            Fingerprint.of(
                tokenUrl.toString(),
                grantType(),
                p.clientId(),
                p.clientSecret(),
                p.username(),
                p.password());
        case OAuthJwtBearerAuthentication j ->
            Fingerprint.of(
                tokenUrl.toString(),
                grantType(),
                j.clientId(),
                j.clientSecret(),
                j.user(),
                j.privateKey(),
                j.keyId(),
                j.audienceOrClientId(),
                String.valueOf(j.lifetime().toSeconds()));
      };
    }

    String grantType() {
      return switch (grant) {
        case OAuthClientCredentialsAuthentication c -> "client_credentials";
        case OAuthPasswordAuthentication p -> "password";
        case OAuthJwtBearerAuthentication j -> OAuthJwtBearerAuthentication.GRANT_TYPE;
      };
    }

    /** {@code now} dates a JWT bearer grant's assertion. */
    FormBody grantForm(java.time.Instant now) {
      FormBody form =
          new FormBody()
              .add("grant_type", grantType())
              .add("client_id", grant.clientId())
              .add("client_secret", grant.clientSecret());
      switch (grant) {
        case OAuthClientCredentialsAuthentication c -> {
          if (c.scope() != null && !c.scope().isBlank()) {
            form.add("scope", c.scope());
          }
        }
        case OAuthPasswordAuthentication p ->
            form.add("username", p.username()).add("password", p.password());
        case OAuthJwtBearerAuthentication j -> form.add("assertion", JwtAssertion.sign(j, now));
      }
      return form;
    }

    FormBody refreshForm(String refreshToken) {
      return new FormBody()
          .add("grant_type", "refresh_token")
          .add("client_id", grant.clientId())
          .add("client_secret", grant.clientSecret())
          .add("refresh_token", refreshToken);
    }

    @Override
    public String toString() {
      return "TokenRequest[tokenUrl=" + tokenUrl + "]";
    }
  }
}
