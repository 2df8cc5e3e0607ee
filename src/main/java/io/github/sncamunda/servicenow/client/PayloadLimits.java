package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bounds on what a process may send. Incident fields and flow inputs are flat or shallow; a deeply
 * nested or huge body is a modelling mistake (or an attack on the parser at either end) and is
 * refused before anything is sent.
 */
final class PayloadLimits {

  static final int MAX_DEPTH = 64;
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private PayloadLimits() {}

  /** Iterative, so a hostile depth cannot overflow the stack here either. */
  static void checkDepth(JsonNode body) {
    if (body == null || !body.isContainerNode()) {
      return;
    }
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(body);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        throw new ConnectorInputException(
            "The request body nests deeper than "
                + MAX_DEPTH
                + " levels; send flat fields instead");
      }
      for (JsonNode child : node) {
        if (child.isContainerNode()) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }

  static void checkSize(byte[] serialized) {
    if (serialized.length > MAX_BYTES) {
      throw new ConnectorInputException(
          "The request body is "
              + serialized.length
              + " bytes; at most "
              + MAX_BYTES
              + " bytes are sent to ServiceNow");
    }
  }
}
