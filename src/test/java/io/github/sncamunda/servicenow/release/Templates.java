package io.github.sncamunda.servicenow.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The committed element templates (current, hybrid and versioned), parsed. */
final class Templates {

  private Templates() {}

  /** Every *.json under element-templates/, by path; fails when there is none. */
  static Map<Path, JsonNode> all() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<Path, JsonNode> templates = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("element-templates"))) {
      files
          .filter(f -> f.toString().endsWith(".json"))
          .forEach(
              f -> {
                try {
                  templates.put(f, json.readTree(f.toFile()));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    assertThat(templates).as("templates in element-templates/").isNotEmpty();
    return templates;
  }
}
