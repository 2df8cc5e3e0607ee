package io.github.sncamunda.servicenow.inbound.webhook;

import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The webhook element's properties. {@code inbound.context} is the path under the runtime's {@code
 * /inbound/}; the runtime's webhook registry reads it under that name. {@code toString()} leaves
 * the secret out.
 */
public record WebhookProperties(
    @Valid @NotNull @NestedProperties(addNestedPath = true) Endpoint inbound,
    @TemplateProperty(
            group = "endpoint",
            label = "Shared secret",
            tooltip =
                "The secret the ServiceNow script include signs with: the same value as the system"
                    + " property sncamunda.webhook.secret. Reference it as a Camunda secret, e.g."
                    + " {{secrets.snWebhookSecret}}; at least 16 characters.",
            constraints = @PropertyConstraints(notEmpty = true))
        String secret,
    @TemplateProperty(
            group = "endpoint",
            label = "Clock tolerance (seconds)",
            type = PropertyType.String,
            tooltip =
                "How far the call's timestamp may lie from this runtime's clock, either way; 300"
                    + " when empty. A captured call is refused once it is older than this.",
            optional = true,
            constraints =
                @PropertyConstraints(
                    pattern =
                        @Pattern(
                            value =
                                "^("
                                    + FieldPatterns.EMPTY_FIELD
                                    + "|[1-9][0-9]{0,2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|3600)$",
                            message = "Clock tolerance must be 1 to 3600 seconds, or empty")))
        String toleranceSeconds) {

  /** The path. A record of its own so that it binds to {@code inbound.context}. */
  public record Endpoint(
      @TemplateProperty(
              id = "context",
              group = "endpoint",
              label = "Webhook path",
              tooltip =
                  "The last part of the webhook URL: ServiceNow posts to https://<your connectors"
                      + " runtime>/inbound/<this path>. Unique per runtime; letters, digits, - and"
                      + " _.",
              constraints =
                  @PropertyConstraints(
                      notEmpty = true,
                      pattern =
                          @Pattern(
                              value = "^[A-Za-z0-9_-]{1,100}$",
                              message = "Webhook path must be 1 to 100 letters, digits, - or _")))
          String context) {}

  @Override
  public String toString() {
    return "WebhookProperties[inbound="
        + inbound
        + ", secret=<redacted>, toleranceSeconds="
        + toleranceSeconds
        + "]";
  }
}
