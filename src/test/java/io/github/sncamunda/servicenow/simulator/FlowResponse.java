package io.github.sncamunda.servicenow.simulator;

import java.util.Map;

/** A flow trigger's answer; callbacks fire only for 2xx answers. */
public record FlowResponse(
    int status, String contentType, String body, Map<String, String> headers) {

  public FlowResponse {
    headers = Map.copyOf(headers);
  }

  /** ServiceNow's asynchronous trigger answer: 200 {@code {"result":{"executionId":"…"}}}. */
  public static FlowResponse executionId(String executionId) {
    return json(200, "{\"result\":{\"executionId\":\"" + executionId + "\"}}");
  }

  public static FlowResponse json(int status, String json) {
    return new FlowResponse(status, ServiceNowSimulator.JSON, json, Map.of());
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }
}
