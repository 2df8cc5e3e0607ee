package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

@TemplateSubType(id = BearerTokenAuthentication.TYPE, label = "Bearer token")
public record BearerTokenAuthentication(
    @NotBlank
        @TemplateProperty(
            group = "authentication",
            label = "Bearer token",
            tooltip =
                "An OAuth access token obtained elsewhere, sent as Authorization: Bearer; e.g."
                    + " {{secrets.snToken}}. The connector cannot renew it.",
            description = SECRET_WARNING)
        String token)
    implements ServiceNowAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "bearer";

  @Override
  public void validate() {
    Require.present(token, "Bearer token");
  }

  @Override
  public String toString() {
    return "BearerTokenAuthentication[token=" + REDACTED + "]";
  }
}
