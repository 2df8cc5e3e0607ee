package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorException;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorException.WebhookSecurityException;
import io.camunda.connector.api.inbound.webhook.WebhookResult;
import io.camunda.connector.api.inbound.webhook.WebhookResultContext;
import io.github.sncamunda.servicenow.inbound.webhook.Calls.Call;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNowWebhookTest {

  private static final long NOW = 1_796_000_000L;
  private static final String SYS_ID = "c83c5e5347c12200e0ef563dbb9a7190";

  private final ServiceNowWebhook webhook =
      new ServiceNowWebhook(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  private ServiceNowWebhook active() {
    webhook.activate(Calls.context(Map.of()));
    return webhook;
  }

  @Test
  void aSignedCallIsHandedOnWithItsMessageIdAndWithoutTheSignature() throws Exception {
    byte[] body = Calls.body("change_request", SYS_ID, 7);
    WebhookResult result = active().triggerWebhook(Calls.signed(NOW, body));

    assertThat(result.connectorData())
        .containsEntry("messageId", "change_request:" + SYS_ID + ":7")
        .containsEntry("timestamp", NOW);
    assertThat(result.request().body())
        .isEqualTo(
            Map.of(
                "version",
                1,
                "table",
                "change_request",
                "sys_id",
                SYS_ID,
                "sys_mod_count",
                7,
                "operation",
                "update",
                "sys_updated_on",
                "2026-12-07 03:12:44",
                "record",
                Map.of("number", "CHG0030001", "approval", "approved")));
    assertThat(result.request().headers())
        .containsEntry("x-sn-timestamp", Long.toString(NOW))
        .containsEntry("content-type", "application/json")
        .doesNotContainKeys("x-sn-signature", "X-SN-Signature");
    var response =
        result.response().apply(new WebhookResultContext(result.request(), Map.of(), null));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body())
        .isEqualTo(Map.of("received", true, "messageId", "change_request:" + SYS_ID + ":7"));
  }

  @Test
  void credentialsAmongTheHeadersAreNotHandedOn() throws Exception {
    byte[] body = Calls.body("incident", SYS_ID, 1);
    Map<String, String> headers = new LinkedHashMap<>(TestSigner.headers(Calls.SECRET, NOW, body));
    headers.put("Authorization", "Basic c2VjcmV0");
    headers.put("Cookie", "JSESSIONID=abc");
    headers.put("X-Request-Id", "r-1");
    var passed = active().triggerWebhook(new Call(headers, body)).request().headers();
    assertThat(passed).containsOnlyKeys("content-type", "x-sn-timestamp", "x-request-id");
  }

  @Test
  void everyRefusalIsTheSameBare401() {
    active();
    byte[] body = Calls.body("incident", SYS_ID, 1);
    Map<String, String> noHeaders = Map.of("Content-Type", "application/json");
    List<Call> refused =
        List.of(
            new Call(noHeaders, body),
            new Call(TestSigner.headers("whsec-some-other-secret", NOW, body), body),
            Calls.signed(NOW - 301, body),
            Calls.signed(NOW + 301, body),
            new Call(Calls.signed(NOW, body).headers(), Calls.body("incident", SYS_ID, 2)),
            // a bad signature is refused before the body is read: 401, not 400
            new Call(
                TestSigner.headers("whsec-some-other-secret", NOW, body("not json")),
                body("not json")));
    java.util.Set<String> messages = new java.util.HashSet<>();
    for (Call call : refused) {
      assertThatThrownBy(() -> webhook.triggerWebhook(call))
          .isInstanceOf(WebhookSecurityException.class)
          .satisfies(e -> messages.add(e.getMessage()))
          .extracting(e -> ((WebhookConnectorException) e).getStatusCode())
          .isEqualTo(401);
    }
    // one text for every reason: a caller cannot tell a stale call from a wrong secret
    assertThat(messages).containsExactly("Reason: INVALID_SIGNATURE");
  }

  @Test
  void aSignedCallWithABadPayloadIs400AndSaysWhy() {
    active();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("", "Bad request: the body must be a JSON object");
    bodies.put("not json", "Bad request: the body is not JSON");
    bodies.put("[1,2]", "Bad request: the body must be a JSON object");
    bodies.put(
        "{\"version\":2,\"table\":\"incident\",\"sys_id\":\"a\",\"sys_mod_count\":1}",
        "Bad request: payload version must be 1 (the number in field 'version'); update the script"
            + " include or the connector");
    bodies.put(
        "{\"version\":\"1\",\"table\":\"incident\",\"sys_id\":\"a\",\"sys_mod_count\":1}",
        "Bad request: payload version must be 1 (the number in field 'version'); update the script"
            + " include or the connector");
    bodies.put(
        "{\"version\":1,\"table\":\"../sys_user\",\"sys_id\":\"a\",\"sys_mod_count\":1}",
        "Bad request: field 'table' must be a ServiceNow table name");
    bodies.put(
        "{\"version\":1,\"table\":\"incident\",\"sys_mod_count\":1}",
        "Bad request: field 'sys_id' must be a sys_id");
    bodies.put(
        "{\"version\":1,\"table\":\"incident\",\"sys_id\":\"a\",\"sys_mod_count\":1.5}",
        "Bad request: field 'sys_mod_count' must be a whole number, 0 or more");
    bodies.put(
        "{\"version\":1,\"table\":\"incident\",\"sys_id\":\"a\",\"sys_mod_count\":\"3\"}",
        "Bad request: field 'sys_mod_count' must be a whole number, 0 or more");
    bodies.forEach(
        (text, message) ->
            assertThatThrownBy(() -> webhook.triggerWebhook(Calls.signed(NOW, body(text))))
                .as(text)
                .isInstanceOf(WebhookConnectorException.class)
                .isNotInstanceOf(WebhookSecurityException.class)
                .hasMessage(message)
                .extracting(e -> ((WebhookConnectorException) e).getStatusCode())
                .isEqualTo(400));
  }

  @Test
  void activationChecksThePathTheSecretAndTheTolerance() {
    assertThatThrownBy(
            () ->
                webhook.activate(
                    Calls.context(Map.of("inbound", Map.of("type", ServiceNowWebhook.TYPE)))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage(
            "Webhook path is required: the last part of the URL ServiceNow posts to, e.g."
                + " servicenow-changes");
    assertThatThrownBy(
            () ->
                webhook.activate(
                    Calls.context(
                        Map.of(
                            "inbound", Map.of("type", ServiceNowWebhook.TYPE, "context", "a/b")))))
        .hasMessage("Webhook path must be 1 to 100 letters, digits, - or _, got 'a/b'");
    assertThatThrownBy(() -> webhook.activate(Calls.context(Map.of("secret", " "))))
        .hasMessage(
            "Shared secret is required: reference a Camunda secret, e.g."
                + " {{secrets.snWebhookSecret}}");
    assertThatThrownBy(
            () -> webhook.activate(Calls.context(Map.of("secret", "{{secrets.snShort}}"))))
        .hasMessage(
            "Shared secret must be at least 16 characters; generate one, e.g. with openssl rand"
                + " -hex 32")
        .message()
        .doesNotContain("too-short");
    assertThatThrownBy(() -> webhook.activate(Calls.context(Map.of("toleranceSeconds", "3601"))))
        .hasMessage("Clock tolerance must be 1 to 3600 seconds, or empty for 300, got '3601'");
    webhook.activate(Calls.context(Map.of("toleranceSeconds", "30")));
    byte[] body = Calls.body("incident", SYS_ID, 1);
    assertThatThrownBy(() -> webhook.triggerWebhook(Calls.signed(NOW - 31, body)))
        .isInstanceOf(WebhookSecurityException.class);
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
