package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.github.sncamunda.servicenow.flow.FlowStarterFunction;
import io.github.sncamunda.servicenow.incident.IncidentHandlerFunction;
import io.github.sncamunda.servicenow.record.RecordHandlerFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runtime fetches only {@code @OutboundConnector(inputVariables)} for a job; a template input
 * whose target root is not listed there silently never reaches the connector. Older template
 * versions count too: their diagrams still run.
 */
class TemplateInputsReachTheConnectorTest {

  @ParameterizedTest
  @CsvSource({
    "servicenow-flow-starter.json, flow",
    "hybrid/servicenow-flow-starter-hybrid.json, flow",
    "servicenow-flow-starter-send-task.json, flow",
    "hybrid/servicenow-flow-starter-send-task-hybrid.json, flow",
    "servicenow-flow-starter-message-throw-event.json, flow",
    "hybrid/servicenow-flow-starter-message-throw-event-hybrid.json, flow",
    "servicenow-incident-handler.json, incident",
    "hybrid/servicenow-incident-handler-hybrid.json, incident",
    "servicenow-record-handler.json, record",
    "hybrid/servicenow-record-handler-hybrid.json, record",
    // what version 1 diagrams send must reach the connector too
    "versioned/servicenow-flow-starter-1.json, flow",
    "versioned/servicenow-incident-handler-1.json, incident"
  })
  void everyInputTargetRootIsFetched(String file, String connector) throws IOException {
    Class<?> function =
        switch (connector) {
          case "flow" -> FlowStarterFunction.class;
          case "incident" -> IncidentHandlerFunction.class;
          default -> RecordHandlerFunction.class;
        };
    OutboundConnector annotation = function.getAnnotation(OutboundConnector.class);
    JsonNode template = new ObjectMapper().readTree(Path.of("element-templates", file).toFile());

    Set<String> roots = new TreeSet<>();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      if ("zeebe:input".equals(binding.path("type").asText())) {
        roots.add(binding.get("name").asText().split("\\.")[0]);
      }
    }
    assertThat(roots).isNotEmpty();
    assertThat(Set.of(annotation.inputVariables())).containsAll(roots);
    if (!file.startsWith("hybrid/")) {
      assertThat(template.at("/properties/0/value").asText()).isEqualTo(annotation.type());
    }
  }
}
