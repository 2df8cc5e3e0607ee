package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work notes and comments become sys_journal_field rows, as on ServiceNow. */
class JournalTest {

  private static final String NOTES_QUERY =
      "element_id=%s^element=work_notes^ORelement=comments^ORDERBYDESCsys_created_on";

  /** A clock the test moves forward, so that journal rows get distinct timestamps. */
  private static final class SteppingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-05-01T10:00:00Z");

    void step() {
      now = now.plusSeconds(1);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final SteppingClock clock = new SteppingClock();
  private ServiceNowSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = new ServiceNowSimulator().clock(clock).start();
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private JsonNode notes(String sysId, String extraQuery) {
    SimHttp.Answer answer =
        http.get(
            "/api/now/table/sys_journal_field?sysparm_query="
                + SimHttp.encode(NOTES_QUERY.formatted(sysId))
                + extraQuery);
    assertThat(answer.status()).isEqualTo(200);
    return answer.result();
  }

  @Test
  void journalWritesBecomeRowsNewestFirstAndNeverStayOnTheRecord() {
    String id =
        http.post("/api/now/table/incident", Map.of("work_notes", "created"))
            .result()
            .get("sys_id")
            .asText();
    clock.step();
    JsonNode patched =
        http.patch(
                "/api/now/table/incident/" + id,
                Map.of("comments", "Customer called", "urgency", "2"))
            .result();
    clock.step();
    http.patch("/api/now/table/incident/" + id, Map.of("work_notes", "again"));
    clock.step();
    http.patch("/api/now/table/incident/" + id, Map.of("work_notes", "again")); // appends twice
    http.patch("/api/now/table/incident/" + id, Map.of("work_notes", "")); // empty: nothing

    assertThat(patched.get("comments").asText()).isEmpty();
    assertThat(sim.incident(id).orElseThrow())
        .containsEntry("comments", "")
        .containsEntry("work_notes", "");
    JsonNode rows = notes(id, "");
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.get("element").asText() + ":" + r.get("value").asText()));
    assertThat(values)
        .containsExactly(
            "work_notes:again",
            "work_notes:again",
            "comments:Customer called",
            "work_notes:created");
    JsonNode newest = rows.get(0);
    assertThat(newest.get("element_id").asText()).isEqualTo(id);
    assertThat(newest.get("name").asText()).isEqualTo("incident");
    assertThat(newest.get("sys_created_by").asText()).isEqualTo("admin");
    assertThat(newest.get("sys_created_on").asText()).isEqualTo("2026-05-01 10:00:03");
    assertThat(newest.get("sys_id").asText()).matches("[0-9a-f]{32}");
    assertThat(sim.journal(id))
        .extracting(ServiceNowSimulator.JournalEntry::value)
        .containsExactly("created", "Customer called", "again", "again");
  }

  @Test
  void everyTaskTableKeepsJournalsAndOtherTablesIgnoreThem() {
    sim.table("problem").table("sys_user").table("x_acme_app_case", "ACASE");
    String problem = sim.seed("problem", Map.of("work_notes", "on problem")).get("sys_id");
    String custom = sim.seed("x_acme_app_case", Map.of("comments", "on custom")).get("sys_id");
    String user = sim.seed("sys_user", Map.of("work_notes", "not a journal here")).get("sys_id");

    assertThat(notes(problem, "").get(0).get("name").asText()).isEqualTo("problem");
    assertThat(notes(custom, "").get(0).get("name").asText()).isEqualTo("x_acme_app_case");
    assertThat(notes(user, "")).isEmpty();
    assertThat(sim.record("sys_user", user).orElseThrow()).doesNotContainKey("work_notes");
  }

  @Test
  void journalRowsPageAndCannotBeWrittenDirectly() {
    String id = sim.seedIncident(Map.of()).get("sys_id");
    for (int i = 0; i < 12; i++) {
      clock.step();
      http.patch("/api/now/table/incident/" + id, Map.of("work_notes", "note " + i));
    }
    SimHttp.Answer page =
        http.get(
            "/api/now/table/sys_journal_field?sysparm_limit=5&sysparm_query="
                + SimHttp.encode(NOTES_QUERY.formatted(id)));
    assertThat(page.header("X-Total-Count")).isEqualTo("12");
    assertThat(page.result()).hasSize(5);
    assertThat(page.result().get(0).get("value").asText()).isEqualTo("note 11");
    assertThat(page.header("Link")).contains("rel=\"next\"");
    assertThat(
            notes(id, "&sysparm_fields=value&sysparm_limit=1&sysparm_offset=11")
                .get(0)
                .get("value")
                .asText())
        .isEqualTo("note 0");

    SimHttp.Answer refused =
        http.post("/api/now/table/sys_journal_field", Map.of("element_id", id, "value", "x"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(sim.journal(id)).hasSize(12);
  }
}
