package io.github.sncamunda.servicenow.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed Record Handler template, as Modeler reads it. */
class RecordTemplateTest {

  static JsonNode template;

  @BeforeAll
  static void read() throws IOException {
    template =
        new ObjectMapper()
            .readTree(Path.of("element-templates", "servicenow-record-handler.json").toFile());
  }

  @Test
  void identityAndJobType() {
    assertThat(template.get("id").asText()).isEqualTo("io.github.sncamunda.servicenow.record");
    assertThat(template.get("name").asText()).isEqualTo("ServiceNow Record Handler");
    assertThat(template.at("/properties/0/value").asText())
        .isEqualTo("io.github.sncamunda:servicenow-record:1");
    assertThat(template.get("groups").get(0).get("id").asText()).isEqualTo("operation");
  }

  @Test
  void operationsAndTablesAreOffered() {
    assertThat(choices("operation.operation"))
        .containsExactly(
            "Create record=create",
            "Read record=read",
            "Update record=update",
            "Delete record=delete",
            "Search records=search",
            "Add work note=addWorkNote",
            "Add comment=addComment",
            "Read journal=readJournal",
            "Order catalog item=orderCatalogItem",
            "Upload attachments=uploadAttachments",
            "List attachments=listAttachments",
            "Download attachments=downloadAttachments",
            "Delete attachment=deleteAttachment");
    assertThat(choices("table.table"))
        .containsExactly(
            "Incident=incident",
            "Problem=problem",
            "Change request=change_request",
            "Change task=change_task",
            "Requested item=sc_req_item",
            "Request=sc_request",
            "Catalog task=sc_task",
            "Configuration item=cmdb_ci",
            "User=sys_user",
            "Group=sys_user_group",
            "Other=other");
    assertThat(property("table.tableName").at("/condition/equals").asText()).isEqualTo("other");
  }

  @Test
  void patternsAgreeWithTheConnectorsRules() {
    Pattern sysId = pattern("operation.read.sysId");
    assertThat(sysId.matcher("46d44e2ba9fe1981009d6a8c4e2f7a76").matches()).isTrue();
    assertThat(sysId.matcher("=recordSysId").matches()).isTrue();
    assertThat(sysId.matcher("abc/def").matches()).isFalse();
    assertThat(sysId.matcher("a".repeat(33)).matches()).isFalse();
    Pattern table = pattern("table.tableName");
    assertThat(table.matcher("x_acme_app_item").matches()).isTrue();
    assertThat(table.matcher("Incident").matches()).isFalse();
    assertThat(table.matcher("../sys_user").matches()).isFalse();
    Pattern limit = pattern("operation.search.limit");
    assertThat(limit.matcher("10000").matches()).isTrue();
    assertThat(limit.matcher("10001").matches()).isFalse();
    assertThat(limit.matcher("0").matches()).isFalse();
  }

  @Test
  void everyUserFacingFieldHasATooltip() {
    List<String> without = new ArrayList<>();
    for (JsonNode p : template.get("properties")) {
      String group = p.path("group").asText();
      boolean ours =
          List.of("operation", "table", "options").contains(group)
              && !p.get("type").asText().equals("Hidden");
      if (ours
          && !p.hasNonNull("tooltip")
          && !p.path("id").asText().equals("operation.operation")) {
        without.add(p.path("id").asText());
      }
    }
    assertThat(without).isEmpty();
  }

  @Test
  void optionsAreDeclaredOnceAndShownOnlyWhereTheyApply() {
    assertThat(property("options.inputDisplayValue").at("/condition/oneOf").toString())
        .isEqualTo("[\"create\",\"update\"]");
    assertThat(property("options.fields").at("/condition/oneOf").toString())
        .doesNotContain("delete", "readJournal");
    assertThat(property("operation.search.maxRecords").at("/condition/allMatch").size())
        .isEqualTo(2);
  }

  private static Pattern pattern(String id) {
    return Pattern.compile(property(id).at("/constraints/pattern/value").asText());
  }

  private static List<String> choices(String id) {
    List<String> out = new ArrayList<>();
    property(id)
        .get("choices")
        .forEach(c -> out.add(c.get("name").asText() + "=" + c.get("value").asText()));
    return out;
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
