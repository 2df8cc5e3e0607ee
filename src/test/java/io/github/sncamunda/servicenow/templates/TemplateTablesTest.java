package io.github.sncamunda.servicenow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inbound templates offer the Record Handler's table dropdown (same values, labels, default and
 * Other with the same typed-name rule): one list for users, two annotations in the code.
 */
class TemplateTablesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void inboundTemplatesOfferTheRecordHandlersTables() throws Exception {
    JsonNode handler = property("servicenow-record-handler.json", "table.table");
    JsonNode handlerName = property("servicenow-record-handler.json", "table.tableName");
    for (String inbound :
        List.of(
            "servicenow-record-watcher-message-start.json",
            "servicenow-record-wait-intermediate-catch.json",
            "servicenow-record-wait-boundary.json")) {
      JsonNode table = property(inbound, "table.table");
      assertThat(table.get("choices")).as(inbound).isEqualTo(handler.get("choices"));
      assertThat(table.get("value")).as(inbound).isEqualTo(handler.get("value"));
      assertThat(table.has("condition"))
          .as("%s: every inbound element has a table", inbound)
          .isFalse();
      JsonNode name = property(inbound, "table.tableName");
      assertThat(name.get("constraints")).as(inbound).isEqualTo(handlerName.get("constraints"));
    }
  }

  private static JsonNode property(String template, String id) throws Exception {
    for (JsonNode p :
        JSON.readTree(Path.of("element-templates", template).toFile()).get("properties")) {
      if (id.equals(p.path("id").asText())) {
        return p;
      }
    }
    throw new AssertionError(template + " has no property " + id);
  }
}
