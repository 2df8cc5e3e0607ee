package io.github.sncamunda.servicenow.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowStarterTemplateTest {

  private static JsonNode template;

  @BeforeAll
  static void generate() {
    var templates = new ClassBasedTemplateGenerator().generate(FlowStarterFunction.class);
    ObjectMapper mapper = new ObjectMapper();
    template = mapper.valueToTree(templates.get(0));
    System.out.println(template.toPrettyString());
  }

  @Test
  void dump() {
    assertThat(template.get("id").asText()).isEqualTo("io.github.sncamunda.servicenow.flow");
  }
}
