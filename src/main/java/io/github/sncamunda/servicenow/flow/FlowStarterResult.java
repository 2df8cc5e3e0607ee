package io.github.sncamunda.servicenow.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import java.util.Map;

/**
 * What the Flow Starter returns: ServiceNow's status, response headers (lower-case names, never
 * Set-Cookie), the body (JSON as maps and lists, other text as text, null when empty), and, when
 * the answer carries them, {@code executionId} (a REST API trigger's {@code result.executionId})
 * and {@code sysId} (a scripted REST API's {@code result.sys_id}) lifted to the top level.
 *
 * <p>Map it with a result expression such as {@code ={executionId: response.executionId}}.
 */
public record FlowStarterResult(
    int status,
    Map<String, String> headers,
    Object body,
    @JsonInclude(JsonInclude.Include.NON_NULL) String executionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sysId) {

  static FlowStarterResult of(ServiceNowResponse response) {
    Map<String, Object> result = response.resultRecord();
    return new FlowStarterResult(
        response.status(),
        response.headers(),
        response.bodyValue(),
        text(result, "executionId"),
        text(result, "sys_id"));
  }

  /**
   * A member of {@code result} as text: a string or number, or {@code {value: …}} (display-value
   * form).
   */
  private static String text(Map<String, Object> result, String name) {
    if (result == null) {
      return null;
    }
    Object value = result.get(name);
    if (value instanceof Map<?, ?> object) {
      value = object.get("value");
    }
    if (!(value instanceof String || value instanceof Number) || value.toString().isEmpty()) {
      return null;
    }
    return value.toString();
  }
}
