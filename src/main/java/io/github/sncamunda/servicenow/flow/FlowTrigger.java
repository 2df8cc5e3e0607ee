package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyCondition;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
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
            description =
                "The REST API endpoint path of the flow's trigger, e.g. /api/camun/my_flow_name."
                    + " Enter it unencoded: each segment is percent-encoded by the connector. Query"
                    + " parameters go in their own field.")
        String path,
    @TemplateProperty(
            group = "flow",
            label = "Method",
            type = PropertyType.Dropdown,
            defaultValue = "POST",
            description = "The HTTP method the REST API trigger accepts")
        FlowMethod method,
    @TemplateProperty(
            group = "flow",
            label = "Headers",
            feel = FeelMode.required,
            optional = true,
            description =
                "Optional map of HTTP headers to include in the request, e.g. {\"hello\":"
                    + " \"header\"}. Authorization, Host, Cookie and other connection headers are"
                    + " set by the connector.")
        Map<String, Object> headers,
    @TemplateProperty(
            group = "flow",
            label = "Query parameters",
            feel = FeelMode.required,
            optional = true,
            description =
                "Optional map of query parameters to add to the request URL, e.g. {\"hello\":"
                    + " \"query\"}. Values are encoded by the connector.")
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
            description =
                "Payload sent to the ServiceNow flow, typically containing input variables or"
                    + " correlation data, e.g. {\"correlationValue\": camId}. Sent as JSON.")
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
