package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The bundle's one ObjectMapper: thread-safe, shared, bounded against hostile nesting. */
public final class Json {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
  }

  private Json() {}

  public static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  /**
   * A JSON tree as plain Java values (LinkedHashMap, ArrayList, String, Number, Boolean, null) for
   * process variables. Walks the tree directly: convertValue would serialise it to tokens first.
   */
  public static Object toPlain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      java.util.Map<String, Object> map =
          new java.util.LinkedHashMap<>(Math.max(4, node.size() * 4 / 3 + 1));
      node.fields().forEachRemaining(field -> map.put(field.getKey(), toPlain(field.getValue())));
      return map;
    }
    if (node.isArray()) {
      java.util.List<Object> list = new java.util.ArrayList<>(node.size());
      node.forEach(element -> list.add(toPlain(element)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.asText();
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
