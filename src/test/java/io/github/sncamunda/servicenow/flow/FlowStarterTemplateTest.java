package io.github.sncamunda.servicenow.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element template generated from the annotations: labels from the product page, safe bindings.
 */
class FlowStarterTemplateTest {

  private static JsonNode template;

  private static List<JsonNode> variants;

  @BeforeAll
  static void generate() {
    variants =
        new ClassBasedTemplateGenerator()
            .generate(FlowStarterFunction.class).stream()
                .map(t -> (JsonNode) new ObjectMapper().valueToTree(t))
                .toList();
    // the generator does not keep the annotation's order
    template =
        variants.stream()
            .filter(t -> t.at("/elementType/value").asText().equals("bpmn:ServiceTask"))
            .findFirst()
            .orElseThrow();
  }

  private static List<JsonNode> withoutTemplateId(JsonNode t) {
    return StreamSupport.stream(t.get("properties").spliterator(), false)
        .filter(p -> !"id".equals(p.path("id").asText()))
        .toList();
  }

  private static List<JsonNode> properties() {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .collect(Collectors.toList());
  }

  private static JsonNode property(String id) {
    return properties().stream()
        .filter(p -> id.equals(p.path("id").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no property " + id));
  }

  private static List<String> inputTargets() {
    return properties().stream()
        .filter(p -> "zeebe:input".equals(p.path("binding").path("type").asText()))
        .map(p -> p.path("binding").path("name").asText())
        .collect(Collectors.toList());
  }

  @Test
  void identityAndTaskType() {
    assertThat(template.get("id").asText()).isEqualTo("io.github.sncamunda.servicenow.flow");
    assertThat(template.get("name").asText()).isEqualTo("ServiceNow Flow Starter");
    // version 2: tooltips, constraints and the element type variants (issue #16)
    assertThat(template.get("version").asInt()).isEqualTo(2);
    assertThat(template.path("engines").path("camunda").asText()).isEqualTo("^8.8");
    assertThat(template.path("icon").path("contents").asText())
        .startsWith("data:image/svg+xml;base64,");
    assertThat(properties().get(0).path("value").asText())
        .isEqualTo("io.github.sncamunda:servicenow-flow-starter:1");
  }

  @Test
  void alsoASendTaskAndAMessageThrowEventWithTheSameFields() {
    assertThat(variants)
        .extracting(t -> t.get("id").asText() + " " + t.at("/elementType/value").asText())
        .containsExactlyInAnyOrder(
            "io.github.sncamunda.servicenow.flow bpmn:ServiceTask",
            "io.github.sncamunda.servicenow.flow:SendTask bpmn:SendTask",
            "io.github.sncamunda.servicenow.flow:IntermediateThrowEvent"
                + " bpmn:IntermediateThrowEvent");
    assertThat(variants)
        .filteredOn(t -> t.at("/elementType/value").asText().equals("bpmn:IntermediateThrowEvent"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.at("/elementType/eventDefinition").asText())
                    .isEqualTo("bpmn:MessageEventDefinition"));
    for (JsonNode variant : variants) {
      // all but the hidden elementTemplateId header, which names the variant
      assertThat(withoutTemplateId(variant))
          .as(variant.get("id").asText())
          .isEqualTo(withoutTemplateId(template));
    }
  }

  @Test
  void fieldsUseTheProductPageLabels() {
    assertThat(property("connection.instanceName").get("label").asText())
        .isEqualTo("Instance name");
    assertThat(property("flow.path").get("label").asText()).isEqualTo("REST API trigger path");
    assertThat(property("flow.method").get("label").asText()).isEqualTo("Method");
    assertThat(property("flow.headers").get("label").asText()).isEqualTo("Headers");
    assertThat(property("flow.queryParameters").get("label").asText())
        .isEqualTo("Query parameters");
    assertThat(property("flow.body").get("label").asText()).isEqualTo("Request body");
    assertThat(property("authentication.username").get("label").asText()).isEqualTo("Username");
    assertThat(property("authentication.password").get("label").asText()).isEqualTo("Password");
  }

  @Test
  void methodIsADropdownDefaultingToPost() {
    JsonNode method = property("flow.method");
    assertThat(method.get("type").asText()).isEqualTo("Dropdown");
    assertThat(method.get("value").asText()).isEqualTo("POST");
    List<String> choices = new ArrayList<>();
    method.get("choices").forEach(c -> choices.add(c.get("value").asText()));
    assertThat(choices).containsExactly("POST", "GET", "PUT", "PATCH", "DELETE");
  }

  @Test
  void mapsAndBodyAreFeelExpressionsAndBodyOnlyForPostPutPatch() {
    for (String id : List.of("flow.headers", "flow.queryParameters", "flow.body")) {
      assertThat(property(id).get("feel").asText()).as(id).isEqualTo("required");
      assertThat(property(id).get("optional").asBoolean()).as(id).isTrue();
    }
    JsonNode condition = property("flow.body").get("condition");
    assertThat(condition.get("property").asText()).isEqualTo("flow.method");
    List<String> oneOf = new ArrayList<>();
    condition.get("oneOf").forEach(v -> oneOf.add(v.asText()));
    assertThat(oneOf).containsExactly("POST", "PUT", "PATCH");
  }

  @Test
  void everyInputTargetIsUnderADeclaredInputVariableAndNoneIsAFeelKeyword() {
    Set<String> roots =
        Set.of(FlowStarterFunction.class.getAnnotation(OutboundConnector.class).inputVariables());
    assertThat(roots).containsExactlyInAnyOrder("connection", "authentication", "flow");
    assertThat(inputTargets())
        .isNotEmpty()
        .allSatisfy(
            target -> {
              String root = target.split("\\.")[0];
              assertThat(roots).as(target).contains(root);
              assertThat(root)
                  .as(target)
                  .isNotIn(
                      "instance",
                      "function",
                      "if",
                      "then",
                      "else",
                      "for",
                      "in",
                      "return",
                      "some",
                      "every",
                      "satisfies",
                      "and",
                      "or",
                      "between",
                      "null",
                      "true",
                      "false");
            });
  }

  @Test
  void everyVisiblePropertyHasAGroupAndConditionsPointAtExistingProperties() {
    Set<String> ids =
        properties().stream().map(p -> p.path("id").asText()).collect(Collectors.toSet());
    assertThat(properties())
        .allSatisfy(
            p -> {
              if (!"Hidden".equals(p.path("type").asText())) {
                assertThat(p.path("group").asText()).as(p.path("id").asText()).isNotEmpty();
              }
              if (p.has("condition")) {
                assertThat(ids)
                    .as(p.path("id").asText())
                    .contains(p.get("condition").get("property").asText());
              }
            });
  }
}
