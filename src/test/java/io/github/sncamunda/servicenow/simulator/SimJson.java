package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON helpers shared by the endpoints. */
final class SimJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private SimJson() {}

  /** Writes with a streaming generator (faster than building trees for every record). */
  interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] write(int sizeHint, Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A request body as a JSON object: empty body is {@code {}}, an array gives its first element
   * (ServiceNow processes only one record); null when the body is not a JSON object.
   */
  static JsonNode objectBody(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.isArray()) {
        node = node.isEmpty() ? MAPPER.createObjectNode() : node.get(0);
      }
      return node == null || !node.isObject() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  /** A JSON value as ServiceNow stores it: text; {@code {"value":…}} references by their value. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isObject()) {
      JsonNode inner = value.has("value") ? value.get("value") : value.get("sys_id");
      return inner == null ? value.toString() : text(inner);
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    return value.toString();
  }

  /** ServiceNow's error envelope {@code {"error":{"message","detail"},"status":"failure"}}. */
  static String envelope(String message, String detail) {
    var root = MAPPER.createObjectNode();
    var error = root.putObject("error");
    error.put("message", message);
    error.put("detail", detail);
    root.put("status", "failure");
    return root.toString();
  }
}
