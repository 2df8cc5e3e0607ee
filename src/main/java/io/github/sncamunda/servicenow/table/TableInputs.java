package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Input rules of the table operations, checked before any request, so a bad input fails the job
 * without touching ServiceNow. Messages say what to change and never echo payloads.
 */
public final class TableInputs {

  // sys_ids are normally 32 hex digits, but any short identifier is legal (e.g. "glide.maint")
  private static final Pattern SYS_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  // "." and ".." would be path segments that normalise away (…/incident/. is the table itself)
  private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[A-Za-z0-9]");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.]+");

  /** The default length of task.correlation_id; longer ids are truncated and never found again. */
  public static final int MAX_CORRELATION_ID = 100;

  public static final int MAX_LIMIT = 10_000;
  public static final int DEFAULT_MAX_RECORDS = 1_000;
  public static final int MAX_QUANTITY = 1_000;

  private TableInputs() {}

  public static String sysId(String value, Table table) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(
          "Sys ID is required for this operation: the "
              + table.noun()
              + "'s sys_id, e.g. 46d44e2ba9fe1981009d6a8c4e2f7a76");
    }
    if (!SYS_ID.matcher(value).matches()) {
      throw new ConnectorInputException(
          "Sys ID must be at most 32 letters, digits, '_', '.' or '-' (e.g."
              + " 46d44e2ba9fe1981009d6a8c4e2f7a76); got "
              + SafeText.quote(value));
    }
    if (!LETTER_OR_DIGIT.matcher(value).find()) {
      throw new ConnectorInputException(
          "Sys ID must contain at least one letter or digit (e.g."
              + " 46d44e2ba9fe1981009d6a8c4e2f7a76); got "
              + SafeText.quote(value));
    }
    return value;
  }

  /**
   * The payload as a JSON object: a FEEL context arrives as a Map, a typed-in JSON text as a
   * String.
   */
  public static ObjectNode payload(Object value, Table table) {
    String example =
        "a JSON object of " + table.noun() + " fields, e.g. {\"short_description\": \"Disk full\"}";
    if (value == null) {
      throw new ConnectorInputException("Payload is required: " + example);
    }
    if (value instanceof Map) {
      try {
        return (ObjectNode) Json.tree(value);
      } catch (IllegalArgumentException tooDeepOrOdd) {
        throw new ConnectorInputException("Payload cannot be sent as JSON (nested too deeply?)");
      }
    }
    if (value instanceof String text) {
      return parseObject(text, table, example);
    }
    throw new ConnectorInputException("Payload must be " + example + "; got " + describe(value));
  }

  private static ObjectNode parseObject(String text, Table table, String example) {
    if (text.isBlank()) {
      throw new ConnectorInputException("Payload is required: " + example);
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
          "Payload must be a JSON object of "
              + table.noun()
              + " fields; got "
              + (node == null
                  ? "nothing"
                  : "JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  /** A correlation id goes into an encoded query, so it must not carry query syntax. */
  public static String correlationId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.indexOf('^') >= 0) {
      throw new ConnectorInputException(
          "Correlation ID must not contain '^': it would change the encoded query used to find"
              + " an existing record");
    }
    if (value.length() > MAX_CORRELATION_ID) {
      throw new ConnectorInputException(
          "Correlation ID must be at most "
              + MAX_CORRELATION_ID
              + " characters (ServiceNow truncates longer values, so the record could not be"
              + " found again); got "
              + value.length());
    }
    return value;
  }

  /** The field a correlation id is stored in and looked up by: one plain field name. */
  public static String correlationField(String value) {
    if (value == null || value.isBlank()) {
      return "correlation_id";
    }
    if (!FIELD_NAME.matcher(value).matches() || value.contains(".")) {
      throw new ConnectorInputException(
          "Correlation field must be one field name of the table (letters, digits and '_'), e.g."
              + " correlation_id; got "
              + SafeText.quote(value));
    }
    return value;
  }

  public static String displayValue(String value) {
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
  public static String fields(String value) {
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
            "Fields must be a comma-separated list of field names such as sys_id,number,state;"
                + " got "
                + SafeText.quote(field));
      }
      out.append(out.length() == 0 ? "" : ",").append(field);
    }
    return out.length() == 0 ? null : out.toString();
  }

  public static String orderField(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!FIELD_NAME.matcher(value).matches()) {
      throw new ConnectorInputException(
          "Order by must be one field name (letters, digits, '_' and '.'), e.g. sys_created_on;"
              + " got "
              + SafeText.quote(value));
    }
    return value;
  }

  public static boolean descending(String direction) {
    if (direction == null || direction.isBlank() || direction.equals("ascending")) {
      return false;
    }
    if (direction.equals("descending")) {
      return true;
    }
    throw new ConnectorInputException(
        "Order direction must be ascending or descending; got " + SafeText.quote(direction));
  }

  public static int limit(Integer value) {
    int limit = value == null ? 10 : value;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ConnectorInputException(
          "Limit must be between 1 and " + MAX_LIMIT + "; got " + limit);
    }
    return limit;
  }

  public static int offset(Integer value) {
    int offset = value == null ? 0 : value;
    if (offset < 0) {
      throw new ConnectorInputException("Offset must be 0 or more; got " + offset);
    }
    return offset;
  }

  public static int maxRecords(Integer value) {
    int max = value == null ? DEFAULT_MAX_RECORDS : value;
    if (max < 1 || max > MAX_LIMIT) {
      throw new ConnectorInputException(
          "Maximum records must be between 1 and " + MAX_LIMIT + "; got " + max);
    }
    return max;
  }

  /** Work note or comment text: required, sent as it is. */
  public static String journalText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException(
          what + " text is required: ServiceNow would add nothing to the journal");
    }
    return value;
  }

  public static int quantity(Integer value) {
    int quantity = value == null ? 1 : value;
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new ConnectorInputException(
          "Quantity must be between 1 and " + MAX_QUANTITY + "; got " + quantity);
    }
    return quantity;
  }

  static String describe(Object value) {
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
