package io.github.sncamunda.servicenow.demo;

import io.camunda.client.CamundaClient;
import io.camunda.connector.runtime.inbound.search.SearchQueryClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex;
import io.github.sncamunda.servicenow.e2e.search.RecordStreamSearchQueryClient;
import io.github.sncamunda.servicenow.inbound.webhook.TestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The demo's webhook example (examples/servicenow-change-webhook.bpmn): the runtime's inbound side
 * on a free port, answered from the in-memory engine's records (it has no search API), and a call
 * signed as the update set's script include signs it.
 */
final class WebhookDemo {

  private static final String SECRET = "demo-webhook-secret-0123456789abcdef";
  private static final String BODY =
      "{\"version\":1,\"table\":\"change_request\",\"sys_id\":\"c83c5e5347c12200e0ef563dbb9a7190\",\"sys_mod_count\":4,\"operation\":\"update\",\"sys_updated_on\":\"2026-12-07"
          + " 03:12:44\",\"record\":{\"number\":\"CHG0030001\",\"approval\":\"approved\"}}";

  private static EngineRecordIndex records;

  private WebhookDemo() {}

  static void withInbound(SpringApplicationBuilder builder, ZeebeTestEngine engine) {
    records = new EngineRecordIndex(engine.getRecordStreamSource());
    System.setProperty("demo.secrets.snWebhookSecret", SECRET);
    // system properties: they win over application.properties, which turns inbound off
    System.setProperty("server.port", "0");
    System.setProperty("camunda.connector.polling.enabled", "true");
    System.setProperty("camunda.connector.polling.interval", "300");
    System.setProperty("camunda.connector.webhook.enabled", "true");
    builder
        .web(WebApplicationType.SERVLET)
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean(
                        SearchQueryClient.class,
                        () -> new RecordStreamSearchQueryClient(records),
                        definition -> definition.setPrimary(true)));
  }

  static void changeApproved(
      ConfigurableApplicationContext runtime, CamundaClient camunda, Consumer<String> step)
      throws Exception {
    String port = runtime.getEnvironment().getProperty("local.server.port");
    URI url = URI.create("http://127.0.0.1:" + port + "/inbound/servicenow-changes");
    step.accept("Webhook: ServiceNow posts a signed change to " + url);
    long timestamp = Instant.now().getEpochSecond();
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    TestSigner.headers(SECRET, timestamp, body).forEach(request::header);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> answer = null;
    // the runtime activates the webhook a moment after the deployment
    for (int i = 0; i < 100 && (answer == null || answer.statusCode() == 404); i++) {
      if (answer != null) {
        Thread.sleep(100);
      }
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
    step.accept("  runtime answered " + answer.statusCode() + " " + answer.body());
    if (answer.statusCode() != 202) {
      throw new IllegalStateException("the signed call was not accepted");
    }
    long started = awaitInstance();
    step.accept("  instance " + started + " started for change CHG0030001");
    HttpResponse<String> again = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(500);
    step.accept(
        "  the same call again: "
            + again.statusCode()
            + ", instances started by the webhook: "
            + instances()
            + " (the engine dropped the duplicate message ID)");
  }

  private static long awaitInstance() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var first = started().findFirst();
      if (first.isPresent()) {
        return first.getAsLong();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no instance started within 30 s");
  }

  private static long instances() {
    return started().count();
  }

  private static java.util.stream.LongStream started() {
    return started("servicenow-change-webhook");
  }

  /** Keys of the instances of this process started so far. */
  static java.util.stream.LongStream started(String processId) {
    return records.records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(
            r -> {
              var v = (ProcessInstanceRecordValue) r.getValue();
              return v.getBpmnProcessId().equals(processId) && v.getElementId().equals(processId);
            })
        .mapToLong(r -> ((ProcessInstanceRecordValue) r.getValue()).getProcessInstanceKey());
  }

  /**
   * How many instances of this process hold {@code variable} with a value containing {@code text}.
   */
  static long instancesWith(String processId, String variable, String text) {
    return records.records().stream()
        .filter(r -> r.getValueType() == ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(
            v ->
                v.getBpmnProcessId().equals(processId)
                    && v.getName().equals(variable)
                    && v.getValue().contains(text))
        .mapToLong(
            io.camunda.zeebe.protocol.record.value.VariableRecordValue::getProcessInstanceKey)
        .distinct()
        .count();
  }

  /** Whether the instance has activated (or, with {@code completed}, completed) the element. */
  static boolean reached(long processInstanceKey, String elementId, boolean completed) {
    ProcessInstanceIntent intent =
        completed
            ? ProcessInstanceIntent.ELEMENT_COMPLETED
            : ProcessInstanceIntent.ELEMENT_ACTIVATED;
    return records.records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == intent)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(
            v ->
                v.getProcessInstanceKey() == processInstanceKey
                    && v.getElementId().equals(elementId));
  }
}
