package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * OAuth 2.0 JWT bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}), ServiceNow's
 * machine-to-machine flow: the connector signs a short-lived JWT (RS256) with the private key and
 * exchanges it, with the client ID and secret, for an access token at the token URL. Tokens are
 * cached and renewed like the other grants.
 */
@TemplateSubType(id = OAuthJwtBearerAuthentication.TYPE, label = "OAuth 2.0 JWT bearer grant")
public record OAuthJwtBearerAuthentication(
    @NotBlank
        @TemplateProperty(
            id = "jwtBearerClientId",
            group = "authentication",
            label = "Client ID",
            tooltip =
                "Client ID of the OAuth JWT bearer integration (Machine Identity Console > Inbound"
                    + " integrations, or the OAuth application registry with a JWT verifier map)."
                    + " It is the JWT's issuer (iss).")
        String clientId,
    @NotBlank
        @TemplateProperty(
            id = "jwtBearerClientSecret",
            group = "authentication",
            label = "Client secret",
            tooltip =
                "The integration's client secret, sent with the JWT to the token URL; e.g."
                    + " {{secrets.snClientSecret}}.",
            description = SECRET_WARNING)
        String clientSecret,
    @NotBlank
        @TemplateProperty(
            id = "jwtBearerUser",
            group = "authentication",
            label = "User (subject)",
            tooltip =
                "The ServiceNow user the token acts as: the JWT's subject (sub), matched against"
                    + " the user field the integration names (user name by default).")
        String user,
    @NotBlank
        @TemplateProperty(
            id = "jwtBearerPrivateKey",
            group = "authentication",
            label = "Private key (PEM)",
            type = PropertyType.Text,
            tooltip =
                "The RSA private key that signs the JWT (RS256), unencrypted PKCS#8 (-----BEGIN"
                    + " PRIVATE KEY-----); ServiceNow holds its certificate. Convert a PKCS#1 key"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem. It is"
                    + " never logged.",
            description = "Reference a secret, e.g. {{secrets.snJwtKey}}")
        String privateKey,
    @TemplateProperty(
            id = "jwtBearerKeyId",
            group = "authentication",
            label = "Key ID (kid)",
            optional = true,
            tooltip =
                "Optional. The JWT header's kid, as the integration's JWT verifier map (or JWKS)"
                    + " names the certificate.")
        String keyId,
    @TemplateProperty(
            id = "jwtBearerAudience",
            group = "authentication",
            label = "Audience (aud)",
            optional = true,
            tooltip =
                "Optional. The JWT's audience; defaults to the client ID, as ServiceNow's JWT"
                    + " bearer integration expects. Set it if your integration expects another"
                    + " value, such as the token URL.")
        String audience,
    @TemplateProperty(
            id = "jwtBearerTokenUrl",
            group = "authentication",
            label = "Token URL",
            optional = true,
            tooltip = TOKEN_URL_TOOLTIP,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(value = FieldPatterns.URL, message = FieldPatterns.URL_MESSAGE)))
        String tokenUrl,
    @TemplateProperty(
            id = "jwtBearerLifetimeSeconds",
            group = "authentication",
            label = "JWT lifetime (seconds)",
            type = PropertyType.String,
            optional = true,
            tooltip =
                "Optional. How long each signed JWT is valid (exp - iat), 30 to 3600; default 300."
                    + " The access token's own lifetime is set by ServiceNow.",
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(
                            value = FieldPatterns.JWT_LIFETIME_SECONDS,
                            message = FieldPatterns.JWT_LIFETIME_SECONDS_MESSAGE)))
        Integer jwtLifetimeSeconds)
    implements ServiceNowAuthentication, OAuthGrant {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "oauth-jwt-bearer";

  @TemplateProperty(ignore = true)
  public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  @TemplateProperty(ignore = true)
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);

  @Override
  public void validate() {
    Require.present(clientId, "Client ID");
    Require.present(clientSecret, "Client secret");
    Require.present(user, "User (subject)");
    Require.present(privateKey, "Private key (PEM)");
    lifetime();
  }

  /** The signed JWT's lifetime; input error outside 30 s to 1 h. */
  Duration lifetime() {
    if (jwtLifetimeSeconds == null) {
      return DEFAULT_LIFETIME;
    }
    if (jwtLifetimeSeconds < 30 || jwtLifetimeSeconds > 3600) {
      throw new ConnectorInputException(
          "Authentication: 'JWT lifetime (seconds)' must be between 30 and 3600, was "
              + jwtLifetimeSeconds);
    }
    return Duration.ofSeconds(jwtLifetimeSeconds);
  }

  /** The JWT's audience: as given, else the client ID. */
  String audienceOrClientId() {
    return audience == null || audience.isBlank() ? clientId : audience.strip();
  }

  @Override
  public String toString() {
    return "OAuthJwtBearerAuthentication[clientId="
        + clientId
        + ", clientSecret="
        + REDACTED
        + ", user="
        + user
        + ", privateKey="
        + REDACTED
        + ", keyId="
        + keyId
        + ", audience="
        + audience
        + ", tokenUrl="
        + tokenUrl
        + ", jwtLifetimeSeconds="
        + jwtLifetimeSeconds
        + "]";
  }
}
