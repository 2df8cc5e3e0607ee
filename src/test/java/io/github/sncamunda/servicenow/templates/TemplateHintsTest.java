package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sncamunda.servicenow.common.FieldPatterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user sees in the committed current templates (hybrids included): hover help on every field
 * and group (tooltip first; a description only next to a tooltip, for limits and warnings), and the
 * connector's input rules as constraints wherever a shared field appears.
 */
class TemplateHintsTest {

  /** Shared fields and the rule each carries, in every template that has them. */
  private static final Map<String, String> PATTERNS =
      Map.ofEntries(
          Map.entry("connection.instanceName", FieldPatterns.INSTANCE_NAME),
          Map.entry("connection.baseUrl", FieldPatterns.URL),
          Map.entry("connection.timeoutSeconds", FieldPatterns.TIMEOUT_SECONDS),
          Map.entry("authentication.clientCredentialsTokenUrl", FieldPatterns.URL),
          Map.entry("authentication.passwordGrantTokenUrl", FieldPatterns.URL),
          Map.entry("authentication.jwtBearerTokenUrl", FieldPatterns.URL),
          Map.entry("authentication.jwtBearerLifetimeSeconds", FieldPatterns.JWT_LIFETIME_SECONDS),
          Map.entry("operation.read.sysId", FieldPatterns.SYS_ID),
          Map.entry("operation.update.sysId", FieldPatterns.SYS_ID),
          Map.entry("operation.delete.sysId", FieldPatterns.SYS_ID),
          Map.entry("operation.create.correlationId", FieldPatterns.CORRELATION_ID),
          Map.entry("operation.search.orderBy", FieldPatterns.FIELD_NAME),
          Map.entry("operation.search.offset", FieldPatterns.OFFSET),
          Map.entry("options.fields", FieldPatterns.FIELD_LIST),
          Map.entry("flow.path", FieldPatterns.FLOW_PATH));

  static List<Path> currentTemplates() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("element-templates"))) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .filter(f -> !f.toString().contains("versioned"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyFieldAndGroupUsersSeeHasATooltip() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : currentTemplates()) {
      JsonNode template = new ObjectMapper().readTree(file.toFile());
      Set<String> usedGroups = new HashSet<>();
      for (JsonNode p : template.get("properties")) {
        if (p.get("type").asText().equals("Hidden")) {
          continue;
        }
        usedGroups.add(p.path("group").asText());
        if (!p.hasNonNull("tooltip")) {
          missing.add(file + ": property " + p.path("id").asText());
        }
      }
      for (JsonNode g : template.get("groups")) {
        if (usedGroups.contains(g.get("id").asText()) && !g.hasNonNull("tooltip")) {
          missing.add(file + ": group " + g.get("id").asText());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void sharedFieldsCarryTheConnectorsRules() throws IOException {
    int checked = 0;
    for (Path file : currentTemplates()) {
      JsonNode template = new ObjectMapper().readTree(file.toFile());
      for (JsonNode p : template.get("properties")) {
        String expected = PATTERNS.get(p.path("id").asText());
        if (expected != null) {
          assertThat(p.at("/constraints/pattern/value").asText())
              .as("%s: %s", file, p.get("id").asText())
              .isEqualTo(expected);
          assertThat(p.at("/constraints/pattern/message").asText())
              .as("reads after the label")
              .startsWith("must be ");
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(PATTERNS.size());
  }
}
