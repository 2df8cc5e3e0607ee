package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

@TemplateSubType(
    id = OAuthClientCredentialsAuthentication.TYPE,
    label = "OAuth 2.0 client credentials")
public record OAuthClientCredentialsAuthentication(
    @NotBlank
        @TemplateProperty(
            id = "clientCredentialsClientId",
            group = "authentication",
            label = "Client ID",
            description =
                "Client ID of the OAuth application registry entry, e.g. {{secrets.snClientId}}")
        String clientId,
    @NotBlank
        @TemplateProperty(
            id = "clientCredentialsClientSecret",
            group = "authentication",
            label = "Client secret",
            description = "Store it as a secret, e.g. {{secrets.snClientSecret}}")
        String clientSecret,
    @TemplateProperty(
            id = "clientCredentialsTokenUrl",
            group = "authentication",
            label = "Token URL",
            optional = true,
            description = "Defaults to https://<instance name>.service-now.com/oauth_token.do")
        String tokenUrl,
    @TemplateProperty(
            id = "clientCredentialsScope",
            group = "authentication",
            label = "Scope",
            optional = true,
            description = "Optional OAuth scope to request")
        String scope)
    implements ServiceNowAuthentication, OAuthGrant {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "oauth-client-credentials";

  @Override
  public void validate() {
    Require.present(clientId, "Client ID");
    Require.present(clientSecret, "Client secret");
  }

  @Override
  public String toString() {
    return "OAuthClientCredentialsAuthentication[clientId="
        + clientId
        + ", clientSecret="
        + REDACTED
        + ", tokenUrl="
        + tokenUrl
        + ", scope="
        + scope
        + "]";
  }
}
