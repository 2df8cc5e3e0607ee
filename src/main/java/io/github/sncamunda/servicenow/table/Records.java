package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.util.List;

/** Reads records out of Table API answers. */
final class Records {

  private Records() {}

  /** The single record in {@code result}, or INVALID_RESPONSE when a 2xx answer carries none. */
  static JsonNode single(ServiceNowResponse response, String call) {
    JsonNode result = response.result();
    if (result == null || !result.isObject()) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE,
          "ServiceNow answered "
              + response.status()
              + " to "
              + call
              + " without a record in 'result'");
    }
    return result;
  }

  /** The records of a list answer (none for "No Record found"), or INVALID_RESPONSE. */
  static List<JsonNode> list(ServiceNowResponse response, String call) {
    List<JsonNode> records = response.records();
    if (records == null) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE,
          "ServiceNow answered "
              + response.status()
              + " to "
              + call
              + " without a list in 'result'");
    }
    return records;
  }

  /** A field's stored value whatever the display-value and reference-link options made of it. */
  static String value(JsonNode field) {
    if (field == null || field.isNull()) {
      return null;
    }
    if (field.isObject()) {
      JsonNode inner = field.hasNonNull("value") ? field.get("value") : field.get("display_value");
      return inner == null || inner.isNull() ? null : inner.asText();
    }
    return field.asText();
  }

  static Long number(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
