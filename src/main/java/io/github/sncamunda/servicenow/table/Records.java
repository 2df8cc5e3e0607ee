package io.github.sncamunda.servicenow.table;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.util.List;
import java.util.Map;

/** Reads records out of Table API answers (already plain Java values). */
public final class Records {

  private Records() {}

  /** The single record in {@code result}, or INVALID_RESPONSE when a 2xx answer carries none. */
  public static Map<String, Object> single(ServiceNowResponse response, String call) {
    Map<String, Object> result = response.resultRecord();
    if (result == null) {
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
  public static List<Map<String, Object>> list(ServiceNowResponse response, String call) {
    List<Map<String, Object>> records = response.records();
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
  public static String value(Object field) {
    if (field == null) {
      return null;
    }
    if (field instanceof Map<?, ?> object) {
      Object inner =
          object.get("value") != null ? object.get("value") : object.get("display_value");
      return inner == null ? null : String.valueOf(inner);
    }
    return String.valueOf(field);
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
