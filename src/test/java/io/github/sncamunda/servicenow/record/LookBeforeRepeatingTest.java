package io.github.sncamunda.servicenow.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentReference;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.RecordedRequest;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import io.github.sncamunda.servicenow.table.CatalogOrder;
import io.github.sncamunda.servicenow.table.RecordResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write whose answer was lost is looked up before it is sent again: for each kind of write, a
 * reset after ServiceNow committed it and a reset before, and the simulator holds it once either
 * way; a look that itself fails sends nothing more, and leaves the job its retries only where the
 * retried job looks first (a keyed create).
 */
class LookBeforeRepeatingTest {

  private static final String ITEM = "060f3afa3731300054b6a3549dbe5d3e";
  private static final String NOTE_TEXT = "Disk replaced; secret-free note";
  private static final String PAYLOAD_VALUE = "payload-value-never-logged";

  private static final Map<String, Object> TABLE = Map.of("table", "incident");

  private static ServiceNowSimulator sim;
  private static ServiceNowClient client;

  @BeforeAll
  static void start() {
    sim = new ServiceNowSimulator().standardTables().catalogItem(ITEM, "Laptop").start();
    client =
        new ServiceNowClient(
            ClientSettings.defaults()
                .withRetry(
                    new ClientSettings.RetrySettings(
                        3, Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO)));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    sim.close();
  }

  @BeforeEach
  void clean() {
    sim.reset();
  }

  private static Fault reset(String when) {
    return when.equals("after") ? Fault.dropAfterProcessing() : Fault.dropBeforeProcessing();
  }

  private static List<String> info(LogCapture logs) {
    return logs.events().stream()
        .filter(e -> e.getLevel() == Level.INFO)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static long writes(String method, String pathPrefix) {
    return sim.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  private static List<RecordedRequest> journalReads() {
    return sim.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().contains("sys_journal_field"))
        .toList();
  }

  @ParameterizedTest(name = "reset {0} the commit")
  @ValueSource(strings = {"after", "before"})
  void aWorkNoteIsWrittenOnce(String when) {
    String sysId = sim.seedIncident(Map.of("short_description", "disk")).get("sys_id");
    sim.failNext(1, "PATCH", "/api/now/table/incident", reset(when));

    try (LogCapture logs = new LogCapture()) {
      RecordResult result =
          (RecordResult)
              run(TABLE, Map.of("operation", "addWorkNote", "sysId", sysId, "text", NOTE_TEXT), 1L);

      assertThat(result.sysId()).isEqualTo(sysId);
      assertThat(sim.journal(sysId))
          .extracting(ServiceNowSimulator.JournalEntry::value)
          .containsExactly(NOTE_TEXT);
      assertThat(journalReads()).hasSize(1);
      assertThat(writes("PATCH", "/api/now/table/incident"))
          .isEqualTo(when.equals("after") ? 1 : 2);
      String expected = when.equals("after") ? "looked and found" : "looked and did not find";
      assertThat(info(logs))
          .filteredOn(l -> l.contains("looked and"))
          .singleElement()
          .asString()
          .contains(expected)
          .contains(sysId)
          .doesNotContain(NOTE_TEXT);
    }
  }

  @ParameterizedTest(name = "reset {0} the commit")
  @ValueSource(strings = {"after", "before"})
  void anUpdateWithAJournalFieldIsWrittenOnce(String when) {
    String sysId = sim.seedIncident(Map.of("short_description", "disk")).get("sys_id");
    sim.failNext(1, "PATCH", "/api/now/table/incident", reset(when));

    run(
        TABLE,
        Map.of(
            "operation",
            "update",
            "sysId",
            sysId,
            "payload",
            Map.of("urgency", "1", "comments", "Escalated")),
        1L);

    assertThat(sim.journal(sysId))
        .extracting(ServiceNowSimulator.JournalEntry::value)
        .containsExactly("Escalated");
    assertThat(sim.incident(sysId).orElseThrow().get("urgency")).isEqualTo("1");
  }

  @ParameterizedTest(name = "reset {0} the commit")
  @ValueSource(strings = {"after", "before"})
  void anUpdateWithoutJournalFieldsIsSentAgain(String when) {
    String sysId = sim.seedIncident(Map.of("short_description", "disk")).get("sys_id");
    sim.failNext(1, "PATCH", "/api/now/table/incident", reset(when));

    run(
        TABLE,
        Map.of("operation", "update", "sysId", sysId, "payload", Map.of("urgency", "1")),
        1L);

    assertThat(sim.incident(sysId).orElseThrow().get("urgency")).isEqualTo("1");
    assertThat(writes("PATCH", "/api/now/table/incident")).isEqualTo(2);
    assertThat(sim.journal(sysId)).isEmpty();
  }

  @ParameterizedTest(name = "reset {0} the commit")
  @ValueSource(strings = {"after", "before"})
  void aCreateWithoutACorrelationIdIsMarkedAndCreatedOnce(String when) {
    sim.failNext(1, "POST", "/api/now/table/incident", reset(when));

    try (LogCapture logs = new LogCapture()) {
      RecordResult result =
          (RecordResult)
              run(
                  TABLE,
                  Map.of(
                      "operation", "create", "payload", Map.of("short_description", PAYLOAD_VALUE)),
                  4711L);

      assertThat(sim.incidents()).singleElement();
      Map<String, String> incident = sim.incidents().get(0);
      assertThat(incident.get("correlation_id")).isEqualTo("camunda-4711");
      assertThat(result.sysId()).isEqualTo(incident.get("sys_id"));
      assertThat(info(logs))
          .filteredOn(l -> l.contains("looked and"))
          .singleElement()
          .asString()
          .contains("camunda-4711")
          .doesNotContain(PAYLOAD_VALUE);
    }
  }

  @Test
  void aRetriedJobOfTheSameTaskFindsTheMarkedRecordAndTheNextTaskCreatesAnother() {
    Map<String, Object> create =
        Map.of("operation", "create", "payload", Map.of("short_description", "x"));
    RecordResult first = (RecordResult) run(TABLE, create, 10L);
    RecordResult retried = (RecordResult) run(TABLE, create, 10L);
    RecordResult next = (RecordResult) run(TABLE, create, 11L);

    assertThat(retried.sysId()).isEqualTo(first.sysId());
    assertThat(retried.created()).isFalse();
    assertThat(next.sysId()).isNotEqualTo(first.sysId());
    assertThat(sim.incidents()).hasSize(2);
  }

  @Test
  void markingTurnedOffKeepsTheNoRetryIncident() {
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    TABLE,
                    Map.of(
                        "operation",
                        "create",
                        "unmarked",
                        true,
                        "payload",
                        Map.of("short_description", "x")),
                    12L));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class, e -> assertThat(e.getRetries()).isZero());
    assertThat(sim.incidents()).singleElement();
    assertThat(sim.incidents().get(0).get("correlation_id")).isNullOrEmpty();
  }

  @ParameterizedTest(name = "reset {0} the commit")
  @ValueSource(strings = {"after", "before"})
  void aCatalogOrderIsPlacedOnce(String when) {
    sim.failNext(1, "POST", "/api/sn_sc/", reset(when));

    CatalogOrder order =
        (CatalogOrder)
            run(
                null,
                Map.of("operation", "orderCatalogItem", "itemSysId", ITEM, "quantity", 1),
                1L);

    assertThat(sim.catalogOrders()).singleElement();
    assertThat(order.sysId()).isEqualTo(sim.catalogOrders().get(0).requestSysId());
    assertThat(order.requestedItems()).hasSize(1);
  }

  /**
   * Found by the scale fault run: the note's answer was lost and the journal read failed (429); the
   * job kept its retries, and the retried job, which does not look, added the note a second time.
   */
  @Test
  void aJournalReadThatFailsSendsNothingMoreAndStopsTheJobSinceARetryWouldNotLook() {
    String sysId = sim.seedIncident(Map.of("short_description", "disk")).get("sys_id");
    sim.failNext(1, "PATCH", "/api/now/table/incident", Fault.dropAfterProcessing());
    sim.failNext(1, "GET", "/api/now/table/sys_journal_field", Fault.serverError());

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    TABLE,
                    Map.of("operation", "addWorkNote", "sysId", sysId, "text", NOTE_TEXT),
                    1L));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class, e -> assertThat(e.getRetries()).isZero());
    assertThat(thrown.getMessage())
        .contains("nothing was sent again", "would send it without looking", sysId)
        .doesNotContain(NOTE_TEXT);
    assertThat(writes("PATCH", "/api/now/table/incident")).isEqualTo(1);
    assertThat(sim.journal(sysId)).hasSize(1);
  }

  @Test
  void aCatalogOrderWhoseLookFailsIsNotRetriedEither() {
    sim.failNext(1, "POST", "/api/sn_sc/", Fault.dropAfterProcessing());
    sim.failNext(1, "GET", "/api/now/table/sc_req_item", Fault.serverError());

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    null,
                    Map.of("operation", "orderCatalogItem", "itemSysId", ITEM, "quantity", 1),
                    1L));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class, e -> assertThat(e.getRetries()).isZero());
    assertThat(sim.catalogOrders()).singleElement();
  }

  @Test
  void aKeyedCreateWhoseLookFailsKeepsItsRetriesAndTheRetriedJobFindsTheRecord() {
    Map<String, Object> create =
        Map.of(
            "operation",
            "create",
            "payload",
            Map.of("short_description", PAYLOAD_VALUE),
            "correlationId",
            "order-77");
    sim.failNext(1, "GET", "/api/now/table/incident", Fault.delay(Duration.ZERO)); // the first look
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());
    sim.failNext(1, "GET", "/api/now/table/incident", Fault.serverError()); // the look after it

    Throwable thrown = catchThrowable(() -> run(TABLE, create, 1L));

    assertThat(thrown).isInstanceOf(ConnectorException.class);
    assertThat(thrown).isNotInstanceOf(ConnectorRetryException.class); // the job keeps its retries
    assertThat(thrown.getMessage()).contains("the job is retried and looks first");
    RecordResult retried = (RecordResult) run(TABLE, create, 1L); // Zeebe's retry
    assertThat(sim.incidents()).singleElement();
    assertThat(retried.sysId()).isEqualTo(sim.incidents().get(0).get("sys_id"));
    assertThat(writes("POST", "/api/now/table/incident")).isEqualTo(1);
  }

  private static Object run(
      Map<String, Object> table, Map<String, Object> operation, long elementInstanceKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", sim.baseUrl()));
    variables.put("authentication", Map.of("type", "basic", "username", "admin", "password", "pw"));
    if (table != null) {
      variables.put("table", table);
    }
    variables.put("operation", operation);
    var bound = OutboundConnectorContextBuilder.create().variables(variables).build();
    return new RecordHandlerFunction(client).execute(withKey(bound, elementInstanceKey));
  }

  /** The test builder's context with a job whose element instance key is {@code key}. */
  private static OutboundConnectorContext withKey(OutboundConnectorContext bound, long key) {
    JobContext job = bound.getJobContext();
    JobContext keyed =
        new JobContext() {
          @Override
          public Map<String, String> getCustomHeaders() {
            return job.getCustomHeaders();
          }

          @Override
          public String getVariables() {
            return job.getVariables();
          }

          @Override
          public String getType() {
            return job.getType();
          }

          @Override
          public long getProcessInstanceKey() {
            return job.getProcessInstanceKey();
          }

          @Override
          public String getBpmnProcessId() {
            return job.getBpmnProcessId();
          }

          @Override
          public int getProcessDefinitionVersion() {
            return job.getProcessDefinitionVersion();
          }

          @Override
          public long getProcessDefinitionKey() {
            return job.getProcessDefinitionKey();
          }

          @Override
          public String getElementId() {
            return job.getElementId();
          }

          @Override
          public long getElementInstanceKey() {
            return key;
          }

          @Override
          public String getTenantId() {
            return job.getTenantId();
          }
        };
    return new OutboundConnectorContext() {
      @Override
      public JobContext getJobContext() {
        return keyed;
      }

      @Override
      public <T> T bindVariables(Class<T> type) {
        return bound.bindVariables(type);
      }

      @Override
      public Document resolve(DocumentReference reference) {
        return bound.resolve(reference);
      }

      @Override
      public Document create(DocumentCreationRequest request) {
        return bound.create(request);
      }
    };
  }
}
