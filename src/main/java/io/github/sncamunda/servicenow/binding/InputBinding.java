package io.github.sncamunda.servicenow.binding;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds a connector's input. The SDK wraps Jackson's binding failures in a plain RuntimeException,
 * which the runtime would retry although a wrong input never heals; here they become a {@link
 * ConnectorInputException} (no retries) naming the field, never its value.
 */
public final class InputBinding {

  private static final String AUTH_TYPES = TypeNames.listed(ServiceNowAuthentication.class);

  private InputBinding() {}

  /**
   * @param explain a connector's own wording for a failure (e.g. an unknown operation), or empty to
   *     fall back to the generic message
   */
  public static <T> T bind(
      OutboundConnectorContext context,
      Class<T> type,
      Function<JsonMappingException, Optional<String>> explain) {
    try {
      return context.bindVariables(type);
    } catch (ConnectorInputException e) {
      throw e;
    } catch (RuntimeException e) {
      JsonMappingException mapping = mappingCause(e);
      if (mapping != null) {
        throw new ConnectorInputException(
            explain.apply(mapping).orElseGet(() -> describe(mapping)));
      }
      if (hasCause(e, com.fasterxml.jackson.core.exc.StreamConstraintsException.class)) {
        // nesting or size beyond the parser's limits: never heals on retry
        throw new ConnectorInputException("Invalid input: nested too deeply or too large to read");
      }
      throw e;
    }
  }

  /** The dotted path of the field that failed, e.g. {@code operation.limit}. */
  public static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** True when Jackson could not resolve the type id of a subtype of {@code base}. */
  public static boolean isTypeIdOf(JsonMappingException e, Class<?> base) {
    return e instanceof InvalidTypeIdException typeId
        && typeId.getBaseType() != null
        && typeId.getBaseType().hasRawClass(base);
  }

  static String describe(JsonMappingException e) {
    String path = path(e);
    String where = path.isEmpty() ? "" : " in " + SafeText.quote(path);
    if (isTypeIdOf(e, ServiceNowAuthentication.class)) {
      return "Invalid input" + where + ": authentication type must be one of " + AUTH_TYPES;
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "Invalid input" + where + ": expected " + expected(mismatch.getTargetType());
    }
    return "Invalid input" + where;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static JsonMappingException mappingCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException mapping) {
        return mapping;
      }
    }
    return null;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a map (FEEL context)";
    }
    return "a " + type.getSimpleName();
  }
}
