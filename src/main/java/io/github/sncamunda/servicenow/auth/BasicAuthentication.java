package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

@TemplateSubType(id = BasicAuthentication.TYPE, label = "Basic (username and password)")
public record BasicAuthentication(
    @NotBlank
        @TemplateProperty(
            group = "authentication",
            label = "Username",
            tooltip =
                "The ServiceNow user, best a web-service-access-only integration user; e.g."
                    + " {{secrets.snUser}}.")
        String username,
    @NotBlank
        @TemplateProperty(
            group = "authentication",
            label = "Password",
            tooltip = "The user's password, referenced as a secret, e.g. {{secrets.snPwd}}.",
            description = SECRET_WARNING)
        String password)
    implements ServiceNowAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "basic";

  @Override
  public void validate() {
    Require.present(username, "Username");
    Require.present(password, "Password");
  }

  @Override
  public String toString() {
    return "BasicAuthentication[username=" + username + ", password=" + REDACTED + "]";
  }
}
