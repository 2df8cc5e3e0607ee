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
            description = "ServiceNow user, e.g. {{secrets.snUser}}")
        String username,
    @NotBlank
        @TemplateProperty(
            group = "authentication",
            label = "Password",
            description = "Store it as a secret and reference it, e.g. {{secrets.snPwd}}")
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
