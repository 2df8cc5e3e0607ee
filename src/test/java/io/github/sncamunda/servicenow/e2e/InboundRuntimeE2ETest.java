package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.inbound.CorrelationResult;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inbound test infrastructure itself: the real runtime activates test inbound connectors from
 * deployed BPMN (answered by the record-stream search client), the engine starts one instance per
 * distinct message id, and intermediate catch and boundary events are released through the
 * runtime's element-instance and variable searches, and a webhook answers over HTTP on the
 * context's port.
 */
class InboundRuntimeE2ETest extends InboundTestSupport {

  /** Message ids and tickets unique to this run: the engine is shared by every test class. */
  private final String run = UUID.randomUUID().toString();

  @Test
  void aMessageStartEventStartsOneInstancePerDistinctMessageId() {
    deployInboundResource("e2e/inbound/e2e-inbound-start.bpmn");

    List<CorrelationResult> first =
        TestStartConnector.correlate("e2e-inbound-start", Map.of("n", 1), run + ":a");
    List<CorrelationResult> again =
        TestStartConnector.correlate("e2e-inbound-start", Map.of("n", 2), run + ":a");
    List<CorrelationResult> other =
        TestStartConnector.correlate("e2e-inbound-start", Map.of("n", 3), run + ":b");

    assertThat(first)
        .singleElement()
        .isInstanceOf(CorrelationResult.Success.MessagePublished.class);
    assertThat(again)
        .singleElement()
        .isInstanceOf(CorrelationResult.Success.MessageAlreadyCorrelated.class);
    assertThat(other)
        .singleElement()
        .isInstanceOf(CorrelationResult.Success.MessagePublished.class);
    List<MessageStart> starts =
        awaitMessageStarts("e2e-inbound-start", 2).stream()
            .filter(s -> s.messageId().startsWith(run))
            .toList();
    assertThat(starts)
        .extracting(MessageStart::messageId)
        .containsExactlyInAnyOrder(run + ":a", run + ":b");
    MessageStart a = starts.stream().filter(s -> s.messageId().endsWith(":a")).findFirst().get();
    assertThat(a.messageName()).isEqualTo("e2e-inbound-start");
    awaitElementCompleted(a.processInstanceKey(), "done");
    assertThat(variable(a.processInstanceKey(), "event")).contains(Map.of("n", 1));
  }

  @Test
  void anIntermediateCatchEventReleasesOnlyTheInstanceWaitingForTheTicket() {
    deployInboundResource("e2e/inbound/e2e-inbound-wait.bpmn");
    long mine = start("e2e-inbound-wait", Map.of("ticket", run + ":T1"));
    long other = start("e2e-inbound-wait", Map.of("ticket", run + ":T2"));
    awaitElementActivated(mine, "waitForTicket");
    awaitElementActivated(other, "waitForTicket");

    int released =
        TestWaitConnector.release("e2e-inbound-wait", run + ":T1", Map.of("state", "resolved"));

    assertThat(released).isEqualTo(1);
    awaitElementCompleted(mine, "done");
    assertThat(variable(mine, "released"))
        .contains(Map.of("state", "resolved", "ticket", run + ":T1"));
    assertThat(variable(other, "released")).isEmpty();
  }

  @Test
  void aBoundaryEventOnAnActivityIsReleasedToo() {
    deployInboundResource("e2e/inbound/e2e-inbound-boundary.bpmn");
    long instance = start("e2e-inbound-boundary", Map.of("ticket", run + ":T3"));
    awaitElementActivated(instance, "work");

    int released =
        TestWaitConnector.release("e2e-inbound-boundary", run + ":T3", Map.of("state", "done"));

    assertThat(released).isEqualTo(1);
    awaitElementCompleted(instance, "released");
  }

  @Test
  void aWebhookStartsOneInstancePerDistinctMessageIdOverHttp() {
    deployInboundResource("e2e/inbound/e2e-inbound-webhook.bpmn");
    String a = "{\"id\":\"" + run + ":a\"}";

    HttpResponse<String> first = postInbound("e2e-inbound-webhook", a, Map.of("X-E2E", "yes"));
    HttpResponse<String> again = postInbound("e2e-inbound-webhook", a, Map.of("X-E2E", "yes"));
    HttpResponse<String> other =
        postInbound("e2e-inbound-webhook", "{\"id\":\"" + run + ":b\"}", Map.of());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(json(first.body())).containsEntry("correlated", true);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(json(again.body())).containsEntry("correlated", false);
    assertThat(other.statusCode()).isEqualTo(202);
    List<MessageStart> starts =
        awaitMessageStarts("e2e-inbound-webhook", 2).stream()
            .filter(s -> s.messageId().startsWith(run))
            .toList();
    assertThat(starts)
        .extracting(MessageStart::messageId)
        .containsExactlyInAnyOrder(run + ":a", run + ":b");
    long instance =
        starts.stream()
            .filter(s -> s.messageId().endsWith(":a"))
            .findFirst()
            .orElseThrow()
            .processInstanceKey();
    awaitElementCompleted(instance, "done");
    assertThat(variable(instance, "hookId")).contains(run + ":a");
    assertThat(variable(instance, "via")).contains("yes");
    assertThat(postInbound("no-such-path-" + run, "{}", Map.of()).statusCode()).isEqualTo(404);
  }
}
