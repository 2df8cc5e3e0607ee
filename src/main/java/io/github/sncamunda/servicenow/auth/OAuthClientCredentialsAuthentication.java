package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
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
            tooltip =
                "Client ID of the OAuth application registry entry (client credentials grant),"
                    + " e.g. {{secrets.snClientId}}.")
        String clientId,
    @NotBlank
        @TemplateProperty(
            id = "clientCredentialsClientSecret",
            group = "authentication",
            label = "Client secret",
            tooltip =
                "The entry's client secret, referenced as a secret, e.g."
                    + " {{secrets.snClientSecret}}.",
            description = SECRET_WARNING)
        String clientSecret,
    @TemplateProperty(
            id = "clientCredentialsTokenUrl",
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
            id = "clientCredentialsScope",
            group = "authentication",
            label = "Scope",
            optional = true,
            tooltip =
                "An OAuth scope to request, if your application registry entry limits scopes.")
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
