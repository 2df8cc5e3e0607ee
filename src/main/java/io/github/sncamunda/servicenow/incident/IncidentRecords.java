package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Json;
import java.util.Map;

/** Reads incident records out of Table API answers. */
final class IncidentRecords {

  private IncidentRecords() {}

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

  static IncidentResult result(JsonNode record, String fallbackSysId, Boolean created) {
    String sysId = value(record.get("sys_id"));
    return new IncidentResult(
        sysId == null ? fallbackSysId : sysId, value(record.get("number")), toMap(record), created);
  }

  static Map<String, Object> toMap(JsonNode record) {
    return Json.toMap(record);
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
}
