package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageStartEventSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.github.sncamunda.servicenow.e2e.TestStartConnector;
import io.github.sncamunda.servicenow.e2e.TestWaitConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound across replicas in JVMs of their own: both replicas import the deployed definitions
 * through the harness's search API and activate the same test executables. The engine, not the
 * replicas, keeps it exactly once: the same message id from both starts one instance, and both
 * releasing the same waiting instance completes it once.
 */
class InboundReplicasTest {

  private static InboundCluster cluster;

  @BeforeAll
  static void twoReplicas() {
    cluster = InboundCluster.start(2, Path.of("target", "scale", "inbound"));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void bothReplicasPublishTheSameMessageIdAndTheEngineStartsOneInstance() throws IOException {
    String id = "dup-" + UUID.randomUUID();
    cluster.deploy(bpmn("inbound-replicas").replace("MESSAGE_ID", id), "inbound-replicas.bpmn");

    Duration active =
        cluster.awaitActivatedEverywhere(TestStartConnector.TYPE, 1, Duration.ofSeconds(120));
    System.out.println(
        "start event active on both replicas " + active.toMillis() + " ms after deploy");
    Predicate<Record<?>> withId =
        r -> id.equals(((MessageRecordValue) r.getValue()).getMessageId());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                messages(RecordType.EVENT, MessageIntent.PUBLISHED, withId).size()
                        + messages(RecordType.COMMAND_REJECTION, MessageIntent.PUBLISH, withId)
                            .size()
                    == 2);

    List<Record<?>> commands = messages(RecordType.COMMAND, MessageIntent.PUBLISH, withId);
    assertThat(commands)
        .as("one publish from each replica JVM")
        // the runtime puts what the connector correlated under the element's resultVariable
        .extracting(r -> pid(((MessageRecordValue) r.getValue()).getVariables()))
        .doesNotHaveDuplicates()
        .hasSize(2);
    assertThat(messages(RecordType.EVENT, MessageIntent.PUBLISHED, withId)).hasSize(1);
    assertThat(messages(RecordType.COMMAND_REJECTION, MessageIntent.PUBLISH, withId))
        .singleElement()
        .satisfies(r -> assertThat(r.getRejectionType()).isEqualTo(RejectionType.ALREADY_EXISTS));
    assertThat(starts()).as("instances started").hasSize(1);
    assertThat(cluster.searchApi().calls())
        .containsKeys(
            "POST /v2/process-definitions/search", "GET /v2/process-definitions/{key}/xml");
    assertThat(cluster.errorLines()).isEmpty();
  }

  @Test
  void bothReplicasReleaseTheWaitingInstancesAndEachCompletesOnce() throws IOException {
    cluster.deploy(bpmn("inbound-replicas-wait"), "inbound-replicas-wait.bpmn");
    Duration active =
        cluster.awaitActivatedEverywhere(TestWaitConnector.TYPE, 1, Duration.ofSeconds(120));
    System.out.println(
        "catch event active on both replicas " + active.toMillis() + " ms after deploy");
    List<Long> instances =
        List.of("t1", "t2", "t3").stream()
            .map(
                t ->
                    cluster
                        .client()
                        .newCreateInstanceCommand()
                        .bpmnProcessId("inbound-replicas-wait")
                        .latestVersion()
                        .variables(Map.of("ticket", t + "-" + UUID.randomUUID()))
                        .send()
                        .join()
                        .getProcessInstanceKey())
            .toList();

    await().atMost(Duration.ofSeconds(60)).until(() -> completed("done").containsAll(instances));

    assertThat(completed("done")).filteredOn(instances::contains).hasSize(3);
    // the runtime's message id for an intermediate event is element id + element instance key:
    // whichever replica came second was rejected, so one message per waiting instance
    Predicate<Record<?>> waitMessages =
        r -> ((MessageRecordValue) r.getValue()).getName().equals("inbound-replicas-wait");
    assertThat(messages(RecordType.EVENT, MessageIntent.PUBLISHED, waitMessages)).hasSize(3);
    assertThat(cluster.searchApi().calls())
        .containsKeys("POST /v2/element-instances/search", "POST /v2/variables/search");
    assertThat(cluster.errorLines()).isEmpty();
  }

  private static Object pid(Map<String, Object> variables) {
    return ((Map<?, ?>) variables.get("event")).get("pid");
  }

  private static List<Record<?>> messages(
      RecordType type, MessageIntent intent, Predicate<Record<?>> which) {
    return cluster.records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE)
        .filter(r -> r.getRecordType() == type && r.getIntent() == intent)
        .filter(which)
        .toList();
  }

  private static List<MessageStartEventSubscriptionRecordValue> starts() {
    return cluster.records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE_START_EVENT_SUBSCRIPTION)
        .filter(r -> r.getIntent() == MessageStartEventSubscriptionIntent.CORRELATED)
        .map(r -> (MessageStartEventSubscriptionRecordValue) r.getValue())
        .filter(v -> v.getBpmnProcessId().equals("inbound-replicas"))
        .toList();
  }

  /** Instance keys, once per ELEMENT_COMPLETED of the element (a repeat would show twice). */
  private static List<Long> completed(String elementId) {
    return cluster.records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getElementId().equals(elementId))
        .map(ProcessInstanceRecordValue::getProcessInstanceKey)
        .toList();
  }

  private static String bpmn(String name) throws IOException {
    try (InputStream in =
        InboundReplicasTest.class.getResourceAsStream("/scale/" + name + ".bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
