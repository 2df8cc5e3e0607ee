package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.Pattern;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyConstraints;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * The REST API trigger to call and what to send (process variable root {@code flow}).
 *
 * <p>{@code toString()} names headers and query parameters but never shows their values or the
 * body: a header may carry a token of its own.
 */
public record FlowTrigger(
    @NotBlank(message = "REST API trigger path is required, e.g. " + FlowInputs.EXAMPLE_PATH)
        @TemplateProperty(
            group = "flow",
            label = "REST API trigger path",
            tooltip =
                "The path of the flow's REST API trigger as Flow Designer shows it, e.g."
                    + " /api/x_acme/approvals/request, or of a scripted REST API. Enter it"
                    + " unencoded: the connector encodes each segment.",
            constraints =
                @PropertyConstraints(
                    notEmpty = true,
                    pattern =
                        @Pattern(
                            value = FieldPatterns.FLOW_PATH,
                            message = FieldPatterns.FLOW_PATH_MESSAGE)))
        String path,
    @TemplateProperty(
            group = "flow",
            label = "Method",
            type = PropertyType.Dropdown,
            defaultValue = "POST",
            tooltip = "The HTTP method the trigger accepts; REST API triggers usually take POST.")
        FlowMethod method,
    @TemplateProperty(
            group = "flow",
            label = "Headers",
            feel = FeelMode.required,
            optional = true,
            tooltip =
                "Extra HTTP headers as a FEEL context, e.g. {\"X-Order-Id\": orderId}. Values are"
                    + " text, numbers or booleans.",
            description =
                "Authorization, Host, Cookie and the other connection headers are the connector's"
                    + " and cannot be set")
        Map<String, Object> headers,
    @TemplateProperty(
            group = "flow",
            label = "Query parameters",
            feel = FeelMode.required,
            optional = true,
            tooltip =
                "Query parameters as a FEEL context, e.g. {\"priority\": priority}; the connector"
                    + " encodes them.")
        Map<String, Object> queryParameters,
    @TemplateProperty(
            group = "flow",
            label = "Request body",
            feel = FeelMode.required,
            optional = true,
            condition =
                @PropertyCondition(
                    property = "flow.method",
                    oneOf = {"POST", "PUT", "PATCH"}),
            tooltip =
                "What the flow receives, sent as JSON: its inputs and the value it sends back to"
                    + " correlate with this process, e.g. {\"correlationValue\": orderId}.")
        Object body) {

  /** The method to use: POST when none was given. */
  public FlowMethod effectiveMethod() {
    return method == null ? FlowMethod.POST : method;
  }

  @Override
  public String toString() {
    return "FlowTrigger[path="
        + path
        + ", method="
        + effectiveMethod()
        + ", headers="
        + (headers == null ? "[]" : headers.keySet())
        + ", queryParameters="
        + (queryParameters == null ? "[]" : queryParameters.keySet())
        + ", body="
        + (body == null ? "none" : "present")
        + "]";
  }
}
