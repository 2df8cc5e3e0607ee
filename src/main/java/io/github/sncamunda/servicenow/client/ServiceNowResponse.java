package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.common.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A successful answer: status, safe headers (lower-case names, no Set-Cookie) and the body — JSON
 * parsed once, straight into plain Java values (maps, lists, strings, numbers, booleans) as process
 * variables hold them; text when it was not JSON and the request accepted text; neither when empty.
 * {@code noRecord} marks ServiceNow's "No Record found" for a request that declared it an empty
 * result ({@link ServiceNowRequest.Builder#emptyWhenNoRecord()}).
 */
public final class ServiceNowResponse {

  private final int status;
  private final Map<String, String> headers;
  private final Object json;
  private final String text;
  private final boolean noRecord;

  ServiceNowResponse(
      int status, Map<String, String> headers, Object json, String text, boolean noRecord) {
    this.status = status;
    this.headers = headers;
    this.json = json;
    this.text = text;
    this.noRecord = noRecord;
  }

  static ServiceNowResponse noRecord(int status, Map<String, String> headers) {
    return new ServiceNowResponse(status, headers, null, null, true);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public boolean noRecord() {
    return noRecord;
  }

  /** The body when it was not JSON, or null. */
  public String text() {
    return text;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The body as a plain Java value for process variables: JSON as maps and lists, text, or null.
   */
  public Object bodyValue() {
    return json != null ? json : text;
  }

  /** ServiceNow's {@code result} member as plain Java, or null. */
  public Object resultValue() {
    return json instanceof Map<?, ?> map ? map.get("result") : null;
  }

  /** {@code result} when it is one record (an object), or null. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> resultRecord() {
    return resultValue() instanceof Map<?, ?> record ? (Map<String, Object>) record : null;
  }

  /**
   * The records of a list answer ({@code result} as an array of objects); empty for "No Record
   * found"; null when the answer carries no list at all.
   */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> records() {
    if (noRecord) {
      return List.of();
    }
    if (!(resultValue() instanceof List<?> list)) {
      return null;
    }
    for (Object element : list) {
      if (!(element instanceof Map)) {
        return null;
      }
    }
    return (List<Map<String, Object>>) list;
  }

  /** The JSON body as a tree, for callers that want one; built on demand. */
  public JsonNode json() {
    return json == null ? null : Json.tree(json);
  }

  /** ServiceNow's {@code result} member as a tree, or null. */
  public JsonNode result() {
    JsonNode tree = json();
    return tree == null ? null : tree.get("result");
  }

  @Override
  public String toString() {
    return "ServiceNowResponse[status=" + status + ", noRecord=" + noRecord + "]";
  }
}
