package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ProcessInstanceResult;
import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Incident Handler inside the real connectors runtime, driven by templated BPMN. */
class IncidentHandlerE2ETest extends RuntimeTestSupport {

  private static final String INCIDENTS = "/api/now/table/incident";

  /**
   * The example: ServiceNow resolves the escalated incident and publishes the message with the
   * incident's sys_id as correlation key, as a business rule on incident would.
   */
  @Test
  void incidentLifecycleExampleWaitsForTheResolutionBySysId() {
    deploy("examples-bpmn", "incident-lifecycle");

    long instance = start("servicenow-incident-lifecycle", Map.of("host", "db-01"));
    awaitElementActivated(instance, "IncidentResolved");
    var incident = SERVICENOW.incidentsWhere("correlation_id", "disk-full-db-01");
    assertThat(incident)
        .singleElement()
        .satisfies(i -> assertThat(i.get("priority")).isEqualTo("1"));
    String sysId = incident.get(0).get("sys_id");
    SERVICENOW.update(
        "incident",
        sysId,
        Map.of("state", "6", "close_code", "Solved (Permanently)", "close_notes", "Logs archived"));
    publish("ServiceNowIncidentResolved", "another-incident");
    awaitElementActivated(instance, "IncidentResolved");
    publish("ServiceNowIncidentResolved", sysId);

    awaitElementCompleted(instance, "IncidentClosed");
    Map<String, Object> result = variables(instance);
    assertOpenedReadEscalatedAndFound(result);
    assertThat(result)
        .containsEntry("resolvedState", "6")
        .containsEntry("resolutionCode", "Solved (Permanently)")
        .containsEntry("resolutionNotes", "Logs archived");
    assertThat(SERVICENOW.incidents()).hasSize(1);
    assertThat(SERVICENOW.requestCount("POST", INCIDENTS)).isEqualTo(1);
    assertThat(SERVICENOW.requestCountByPrefix("PATCH", INCIDENTS)).isEqualTo(1);
    assertThat(SERVICENOW.requestCountByPrefix("DELETE", INCIDENTS)).isZero();
  }

  /** The version 1 example (create … delete), as version 1 made it and upgraded from it. */
  @ParameterizedTest
  @ValueSource(strings = {V1, UPGRADED})
  void incidentLifecycleExample(String directory) {
    deploy(directory, "incident-lifecycle");

    Map<String, Object> result =
        runToCompletion("servicenow-incident-lifecycle", Map.of("host", "db-01"));

    assertOpenedReadEscalatedAndFound(result);
    assertThat(result).containsEntry("incidentDeleted", true);
    assertThat(SERVICENOW.incidents()).isEmpty();
    assertThat(SERVICENOW.requestCount("POST", INCIDENTS)).isEqualTo(1);
    assertThat(SERVICENOW.requestCountByPrefix("PATCH", INCIDENTS)).isEqualTo(1);
    assertThat(SERVICENOW.requestCountByPrefix("DELETE", INCIDENTS)).isEqualTo(1);
    RecordedRequest search =
        SERVICENOW.requests().stream()
            .filter(r -> r.method().equals("GET") && "5".equals(r.query().get("sysparm_limit")))
            .findFirst()
            .orElseThrow();
    assertThat(search.query().get("sysparm_query"))
        .isEqualTo("active=true^priority=1^short_descriptionLIKEDisk full on db-01^ORDERBYnumber");
    assertThat(search.header("authorization")).startsWith("Basic ");
  }

  /** The first four steps every version of the lifecycle example has. */
  private static void assertOpenedReadEscalatedAndFound(Map<String, Object> result) {
    assertThat(result)
        .containsEntry("incidentNumber", "INC0010001")
        .containsEntry("createdNew", true)
        .containsEntry("initialPriority", "3")
        .containsEntry("raisedPriority", "1")
        .containsEntry("criticalIncidents", 1)
        .containsEntry("foundNumbers", List.of("INC0010001"));
  }

  @Test
  void createWithCorrelationIdWhoseAnswerWasDroppedLooksAndMakesOneIncident() {
    deploy("e2e-bpmn", "e2e-create-correlated");
    SERVICENOW.failNext(1, "POST", INCIDENTS, Fault.dropAfterProcessing());

    Map<String, Object> result =
        runToCompletion("e2e-create-correlated", Map.of("correlationId", "order-4711"));

    assertThat(SERVICENOW.incidentsWhere("correlation_id", "order-4711")).hasSize(1);
    assertThat(result)
        .containsEntry("incidentNumber", SERVICENOW.incidents().get(0).get("number"))
        // the lost attempt of this task created it; the look within the call found it
        .containsEntry("createdNew", true);
    assertThat(SERVICENOW.requestCount("POST", INCIDENTS))
        .as("the look found the incident instead of posting again")
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e-bpmn", V1, UPGRADED})
  void readOfAMissingIncidentBecomesABpmnErrorWithServiceNowsMessage(String directory) {
    deploy(directory, "e2e-read-missing");

    Map<String, Object> result =
        runToCompletion("e2e-read-missing", Map.of("sysId", "0123456789abcdef0123456789abcdef"));

    assertThat(result).containsEntry("notFoundStatus", 404);
    assertThat((String) result.get("notFoundMessage"))
        .contains(
            "404", "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
  }

  @Test
  void serverErrorsAreRetriedByZeebeWithBackoffThenRaiseAnIncident() {
    deploy("e2e-bpmn", "e2e-read-retries");
    var seeded = SERVICENOW.seedIncident(Map.of("short_description", "exists"));
    SERVICENOW.failNext(10, "GET", INCIDENTS, Fault.serverError());

    long instance = start("e2e-read-retries", Map.of("sysId", seeded.get("sys_id")));

    await().atMost(Duration.ofSeconds(30)).until(() -> incidentOf(instance).isPresent());
    assertThat(incidentOf(instance).orElseThrow().getErrorMessage()).contains("500");
    List<RecordedRequest> reads =
        SERVICENOW.requests().stream().filter(r -> r.method().equals("GET")).toList();
    assertThat(reads).hasSize(3);
    for (int i = 1; i < reads.size(); i++) {
      assertThat(Duration.between(reads.get(i - 1).receivedAt(), reads.get(i).receivedAt()))
          .as("retry backoff PT1S from the template")
          .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void rateLimitWithRetryAfterIsWaitedOutAndCompletes() {
    deploy("e2e-bpmn", "e2e-create-correlated");
    SERVICENOW.failNext(1, "POST", INCIDENTS, Fault.tooManyRequests(1));

    Map<String, Object> result =
        runToCompletion("e2e-create-correlated", Map.of("correlationId", "rate-limited-1"));

    assertThat(result).containsEntry("createdNew", true);
    assertThat(SERVICENOW.requestCount("POST", INCIDENTS)).isEqualTo(2);
    assertThat(SERVICENOW.incidents()).hasSize(1);
  }

  @Test
  void oauthClientCredentialsAcrossFiftyInstancesNeedOneTokenRequest() {
    deploy("e2e-bpmn", "e2e-oauth-create");

    List<CompletableFuture<ProcessInstanceResult>> runs = new ArrayList<>();
    for (int run = 0; run < 50; run++) {
      runs.add(
          zeebe
              .newCreateInstanceCommand()
              .bpmnProcessId("e2e-oauth-create")
              .latestVersion()
              .variables(withServiceNow(Map.of("run", run)))
              .withResult()
              .requestTimeout(Duration.ofSeconds(60))
              .send()
              .toCompletableFuture());
    }
    runs.forEach(CompletableFuture::join);

    assertThat(SERVICENOW.incidents()).hasSize(50);
    // this test is the only user of its OAuth client, so nothing was cached before it
    assertThat(SERVICENOW.tokenRequests()).isEqualTo(1);
    assertThat(SERVICENOW.requests())
        .filteredOn(r -> r.path().startsWith(INCIDENTS))
        .allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer "));
  }
}
