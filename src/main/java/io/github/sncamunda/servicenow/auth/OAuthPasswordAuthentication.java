package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

@TemplateSubType(id = OAuthPasswordAuthentication.TYPE, label = "OAuth 2.0 password grant")
public record OAuthPasswordAuthentication(
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantClientId",
            group = "authentication",
            label = "Client ID",
            description =
                "Client ID of the OAuth application registry entry, e.g. {{secrets.snClientId}}")
        String clientId,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantClientSecret",
            group = "authentication",
            label = "Client secret",
            description = "Store it as a secret, e.g. {{secrets.snClientSecret}}")
        String clientSecret,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantUsername",
            group = "authentication",
            label = "Username",
            description = "ServiceNow user, e.g. {{secrets.snUser}}")
        String username,
    @NotBlank
        @TemplateProperty(
            id = "passwordGrantPassword",
            group = "authentication",
            label = "Password",
            description = "Store it as a secret, e.g. {{secrets.snPwd}}")
        String password,
    @TemplateProperty(
            id = "passwordGrantTokenUrl",
            group = "authentication",
            label = "Token URL",
            optional = true,
            description = "Defaults to https://<instance name>.service-now.com/oauth_token.do")
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
