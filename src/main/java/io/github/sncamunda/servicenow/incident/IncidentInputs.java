package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Input rules checked before any request, so a bad input fails the job without touching ServiceNow.
 */
final class IncidentInputs {

  // sys_ids are normally 32 hex digits, but any short identifier is legal (e.g. "glide.maint")
  private static final Pattern SYS_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.]+");
  // the default length of task.correlation_id; a longer id would be truncated on insert and never
  // found again
  static final int MAX_CORRELATION_ID = 100;
  static final int MAX_LIMIT = 10_000;

  private IncidentInputs() {}

  static String sysId(String value) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(
          "Sys ID is required for this operation: the incident's sys_id, e.g."
              + " 46d44e2ba9fe1981009d6a8c4e2f7a76");
    }
    if (!SYS_ID.matcher(value).matches()) {
      throw new ConnectorInputException(
          "Sys ID must be at most 32 letters, digits, '_', '.' or '-' (e.g."
              + " 46d44e2ba9fe1981009d6a8c4e2f7a76); got "
              + SafeText.quote(value));
    }
    return value;
  }

  /**
   * The payload as a JSON object: a FEEL context arrives as a Map, a typed-in JSON text as a
   * String.
   */
  static ObjectNode payload(Object value) {
    if (value == null) {
      throw new ConnectorInputException(
          "Payload is required: a JSON object of incident fields, e.g. {\"short_description\":"
              + " \"Disk full\"}");
    }
    if (value instanceof Map) {
      try {
        return (ObjectNode) Json.tree(value);
      } catch (IllegalArgumentException tooDeepOrOdd) {
        throw new ConnectorInputException("Payload cannot be sent as JSON (nested too deeply?)");
      }
    }
    if (value instanceof String text) {
      return parseObject(text);
    }
    throw new ConnectorInputException(
        "Payload must be a JSON object of incident fields, e.g. {\"short_description\": \"Disk"
            + " full\"}; got "
            + describe(value));
  }

  private static ObjectNode parseObject(String text) {
    if (text.isBlank()) {
      throw new ConnectorInputException(
          "Payload is required: a JSON object of incident fields, e.g. {\"short_description\":"
              + " \"Disk full\"}");
    }
    JsonNode node;
    try {
      node = Json.parse(text);
    } catch (JsonProcessingException e) {
      // only the position: the parser's message would quote the payload itself
      JsonLocation at = e.getLocation();
      throw new ConnectorInputException(
          "Payload is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; expected an object such as {\"short_description\": \"Disk full\"}");
    }
    if (node == null || !node.isObject()) {
      throw new ConnectorInputException(
          "Payload must be a JSON object of incident fields; got "
              + (node == null
                  ? "nothing"
                  : "JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  /** A correlation id goes into an encoded query, so it must not carry query syntax. */
  static String correlationId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.indexOf('^') >= 0) {
      throw new ConnectorInputException(
          "Correlation ID must not contain '^': it would change the encoded query used to find an"
              + " existing incident");
    }
    if (value.length() > MAX_CORRELATION_ID) {
      throw new ConnectorInputException(
          "Correlation ID must be at most "
              + MAX_CORRELATION_ID
              + " characters (ServiceNow truncates longer values, so the incident could not be"
              + " found again); got "
              + value.length());
    }
    return value;
  }

  static String displayValue(String value) {
    if (value == null || value.isBlank()) {
      return "false";
    }
    if (value.equals("false") || value.equals("true") || value.equals("all")) {
      return value;
    }
    throw new ConnectorInputException(
        "Display value must be one of false, true, all; got " + SafeText.quote(value));
  }

  /** Normalises "a, b ,c" to "a,b,c"; null when nothing is left. */
  static String fields(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String part : value.split(",")) {
      String field = part.strip();
      if (field.isEmpty()) {
        continue;
      }
      if (!FIELD_NAME.matcher(field).matches()) {
        throw new ConnectorInputException(
            "Fields must be a comma-separated list of field names such as sys_id,number,state; got "
                + SafeText.quote(field));
      }
      out.append(out.length() == 0 ? "" : ",").append(field);
    }
    return out.length() == 0 ? null : out.toString();
  }

  static String orderField(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!FIELD_NAME.matcher(value).matches()) {
      throw new ConnectorInputException(
          "Order by must be one field name (letters, digits, '_' and '.'), e.g. sys_created_on; got"
              + " "
              + SafeText.quote(value));
    }
    return value;
  }

  static boolean descending(String direction) {
    if (direction == null || direction.isBlank() || direction.equals("ascending")) {
      return false;
    }
    if (direction.equals("descending")) {
      return true;
    }
    throw new ConnectorInputException(
        "Order direction must be ascending or descending; got " + SafeText.quote(direction));
  }

  static int limit(Integer value) {
    int limit = value == null ? 10 : value;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ConnectorInputException(
          "Limit must be between 1 and " + MAX_LIMIT + "; got " + limit);
    }
    return limit;
  }

  static int offset(Integer value) {
    int offset = value == null ? 0 : value;
    if (offset < 0) {
      throw new ConnectorInputException("Offset must be 0 or more; got " + offset);
    }
    return offset;
  }

  private static String describe(Object value) {
    if (value instanceof Collection) {
      return "a list";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
