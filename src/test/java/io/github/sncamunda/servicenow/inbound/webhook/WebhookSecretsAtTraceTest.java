package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.inbound.webhook.Calls.Call;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Activation, good calls and every kind of refused call with every logger at TRACE: neither the
 * shared secret nor any signature sent (with or without its {@code v1=}) appears in a log event, a
 * result, a response or an exception.
 */
class WebhookSecretsAtTraceTest {

  private static final long NOW = 1_796_000_000L;

  @Test
  void neitherTheSecretNorASignatureIsLoggedOrHandedOn() {
    List<String> signatures = new ArrayList<>();
    SecretScan scan = new SecretScan().secret(Calls.SECRET);
    String log;
    try (LogCapture capture = new LogCapture()) {
      ServiceNowWebhook webhook =
          new ServiceNowWebhook(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
      webhook.activate(Calls.context(Map.of()));
      scan.see(webhook);
      byte[] body = Calls.body("incident", "c83c5e5347c12200e0ef563dbb9a7190", 3);
      List<Call> calls =
          List.of(
              Calls.signed(NOW, body),
              Calls.signed(NOW, body), // a replay
              Calls.signed(NOW - 600, body),
              Calls.signed(NOW, "{\"version\":9}".getBytes()),
              new Call(TestSigner.headers("whsec-another-secret", NOW, body), body),
              new Call(Calls.signed(NOW, body).headers(), Calls.body("incident", "x", 4)));
      for (Call call : calls) {
        signatures.add(call.headers().get("X-SN-Signature"));
        try {
          var result = webhook.triggerWebhook(call);
          scan.see(result.request());
          scan.see(result.connectorData());
          scan.see(result.response().apply(null));
        } catch (RuntimeException refused) {
          scan.see(refused);
        }
      }
      log = capture.text();
      assertThat(log).as("the refusals were logged, at INFO").contains("call refused (TOO_OLD)");
      assertThat(log).contains("call refused (MISMATCH)", "signed call for 'incident:");
    }
    for (String signature : signatures) {
      scan.secret(signature).secret(signature.substring("v1=".length()));
    }
    assertThat(scan.seenCount()).isGreaterThan(10);
    assertThat(scan.findings(log)).as("in the log").isEmpty();
    assertThat(scan.findings(scan.seenText())).as("in results and refusals").isEmpty();
  }
}
