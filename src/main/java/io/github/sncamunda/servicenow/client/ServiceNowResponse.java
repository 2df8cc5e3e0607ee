package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A successful answer: status, safe headers (lower-case names, no Set-Cookie) and the body as JSON
 * ({@code json}), as text when it was not JSON and the request accepted text, or neither when
 * empty. {@code noRecord} marks ServiceNow's "No Record found" for a request that declared it an
 * empty result ({@link ServiceNowRequest.Builder#emptyWhenNoRecord()}).
 */
public record ServiceNowResponse(
    int status, Map<String, String> headers, JsonNode json, String text, boolean noRecord) {

  static ServiceNowResponse noRecord(int status, Map<String, String> headers) {
    return new ServiceNowResponse(status, headers, null, null, true);
  }

  /** ServiceNow's {@code result} member, or null. */
  public JsonNode result() {
    return json == null ? null : json.get("result");
  }

  /**
   * The records of a list answer ({@code result} as an array of objects); empty for "No Record
   * found"; null when the answer carries no list at all.
   */
  public List<JsonNode> records() {
    if (noRecord) {
      return List.of();
    }
    JsonNode result = result();
    if (result == null || !result.isArray()) {
      return null;
    }
    List<JsonNode> records = new ArrayList<>(result.size());
    result.forEach(records::add);
    return records;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The body as a plain Java value for process variables: JSON tree, text, or null. */
  public Object bodyValue() {
    if (json != null) {
      return Json.toPlain(json);
    }
    return text;
  }
}
