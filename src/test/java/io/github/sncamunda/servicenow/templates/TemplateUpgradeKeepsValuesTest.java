package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Modeler's template upgrade matches properties by binding: a value whose binding the newer version
 * no longer has is dropped. So every binding of a frozen version must still be in the current
 * version of that template, with the same job type (the runtime contract), and the connector keeps
 * reading what older versions send (the end-to-end tests run the version 1 diagrams unchanged).
 */
class TemplateUpgradeKeepsValuesTest {

  private static final Pattern VERSIONED = Pattern.compile("(.+)-(\\d+)\\.json");

  @Test
  void everyOldBindingIsStillThere() throws IOException {
    List<Path> frozen;
    try (Stream<Path> files = Files.walk(Path.of("element-templates"))) {
      frozen =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .filter(f -> f.getParent().getFileName().toString().equals("versioned"))
              .sorted()
              .toList();
    }
    assertThat(frozen)
        .as("version 1 of the Incident Handler and the Flow Starter, and of their hybrids")
        .hasSize(4);
    for (Path old : frozen) {
      Matcher name = VERSIONED.matcher(old.getFileName().toString());
      assertThat(name.matches()).as(old.toString()).isTrue();
      JsonNode before = new ObjectMapper().readTree(old.toFile());
      // versioned/ sits next to the current file: element-templates/ or element-templates/hybrid/
      JsonNode now =
          new ObjectMapper()
              .readTree(old.getParent().resolveSibling(name.group(1) + ".json").toFile());

      assertThat(now.get("id").asText()).isEqualTo(before.get("id").asText());
      assertThat(now.get("version").asInt()).isGreaterThan(before.get("version").asInt());
      assertThat(bindings(now)).as("bindings of %s", old).containsAll(bindings(before));
      assertThat(now.at("/properties/0/value").asText())
          .as("job type")
          .isEqualTo(before.at("/properties/0/value").asText());
    }
  }

  /** What a template writes into a diagram, e.g. {@code zeebe:input operation.fields}. */
  private static Set<String> bindings(JsonNode template) {
    Set<String> out = new TreeSet<>();
    for (JsonNode p : template.get("properties")) {
      JsonNode b = p.get("binding");
      String key = b.has("name") ? b.get("name").asText() : b.path("key").asText();
      out.add(b.get("type").asText() + " " + (key.isEmpty() ? b.path("property").asText() : key));
    }
    return out;
  }
}
