package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.github.sncamunda.servicenow.e2e.WatcherBpmn;
import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two runtime replicas (JVMs of their own) run the same Record Watcher against one simulator under
 * a fault mix (429 with Retry-After, 500s, dropped connections): every change starts exactly one
 * instance, because both publish the same message ID and the engine keeps one.
 */
class WatcherReplicasTest {

  private static final String TYPE = "io.github.sncamunda:servicenow-record-watcher:1";
  private static InboundCluster cluster;

  @BeforeAll
  static void twoReplicas() {
    cluster = InboundCluster.start(2, Path.of("target", "scale", "watcher"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eachChangeStartsOneInstanceAcrossReplicasUnderFaults() {
    ServiceNowSimulator sn = cluster.servicenow().recordRequests(true);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String processId = "watch-replicas-" + run;
    cluster.deploy(
        WatcherBpmn.incidents(
            processId, "short_descriptionSTARTSWITH" + run, sn.baseUrl(), "PT1S", 5),
        processId + ".bpmn");
    cluster.awaitActivatedEverywhere(TYPE, 1, Duration.ofSeconds(180));
    // both replicas learned ServiceNow's clock: changes from now on count
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                sn.requests().stream()
                        .filter(r -> "sys_idISEMPTY".equals(r.query().get("sysparm_query")))
                        .count()
                    >= 2);
    sn.faultMix(
        7,
        Map.of(
            Fault.tooManyRequests(2), 0.05,
            Fault.serverError(), 0.05,
            Fault.dropBeforeProcessing(), 0.02));
    // final versions must start an instance; a version replaced before any poll saw it may not
    List<String> expected = new ArrayList<>();
    List<String> possible = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Map<String, String> incident = sn.seedIncident(Map.of("short_description", run + " #" + i));
      String id = "incident:" + incident.get("sys_id") + ":";
      possible.add(id + "0");
      if (i % 5 == 4) {
        sn.update("incident", incident.get("sys_id"), Map.of("urgency", "1"));
        possible.add(id + "1");
        expected.add(id + "1");
      } else {
        expected.add(id + "0");
      }
    }
    long start = System.nanoTime();
    long requestsBefore = sn.requests().size();
    await().atMost(Duration.ofSeconds(180)).until(() -> published(processId).containsAll(expected));
    // several more polls on both replicas re-read the window under faults: still once each
    await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
    sn.clearFaults();
    double minutes = (System.nanoTime() - start) / 60e9;
    long requests = sn.requests().size() - requestsBefore;
    System.out.printf(
        "2 replicas x 1 watcher at PT1S: %d requests in %.2f min = %.0f per minute%n",
        requests, minutes, requests / minutes);

    assertThat(published(processId))
        .doesNotHaveDuplicates()
        .containsAll(expected)
        .isSubsetOf(possible);
    assertThat(cluster.errorLines()).isEmpty();
  }

  /** Message IDs the engine accepted for this process's message (each starts one instance). */
  private static List<String> published(String messageName) {
    return cluster.records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE)
        .filter(
            r -> r.getRecordType() == RecordType.EVENT && r.getIntent() == MessageIntent.PUBLISHED)
        .map(r -> (MessageRecordValue) ((Record<?>) r).getValue())
        .filter(m -> m.getName().equals(messageName))
        .map(MessageRecordValue::getMessageId)
        .toList();
  }
}
