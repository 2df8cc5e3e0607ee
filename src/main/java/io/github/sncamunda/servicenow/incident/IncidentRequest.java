package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.stream.Collectors;

/**
 * The connector's input: where, as whom, and what to do with the {@code incident} table. The
 * authentication records redact their secrets, so {@code toString()} is safe to log.
 */
public record IncidentRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull IncidentOperation operation) {

  /**
   * Binds the job's variables. The SDK wraps Jackson's binding failures in a plain
   * RuntimeException, which the runtime would retry; a wrong input never heals, so it becomes a
   * ConnectorInputException (no retries) naming the field but not its value.
   */
  static IncidentRequest bind(OutboundConnectorContext context) {
    try {
      return context.bindVariables(IncidentRequest.class);
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
      if (t instanceof JsonMappingException mapping) {
        return mapping;
      }
    }
    return null;
  }

  private static String describe(JsonMappingException e) {
    String path = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    if (e instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null
        && typeId.getBaseType().hasRawClass(IncidentOperation.class)) {
      return typeId.getTypeId() == null
          ? "Operation is required: one of " + TemplateTexts.VALID_IDS
          : "Unknown operation " + IncidentInputs.quoted(typeId.getTypeId()) + "; use one of " + TemplateTexts.VALID_IDS;
    }
    String expected = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        ? ": expected " + expectedType(mismatch.getTargetType())
        : "";
    return "Invalid input" + (path.isEmpty() ? "" : " in '" + path + "'") + expected;
  }

  private static String expectedType(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    return "a " + type.getSimpleName();
  }
}
