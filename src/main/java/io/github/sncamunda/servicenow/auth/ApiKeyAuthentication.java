package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateSubType;
import jakarta.validation.constraints.NotBlank;

/** ServiceNow's token-based authentication: the key travels in the {@code x-sn-apikey} header. */
@TemplateSubType(id = ApiKeyAuthentication.TYPE, label = "API key")
public record ApiKeyAuthentication(
    @NotBlank
        @TemplateProperty(
            group = "authentication",
            label = "API key",
            tooltip =
                "A ServiceNow REST API key, sent in the x-sn-apikey header; e.g."
                    + " {{secrets.snApiKey}}.",
            description = SECRET_WARNING)
        String apiKey)
    implements ServiceNowAuthentication {

  @TemplateProperty(ignore = true)
  public static final String TYPE = "api-key";

  // public static fields become template properties unless ignored
  @TemplateProperty(ignore = true)
  public static final String HEADER = "x-sn-apikey";

  @Override
  public void validate() {
    Require.present(apiKey, "API key");
  }

  @Override
  public String toString() {
    return "ApiKeyAuthentication[apiKey=" + REDACTED + "]";
  }
}
