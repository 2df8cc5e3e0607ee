package io.github.sncamunda.servicenow.flow;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.stream.Collectors;

/**
 * The Flow Starter's input: where ({@code connection}), as whom ({@code authentication}) and which
 * REST API trigger with what ({@code flow}). The authentication records redact their secrets and
 * {@link FlowTrigger} hides header values and the body, so {@code toString()} is safe to log.
 */
public record FlowStarterRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull @NestedProperties(addNestedPath = true) FlowTrigger flow) {

  /**
   * Binds the job's variables. Jackson binding failures (an unknown method, a list where a map is
   * expected) never heal on retry, so they become a {@link ConnectorInputException} naming the
   * field but not its value.
   */
  public static FlowStarterRequest bind(OutboundConnectorContext context) {
    try {
      return context.bindVariables(FlowStarterRequest.class);
    } catch (ConnectorInputException e) {
      throw e;
    } catch (RuntimeException e) {
      JsonMappingException mapping = mappingCause(e);
      if (mapping == null) {
        throw e;
      }
      throw new ConnectorInputException(describe(mapping));
    }
  }

  private static JsonMappingException mappingCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException) {
        return (JsonMappingException) t;
      }
    }
    return null;
  }

  private static String describe(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    String where = path.isEmpty() ? "" : " in '" + path + "'";
    if (path.endsWith("method")) {
      return "Invalid input" + where + ": Method must be one of POST, GET, PUT, PATCH, DELETE";
    }
    if (path.equals("authentication") || path.endsWith(".type")) {
      return "Invalid input" + where
          + ": authentication type must be one of basic, oauth-client-credentials, oauth-password, bearer, api-key";
    }
    String expected = "";
    if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
      Class<?> type = ((MismatchedInputException) e).getTargetType();
      expected = ": expected " + (java.util.Map.class.isAssignableFrom(type) ? "a map (FEEL context)"
          : type == String.class ? "text" : type == Integer.class ? "a whole number" : "a " + type.getSimpleName());
    }
    return "Invalid input" + where + expected;
  }
}
