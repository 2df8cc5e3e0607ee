package io.github.sncamunda.servicenow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.generator.api.GeneratorConfiguration;
import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import io.github.sncamunda.servicenow.TestJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The annotations generate a usable template (the Maven plugin runs the same generator). */
class IncidentTemplateTest {

  static JsonNode template;

  @BeforeAll
  static void generate() {
    var templates =
        new ClassBasedTemplateGenerator()
            .generate(IncidentHandlerFunction.class, GeneratorConfiguration.DEFAULT);
    assertThat(templates).hasSize(1);
    template = TestJson.MAPPER.valueToTree(templates.get(0));
  }

  @Test
  void identityAndIcon() {
    assertThat(template.get("id").asText()).isEqualTo("io.github.sncamunda.servicenow.incident");
    assertThat(template.get("name").asText()).isEqualTo("ServiceNow Incident Handler");
    // version 2: the table options declared once, tooltips and constraints (issue #16)
    assertThat(template.get("version").asInt()).isEqualTo(2);
    assertThat(template.at("/engines/camunda").asText()).isEqualTo("^8.8");
    assertThat(template.at("/icon/contents").asText()).startsWith("data:image/svg+xml;base64,");
    assertThat(template.get("properties").get(0).get("value").asText())
        .isEqualTo("io.github.sncamunda:servicenow-incident:1");
  }

  @Test
  void propertyIdsAreUniqueAndEveryGroupIsDeclared() {
    Set<String> groups = new HashSet<>();
    template.get("groups").forEach(g -> groups.add(g.get("id").asText()));
    List<String> ids = new ArrayList<>();
    template
        .get("properties")
        .forEach(
            p -> {
              if (p.has("id")) {
                ids.add(p.get("id").asText());
              }
              // only the hidden task type may stay outside a group; an ungrouped input lands in
              // "Properties"
              if (!p.get("type").asText().equals("Hidden")) {
                assertThat(p.has("group")).as("group of %s", p).isTrue();
              }
              if (p.has("group")) {
                assertThat(groups).contains(p.get("group").asText());
              }
            });
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void operationDropdownOffersEveryOperation() {
    JsonNode discriminator = property("operation.operation");
    assertThat(discriminator.get("type").asText()).isEqualTo("Dropdown");
    assertThat(discriminator.get("value").asText()).isEqualTo("create");
    List<String> choices = new ArrayList<>();
    discriminator
        .get("choices")
        .forEach(c -> choices.add(c.get("name").asText() + "=" + c.get("value").asText()));
    assertThat(choices)
        .containsExactlyInAnyOrder(
            "Create=create", "Read=read", "Update=update", "Delete=delete", "Search=search");
  }

  @Test
  void fieldsBindToTheVariablesTheConnectorReads() {
    assertThat(binding("operation.read.sysId")).isEqualTo("operation.sysId");
    assertThat(binding("operation.update.payload")).isEqualTo("operation.payload");
    assertThat(binding("operation.create.correlationId")).isEqualTo("operation.correlationId");
    assertThat(binding("operation.search.limit")).isEqualTo("operation.limit");
    // declared once (id options.displayValue) but bound where version 1 put it
    assertThat(binding("options.displayValue")).isEqualTo("operation.displayValue");
    assertThat(binding("connection.instanceName")).isEqualTo("connection.instanceName");
    assertThat(binding("authentication.password")).isEqualTo("authentication.password");
    assertThat(property("operation.create.payload").get("label").asText()).isEqualTo("Payload");
    assertThat(property("operation.delete.sysId").get("label").asText()).isEqualTo("Sys ID");
    assertThat(property("options.displayValue").get("group").asText()).isEqualTo("options");
  }

  private static String binding(String id) {
    return property(id).at("/binding/name").asText();
  }

  private static JsonNode property(String id) {
    for (JsonNode p : template.get("properties")) {
      if (id.equals(p.path("id").asText())) {
        return p;
      }
    }
    throw new AssertionError("no property " + id);
  }
}
