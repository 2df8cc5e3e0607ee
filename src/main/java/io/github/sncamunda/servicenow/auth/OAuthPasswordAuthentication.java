package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import jakarta.validation.constraints.NotBlank;

@TemplateSubType(id = OAuthPasswordAuthentication.TYPE, label = "OAuth 2.0 password grant")
public record OAuthPasswordAuthentication(
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantClientId",
            group = "authentication",
            label = "Client ID",
            tooltip =
                "Client ID of the OAuth application registry entry (password grant), e.g."
                    + " {{secrets.snClientId}}.")
        String clientId,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantClientSecret",
            group = "authentication",
            label = "Client secret",
            tooltip =
                "The entry's client secret, referenced as a secret, e.g."
                    + " {{secrets.snClientSecret}}.",
            description = SECRET_WARNING)
        String clientSecret,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantUsername",
            group = "authentication",
            label = "Username",
            tooltip = "The ServiceNow user the token acts as, e.g. {{secrets.snUser}}.")
        String username,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantPassword",
            group = "authentication",
            label = "Password",
            tooltip = "The user's password, referenced as a secret, e.g. {{secrets.snPwd}}.",
            description = SECRET_WARNING)
        String password,
    @TemplateProperty(
            id = "passwordGrantTokenUrl",
            group = "authentication",
            label = "Token URL",
            optional = true,
            tooltip = TOKEN_URL_TOOLTIP,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(value = FieldPatterns.URL, message = FieldPatterns.URL_MESSAGE)))
        String tokenUrl)
    implements ServiceNowAuthentication, OAuthGrant {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "oauth-password";

  @Override
  public void validate() {
    Require.present(clientId, "Client ID");
    Require.present(clientSecret, "Client secret");
    Require.present(username, "Username");
    Require.present(password, "Password");
  }

  @Override
  public String toString() {
    return "OAuthPasswordAuthentication[clientId="
        + clientId
        + ", clientSecret="
        + REDACTED
        + ", username="
        + username
        + ", password="
        + REDACTED
        + ", tokenUrl="
        + tokenUrl
        + "]";
  }
}
