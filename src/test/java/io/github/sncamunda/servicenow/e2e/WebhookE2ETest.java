package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.github.sncamunda.servicenow.inbound.webhook.TestSigner;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ServiceNow Webhook in the real runtime: signed POSTs to {@code /inbound/<path>} on the
 * runtime's port, the engine's message ID check, and what the runtime logs and the engine stores.
 */
class WebhookE2ETest extends InboundTestSupport {

  /** As in src/test/resources/application.properties (test.secrets.snWebhookSecret). */
  private static final String SECRET = "e2e-WebhookSecret-SECRET-6b2f9d";

  private static final String START = "e2e-webhook-start";
  private static final String START_PATH = "e2e-servicenow-changes";

  /** A sys_id of 32 hex digits unique to this run: the engine is shared by every test class. */
  private final String sysId = UUID.randomUUID().toString().replace("-", "");

  @Test
  void aSignedPostStartsOneInstanceAndTheSamePostAgainStartsNone() {
    deployInboundResource("e2e/inbound/e2e-webhook-start.bpmn");
    String body = body("change_request", sysId, 4, "approved");
    Map<String, String> headers = signed(SECRET, now(), body);

    HttpResponse<String> first = postInbound(START_PATH, body, headers);
    String messageId = "change_request:" + sysId + ":4";
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(json(first.body())).isEqualTo(Map.of("received", true, "messageId", messageId));
    List<MessageStart> started = startsOf(messageId, 1);
    assertThat(started)
        .singleElement()
        .satisfies(s -> assertThat(s.messageName()).isEqualTo("e2e-webhook-change-changed"));
    long instance = started.get(0).processInstanceKey();
    awaitElementCompleted(instance, "done");
    assertThat(variable(instance, "changeSysId")).contains(sysId);
    assertThat(variable(instance, "approval")).contains("approved");

    // the same call again (a replay inside the window, or a second replica's delivery): the
    // verifier accepts it, the engine refuses the message ID, nothing starts
    HttpResponse<String> again = postInbound(START_PATH, body, headers);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(alreadyExistsRejections(messageId)).isEqualTo(1);
    assertThat(messageStarts(START).stream().filter(s -> messageId.equals(s.messageId())))
        .hasSize(1);
  }

  @Test
  void badAndStaleSignaturesAre401AndStartNothing() {
    deployInboundResource("e2e/inbound/e2e-webhook-start.bpmn");
    long now = now();
    List<String> refusedIds = new ArrayList<>();
    Map<String, Map<String, String>> attempts = new java.util.LinkedHashMap<>();
    int n = 0;
    for (String kind : List.of("wrong secret", "stale", "future", "no headers", "tampered")) {
      n++;
      String body = body("incident", sysId, n, "requested");
      refusedIds.add("incident:" + sysId + ":" + n);
      Map<String, String> headers =
          switch (kind) {
            case "wrong secret" -> signed("e2e-not-the-secret-0000", now, body);
            case "stale" -> signed(SECRET, now - 400, body);
            case "future" -> signed(SECRET, now + 400, body);
            case "no headers" -> Map.of();
            case "tampered" -> signed(SECRET, now, body.replace("requested", "approved"));
            default -> throw new IllegalStateException(kind);
          };
      attempts.put(kind, headers);
      HttpResponse<String> response = postInbound(START_PATH, body, headers);
      assertThat(response.statusCode()).as(kind).isEqualTo(401);
      assertThat(response.body())
          .as("%s: nothing that tells one reason from another", kind)
          .doesNotContain("stale", "TOO_OLD", "TOO_NEW", "MISMATCH", "MISSING", "timestamp");
    }
    // a signed call with a good signature after them still works: the refusals changed nothing
    String good = body("incident", sysId, 99, "requested");
    assertThat(postInbound(START_PATH, good, signed(SECRET, now, good)).statusCode())
        .isEqualTo(202);
    startsOf("incident:" + sysId + ":99", 1);
    assertThat(publishedMessageIds()).doesNotContainAnyElementsOf(refusedIds);
    assertThat(messageStarts(START))
        .extracting(MessageStart::messageId)
        .doesNotContainAnyElementsOf(refusedIds);
  }

  @Test
  void anIntermediateCatchEventWaitsForTheApprovalOfItsOwnChange() {
    deployInboundResource("e2e/inbound/e2e-webhook-wait.bpmn");
    long mine = start("e2e-webhook-wait", Map.of("changeSysId", sysId));
    awaitElementActivated(mine, "approved");

    String requested = body("change_request", sysId, 5, "requested");
    assertThat(
            postInbound("e2e-servicenow-approvals", requested, signed(SECRET, now(), requested))
                .statusCode())
        .as("not approved yet: the runtime answers 422 (activation condition not met)")
        .isEqualTo(422);
    assertThat(variable(mine, "approval")).isEmpty();
    String approved = body("change_request", sysId, 6, "approved");
    assertThat(
            postInbound("e2e-servicenow-approvals", approved, signed(SECRET, now(), approved))
                .statusCode())
        .isEqualTo(202);

    awaitElementCompleted(mine, "done");
    @SuppressWarnings("unchecked")
    Map<String, Object> approval = (Map<String, Object>) variable(mine, "approval").orElseThrow();
    assertThat(approval)
        .containsEntry(
            "connectorData",
            Map.of(
                "messageId",
                "change_request:" + sysId + ":6",
                "timestamp",
                ((Map<?, ?>) approval.get("connectorData")).get("timestamp")));
  }

  @Test
  void aReceiveTaskAndABoundaryEventAreReleasedByTheirOwnPaths() {
    deployInboundResource("e2e/inbound/e2e-webhook-receive-boundary.bpmn");
    long mine = start("e2e-webhook-receive-boundary", Map.of("changeSysId", sysId));
    awaitElementActivated(mine, "awaitApproval");

    String approved = body("change_request", sysId, 7, "approved");
    assertThat(
            postInbound("e2e-servicenow-receive", approved, signed(SECRET, now(), approved))
                .statusCode())
        .isEqualTo(202);
    awaitElementActivated(mine, "implement");
    assertThat(variable(mine, "approvedAt")).contains(7);

    String cancelled = body("change_request", sysId, 8, "cancelled");
    assertThat(
            postInbound("e2e-servicenow-cancel", cancelled, signed(SECRET, now(), cancelled))
                .statusCode())
        .isEqualTo(202);
    awaitElementCompleted(mine, "cancelledEnd");
    assertThat(variable(mine, "cancelledAt")).contains(8);
  }

  @Test
  void neitherTheSecretNorASignatureReachesTheLogOrTheEngine() {
    deployInboundResource("e2e/inbound/e2e-webhook-start.bpmn");
    List<String> signatures = new ArrayList<>();
    List<ILoggingEvent> events;
    long now = now();
    try (LogCapture capture = new LogCapture()) {
      for (int n = 1; n <= 3; n++) {
        String body = body("sc_req_item", sysId, n, "approved");
        Map<String, String> headers =
            signed(n == 2 ? "e2e-not-the-secret-1111" : SECRET, n == 3 ? now - 900 : now, body);
        signatures.add(headers.get("X-SN-Signature"));
        postInbound(START_PATH, body, headers);
      }
      String body = body("sc_req_item", sysId, 4, "approved");
      Map<String, String> headers = signed(SECRET, now, body);
      signatures.add(headers.get("X-SN-Signature"));
      assertThat(postInbound(START_PATH, body, headers).statusCode()).isEqualTo(202);
      assertThat(postInbound(START_PATH, body, headers).statusCode()).isEqualTo(202);
      awaitElementCompleted(
          startsOf("sc_req_item:" + sysId + ":1", 1).get(0).processInstanceKey(), "done");
      events = capture.events();
      assertThat(capture.text())
          .as("the capture saw the runtime at work")
          .contains("call refused (MISMATCH)", "call refused (TOO_OLD)");
    }
    SecretScan secret = new SecretScan().secret(SECRET);
    SecretScan signature = new SecretScan();
    for (String s : signatures) {
      signature.secret(s).secret(s.substring("v1=".length()));
    }
    String engine = records().stream().map(Record::toJson).collect(Collectors.joining("\n"));
    assertThat(engine).as("the engine saw the calls").contains(sysId);
    assertThat(secret.findings(engine)).as("the secret in the engine's records").isEmpty();
    assertThat(signature.findings(engine)).as("a signature in the engine's records").isEmpty();

    assertThat(events.stream().filter(e -> !secret.findings(render(e)).isEmpty()))
        .as("the secret in the log at TRACE")
        .isEmpty();
    // Tomcat (DEBUG) and Spring MVC (TRACE) dump every request's headers, whatever they carry;
    // nothing else in the runtime, ours included, prints a signature
    assertThat(
            events.stream()
                .filter(e -> !signature.findings(render(e)).isEmpty())
                .map(ILoggingEvent::getLoggerName)
                .distinct())
        .as("loggers that printed a signature")
        .isSubsetOf(REQUEST_DUMPS);
  }

  /** The web server's and Spring MVC's raw request dumps (docs/webhook.md: keep them at INFO). */
  private static final List<String> REQUEST_DUMPS =
      List.of(
          "org.apache.coyote.http11.Http11InputBuffer",
          "org.springframework.web.method.HandlerMethod");

  private static String render(ILoggingEvent event) {
    StringBuilder out = new StringBuilder(String.valueOf(event.getFormattedMessage()));
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        out.append(" | ").append(argument);
      }
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      out.append(" | ").append(t.getMessage());
    }
    return out.toString();
  }

  private static List<MessageStart> startsOf(String messageId, int count) {
    return org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                messageStarts(START).stream().filter(s -> messageId.equals(s.messageId())).toList(),
            starts -> starts.size() >= count);
  }

  private static List<String> publishedMessageIds() {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
        .map(r -> ((MessageRecordValue) r.getValue()).getMessageId())
        .toList();
  }

  private static long alreadyExistsRejections(String messageId) {
    return records().stream()
        .filter(r -> r.getRecordType() == RecordType.COMMAND_REJECTION)
        .filter(r -> r.getValueType() == ValueType.MESSAGE)
        .filter(r -> r.getRejectionType() == RejectionType.ALREADY_EXISTS)
        .filter(r -> messageId.equals(((MessageRecordValue) r.getValue()).getMessageId()))
        .count();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private static Map<String, String> signed(String secret, long timestamp, String body) {
    return TestSigner.headers(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A payload of format version 1, as the shipped script include builds it. */
  static String body(String table, String sysId, long modCount, String approval) {
    return "{\"version\":1,\"table\":\""
        + table
        + "\",\"sys_id\":\""
        + sysId
        + "\",\"sys_mod_count\":"
        + modCount
        + ",\"operation\":\"update\","
        + "\"sys_updated_on\":\"2026-12-07 03:12:44\",\"record\":{\"approval\":\""
        + approval
        + "\"}}";
  }
}
