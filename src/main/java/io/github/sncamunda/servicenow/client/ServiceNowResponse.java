package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A successful answer: status, safe headers (lower-case names, no Set-Cookie) and the body as JSON
 * ({@code json}), as text when it was not JSON and the request accepted text, or neither when
 * empty.
 */
public record ServiceNowResponse(
    int status, Map<String, String> headers, JsonNode json, String text) {

  /** ServiceNow's {@code result} member, or null. */
  public JsonNode result() {
    return json == null ? null : json.get("result");
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The body as a plain Java value for process variables: JSON tree, text, or null. */
  public Object bodyValue() {
    if (json != null) {
      return Json.toPlain(json);
    }
    return text;
  }
}
