package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** One call of a Flow Designer REST trigger with the execution id the simulator answered. */
public record FlowCall(String executionId, RecordedRequest request) {

  /** The request body as JSON, or a missing node when it is empty or not JSON. */
  public JsonNode bodyJson() {
    String body = request.body();
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return SimJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** A top-level text member of the JSON body, e.g. {@code correlationValue}; null when absent. */
  public String bodyField(String name) {
    JsonNode value = bodyJson().get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  public String method() {
    return request.method();
  }

  public String path() {
    return request.path();
  }
}
