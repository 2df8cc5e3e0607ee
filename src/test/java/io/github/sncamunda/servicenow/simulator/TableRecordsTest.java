package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Table API records on every table the Record Handler will use, over plain HTTP. */
class TableRecordsTest {

  private ServiceNowSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = new ServiceNowSimulator().start();
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private JsonNode create(String table, Map<String, ?> fields) {
    SimHttp.Answer created = http.post("/api/now/table/" + table, fields);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.result();
  }

  @Test
  void eachStandardTableNumbersItsOwnRecords() {
    sim.standardTables();
    Map<String, String> prefixes =
        Map.of(
            "incident", "INC",
            "problem", "PRB",
            "change_request", "CHG",
            "change_task", "CTASK",
            "sc_req_item", "RITM",
            "sc_request", "REQ",
            "sc_task", "SCTASK");
    prefixes.forEach(
        (table, prefix) -> {
          JsonNode first = create(table, Map.of("short_description", "first " + table));
          JsonNode second =
              create(
                  table, Map.of("short_description", "second", "correlation_id", "ext-" + table));
          assertThat(first.get("number").asText()).isEqualTo(prefix + "0010001");
          assertThat(second.get("number").asText()).isEqualTo(prefix + "0010002");
          assertThat(second.get("correlation_id").asText()).isEqualTo("ext-" + table);
          assertThat(first.get("sys_class_name").asText()).isEqualTo(table);
          assertThat(first.get("active").asText()).isEqualTo("true");
          assertThat(first.get("opened_by").get("value").asText()).isEqualTo("admin");
        });
    for (String table : new String[] {"cmdb_ci", "sys_user", "sys_user_group"}) {
      JsonNode record = create(table, Map.of("name", "n-" + table));
      assertThat(record.has("number")).as(table).isFalse();
      assertThat(record.get("name").asText()).isEqualTo("n-" + table);
      assertThat(record.get("sys_id").asText()).matches("[0-9a-f]{32}");
    }
    assertThat(sim.records("problem")).hasSize(2);
    assertThat(sim.incidents()).hasSize(2);
  }

  @Test
  void defaultsReferencesAndUnknownColumnsFollowTheTable() {
    sim.standardTables();
    JsonNode request = create("sc_request", Map.of("requested_for", "u-1"));
    JsonNode item =
        create(
            "sc_req_item",
            Map.of("request", request.get("sys_id").asText(), "quantity", 2, "bogus", "x"));

    assertThat(item.get("request").get("link").asText())
        .isEqualTo(sim.baseUrl() + "/api/now/table/sc_request/" + request.get("sys_id").asText());
    assertThat(item.get("quantity").asText()).isEqualTo("2");
    assertThat(item.has("bogus")).isFalse(); // unknown fields are ignored, as ServiceNow does
    assertThat(create("problem", Map.of()).get("state").asText()).isEqualTo("101");
    assertThat(create("change_request", Map.of()).get("type").asText()).isEqualTo("normal");
    JsonNode patched =
        http.patch(
                "/api/now/table/sc_req_item/" + item.get("sys_id").asText(),
                Map.of("stage", "fulfillment", "u_extra", "kept"))
            .result();
    assertThat(patched.get("stage").asText()).isEqualTo("fulfillment");
    assertThat(patched.get("u_extra").asText()).isEqualTo("kept");
    assertThat(patched.get("sys_mod_count").asText()).isEqualTo("1");
  }

  @Test
  void tablesExistOnlyOnceAdded() {
    SimHttp.Answer missing = http.get("/api/now/table/problem");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/error/message").asText()).isEqualTo("Invalid table problem");
    assertThatThrownBy(() -> sim.records("problem")).hasMessageContaining("table(\"problem\")");

    sim.table("problem").table("problem");
    assertThat(http.get("/api/now/table/problem").status()).isEqualTo(200);
    assertThatThrownBy(() -> sim.table("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.table("incident", "X")).hasMessageContaining("standard table");
  }

  @Test
  void customScopedTablesStoreAnyColumnAndAnswerQueries() {
    sim.table("x_acme_app_item");
    JsonNode created =
        create(
            "x_acme_app_item",
            Map.of("size", "L", "u_color", "red", "correlation_id", "ord-7", "Bad Name", "x"));
    create("x_acme_app_item", Map.of("size", "S"));

    assertThat(created.has("number")).isFalse();
    assertThat(created.get("size").asText()).isEqualTo("L");
    assertThat(created.get("correlation_id").asText()).isEqualTo("ord-7");
    assertThat(created.has("Bad Name")).isFalse();
    assertThat(created.get("sys_class_name").asText()).isEqualTo("x_acme_app_item");
    JsonNode found = http.get("/api/now/table/x_acme_app_item?sysparm_query=size=L").result();
    assertThat(found).hasSize(1);
    assertThat(sim.recordsWhere("x_acme_app_item", "correlation_id", "ord-7")).hasSize(1);
  }

  @Test
  void customTaskTablesAreNumberedAndKeepJournalsOutOfTheRecord() {
    sim.table("x_acme_app_case", "ACASE");
    JsonNode created = create("x_acme_app_case", Map.of("work_notes", "first note", "tier", "2"));

    assertThat(created.get("number").asText()).isEqualTo("ACASE0010001");
    assertThat(created.get("work_notes").asText()).isEmpty();
    assertThat(created.get("tier").asText()).isEqualTo("2");
    assertThat(sim.record("x_acme_app_case", created.get("sys_id").asText()).orElseThrow())
        .containsEntry("work_notes", "");
  }

  @Test
  void seedAndAccessorsWorkOnAnyTableAndTheIncidentWrappersStay() {
    sim.table("sys_user");
    Map<String, String> user = sim.seed("sys_user", Map.of("user_name", "abel.tuter"));
    Map<String, String> incident = sim.seedIncident(Map.of("caller_id", user.get("sys_id")));

    assertThat(sim.record("sys_user", user.get("sys_id"))).contains(user);
    assertThat(sim.recordsWhere("sys_user", "user_name", "abel.tuter")).containsExactly(user);
    assertThat(sim.records("incident")).containsExactly(incident);
    assertThat(sim.incident(incident.get("sys_id"))).contains(incident);
    assertThat(incident.get("number")).isEqualTo("INC0010001");
    JsonNode read = http.get("/api/now/table/sys_user/" + user.get("sys_id")).result();
    assertThat(read.get("user_name").asText()).isEqualTo("abel.tuter");
    assertThat(read.get("active").asText()).isEqualTo("true");

    sim.reset();
    assertThat(sim.records("sys_user")).isEmpty(); // reset keeps the tables, not their rows
  }
}
