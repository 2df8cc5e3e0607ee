package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.TestJson;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Accepted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update set's own script include and business rule, run in Node with stand-ins for the Glide
 * APIs they call (src/test/servicenow/glide-harness.mjs), sign what the connector accepts: the
 * published test vector, and a whole call the business rule sends for a changed record.
 */
class ShippedScriptAgreesTest {

  /** The test vector in servicenow/README.md. */
  static final String VECTOR_SECRET = "whsec-test-vector-0123456789abcdef";

  static final long VECTOR_TIMESTAMP = 1_796_000_000L;
  static final String VECTOR_BODY =
      "{\"version\":1,\"table\":\"change_request\",\"sys_id\":\"c83c5e5347c12200e0ef563dbb9a7190\",\"sys_mod_count\":4,\"operation\":\"update\",\"sys_updated_on\":\"2026-12-07"
          + " 03:12:44\",\"record\":{\"number\":\"CHG0030001\",\"approval\":\"approved\"}}";
  static final String VECTOR_SIGNATURE = "v1=EsrgJ6pKOJ8O2FAgTC2ZrOFzpIp5I9Q4QYjT1qV3T9o=";

  private static final String SECRET = "whsec-Shipped+Script/Secret-ü-7e3a";
  private static final long NOW_MILLIS = 1_796_000_123_456L;

  @TempDir Path temp;

  @Test
  void theScriptIncludeSignsTheTestVectorAsTheConnectorExpects() throws Exception {
    JsonNode out = runShippedScripts(Map.of());
    String signature = out.get("vectorSignature").asText();
    byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);

    assertThat(signature)
        .isEqualTo(VECTOR_SIGNATURE)
        .isEqualTo(TestSigner.signature(VECTOR_SECRET, VECTOR_TIMESTAMP, body));
    var verifier =
        new SignatureVerifier(
            VECTOR_SECRET,
            SignatureVerifier.DEFAULT_TOLERANCE,
            Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC));
    Map<String, String> headers =
        Map.of("X-SN-Timestamp", Long.toString(VECTOR_TIMESTAMP), "X-SN-Signature", signature);
    assertThat(verifier.verify(headers, body)).isEqualTo(new Accepted(VECTOR_TIMESTAMP));
    assertThat(Files.readString(Path.of("servicenow", "README.md")))
        .as("the README publishes the same vector")
        .contains(VECTOR_SECRET, Long.toString(VECTOR_TIMESTAMP), VECTOR_BODY, VECTOR_SIGNATURE);
  }

  @Test
  void theBusinessRuleSendsACallTheConnectorAcceptsWithTheWatchersMessageId() throws Exception {
    JsonNode out =
        runShippedScripts(
            Map.of(
                "sncamunda.webhook.url",
                "https://runtime.example.com/inbound/servicenow-changes",
                "sncamunda.webhook.secret",
                SECRET));
    assertThat(out.get("log")).isEmpty();
    assertThat(out.get("sent")).hasSize(1);
    JsonNode sent = out.get("sent").get(0);
    assertThat(sent.get("endpoint").asText())
        .isEqualTo("https://runtime.example.com/inbound/servicenow-changes");
    assertThat(sent.get("method").asText()).isEqualTo("POST");
    Map<String, String> headers = new LinkedHashMap<>();
    sent.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
    assertThat(headers).containsEntry("X-SN-Timestamp", "1796000123");
    byte[] body = sent.get("body").asText().getBytes(StandardCharsets.UTF_8);

    ServiceNowWebhook webhook =
        new ServiceNowWebhook(Clock.fixed(Instant.ofEpochMilli(NOW_MILLIS), ZoneOffset.UTC));
    // the same secret, from Camunda's secret store
    webhook.activate(Calls.context(Map.of(), SECRET));
    var result = webhook.triggerWebhook(new Calls.Call(headers, body));
    assertThat(result.connectorData())
        .containsEntry("messageId", "change_request:c83c5e5347c12200e0ef563dbb9a7190:4");
    assertThat(result.request().body())
        .isEqualTo(
            Map.of(
                "version", 1,
                "table", "change_request",
                "sys_id", "c83c5e5347c12200e0ef563dbb9a7190",
                "sys_mod_count", 4,
                "operation", "update",
                "sys_updated_on", "2026-12-07 03:12:44",
                "record",
                    new LinkedHashMap<>(
                        Map.of(
                            "number", "CHG0030001",
                            "state", "-4",
                            "approval", "approved",
                            "short_description", "Patch the mail relay \"mx-2\" – tonight"))));
  }

  @Test
  void withoutItsPropertiesTheScriptIncludeSendsNothingAndSaysWhy() throws Exception {
    JsonNode out = runShippedScripts(Map.of());
    assertThat(out.get("sent")).isEmpty();
    assertThat(out.get("log").get(0).asText())
        .isEqualTo(
            "ERROR CamundaWebhook: set the system properties sncamunda.webhook.url and"
                + " sncamunda.webhook.secret first; nothing was sent");
  }

  private JsonNode runShippedScripts(Map<String, String> properties) throws Exception {
    UpdateSet set = UpdateSet.read();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put(
        "scriptInclude", set.update("sys_script_include", "CamundaWebhook").record().get("script"));
    input.put(
        "businessRule",
        set.update("sys_script", "Camunda webhook: change request changed").record().get("script"));
    input.put("properties", properties);
    input.put("nowMillis", NOW_MILLIS);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sys_id", "c83c5e5347c12200e0ef563dbb9a7190");
    fields.put("sys_mod_count", "4");
    fields.put("sys_updated_on", "2026-12-07 03:12:44");
    fields.put("number", "CHG0030001");
    fields.put("state", "-4");
    fields.put("approval", "approved");
    fields.put("short_description", "Patch the mail relay \"mx-2\" – tonight");
    input.put("record", Map.of("table", "change_request", "fields", fields, "operation", "update"));
    input.put(
        "vector",
        Map.of("secret", VECTOR_SECRET, "timestamp", "" + VECTOR_TIMESTAMP, "body", VECTOR_BODY));
    Path file = temp.resolve("input.json");
    Files.writeString(file, TestJson.MAPPER.writeValueAsString(input));
    return TestJson.MAPPER.readTree(
        node(Path.of("src", "test", "servicenow", "glide-harness.mjs"), file));
  }

  private static String node(Path script, Path input) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(List.of("node", script.toString(), input.toString()))
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return fail(
          "This test runs the update set's script include in Node.js: install Node 20 or newer"
              + " and put node on PATH (the build already needs it for the template checks).");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(process.exitValue()).as("node failed:%n%s", output).isZero();
    return output;
  }
}
