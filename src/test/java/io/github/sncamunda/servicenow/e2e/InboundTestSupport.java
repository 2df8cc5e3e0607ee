package io.github.sncamunda.servicenow.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.connector.api.inbound.Health;
import io.camunda.connector.runtime.inbound.executable.ActiveExecutableQuery;
import io.camunda.connector.runtime.inbound.executable.ActiveExecutableResponse;
import io.camunda.connector.runtime.inbound.executable.InboundExecutableRegistry;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageStartEventSubscriptionRecordValue;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.RootVariable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an end-to-end test of an inbound connector needs on top of {@link RuntimeTestSupport}: the
 * same single context (inbound is on in it), plus deploying until the runtime has activated the
 * process's executables, the instances messages started, root-scope variables, and HTTP calls to
 * the runtime's {@code /inbound/{path}} endpoint. Declares no configuration of its own, so
 * subclasses share the context with every other end-to-end test.
 */
public abstract class InboundTestSupport extends RuntimeTestSupport {

  private static final Logger LOG = LoggerFactory.getLogger(InboundTestSupport.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The runtime's HTTP port (webhooks: {@code http://127.0.0.1:port/inbound/{path}}). */
  @LocalServerPort protected int port;

  /** The runtime's registry of activated inbound executables. */
  @Autowired protected InboundExecutableRegistry inboundRegistry;

  /** An instance a message start event created, with the message that started it. */
  public record MessageStart(
      long processInstanceKey,
      String messageName,
      String messageId,
      String correlationKey,
      Map<String, Object> variables) {}

  /**
   * Deploys {@code target/<directory>/<name>.bpmn} (see {@link #deploy}) and waits until the
   * runtime has activated an executable for every inbound element of the deployed version.
   *
   * @return the process definition key of the deployed version
   */
  protected long deployInbound(String directory, String name) {
    return awaitInboundActive(
        zeebe
            .newDeployResourceCommand()
            .addResourceFile(bpmn(directory, name).toString())
            .send()
            .join());
  }

  /** As {@link #deployInbound(String, String)}, for a BPMN file on the test class path. */
  protected long deployInboundResource(String classpathResource) {
    return awaitInboundActive(
        zeebe.newDeployResourceCommand().addResourceFromClasspath(classpathResource).send().join());
  }

  private long awaitInboundActive(DeploymentEvent deployment) {
    if (deployment.getProcesses().size() != 1) {
      throw new IllegalArgumentException(
          "deploy one process per file, found " + deployment.getProcesses().size());
    }
    Process process = deployment.getProcesses().get(0);
    long started = System.nanoTime();
    awaitInboundActive(process.getBpmnProcessId(), process.getProcessDefinitionKey());
    LOG.info(
        "{} version {}: inbound active {} ms after the deployment",
        process.getBpmnProcessId(),
        process.getVersion(),
        (System.nanoTime() - started) / 1_000_000);
    return process.getProcessDefinitionKey();
  }

  /**
   * Waits until every element of this process version that carries {@code inbound.type} belongs to
   * an activated executable; fails at once, with the runtime's reason, if one failed to activate.
   */
  protected List<ActiveExecutableResponse> awaitInboundActive(
      String bpmnProcessId, long processDefinitionKey) {
    Set<String> wanted = inboundElements(processDefinitionKey);
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException(bpmnProcessId + " has no element with inbound.type");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<ActiveExecutableResponse> mine =
                  inboundExecutables(bpmnProcessId, processDefinitionKey);
              for (ActiveExecutableResponse e : mine) {
                if (e.health() != null && e.health().getStatus() == Health.Status.DOWN) {
                  throw new AssertionError(
                      "the runtime did not activate "
                          + e.elements().stream().map(x -> x.element().elementId()).toList()
                          + ": "
                          + e.health());
                }
              }
              return mine.stream()
                  .flatMap(e -> e.elements().stream())
                  .map(x -> x.element().elementId())
                  .collect(Collectors.toSet())
                  .containsAll(wanted);
            });
    return inboundExecutables(bpmnProcessId, processDefinitionKey);
  }

  /** The runtime's executables (active or failed) for one version of a process. */
  protected List<ActiveExecutableResponse> inboundExecutables(
      String bpmnProcessId, long processDefinitionKey) {
    return inboundRegistry
        .query(new ActiveExecutableQuery(bpmnProcessId, null, null, null))
        .stream()
        .filter(
            e ->
                e.elements().stream()
                    .anyMatch(x -> x.element().processDefinitionKey() == processDefinitionKey))
        .toList();
  }

  private static Set<String> inboundElements(long processDefinitionKey) {
    byte[] xml =
        ENGINE_RECORDS
            .definition(processDefinitionKey)
            .orElseThrow(() -> new IllegalStateException("not deployed: " + processDefinitionKey))
            .resource();
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml))
        .getModelElementsByType(ZeebeProperty.class)
        .stream()
        .filter(p -> "inbound.type".equals(p.getName()))
        // zeebe:property < zeebe:properties < extensionElements < the flow element
        .map(p -> p.getParentElement().getParentElement().getParentElement())
        .map(e -> e.getAttributeValue("id"))
        .collect(Collectors.toSet());
  }

  /** Instances of the process that a message start event created, in the order they started. */
  protected static List<MessageStart> messageStarts(String bpmnProcessId) {
    List<Record<?>> records = records();
    Map<Long, String> messageIds =
        records.stream()
            .filter(r -> r.getRecordType() == RecordType.EVENT)
            .filter(r -> r.getValueType() == ValueType.MESSAGE)
            .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
            .collect(
                Collectors.toMap(
                    Record::getKey,
                    r -> ((MessageRecordValue) r.getValue()).getMessageId(),
                    (a, b) -> a));
    return records.stream()
        .filter(r -> r.getRecordType() == RecordType.EVENT)
        .filter(r -> r.getValueType() == ValueType.MESSAGE_START_EVENT_SUBSCRIPTION)
        .filter(r -> r.getIntent() == MessageStartEventSubscriptionIntent.CORRELATED)
        .map(r -> (MessageStartEventSubscriptionRecordValue) r.getValue())
        .filter(v -> v.getBpmnProcessId().equals(bpmnProcessId))
        .map(
            v ->
                new MessageStart(
                    v.getProcessInstanceKey(),
                    v.getMessageName(),
                    messageIds.get(v.getMessageKey()),
                    v.getCorrelationKey(),
                    v.getVariables()))
        .toList();
  }

  /** Waits until message start events created {@code count} instances of the process. */
  protected static List<MessageStart> awaitMessageStarts(String bpmnProcessId, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> messageStarts(bpmnProcessId), starts -> starts.size() >= count);
  }

  /**
   * A variable of the instance's root scope as the engine last saw it (JSON parsed to maps, lists,
   * strings, numbers, booleans), or empty when the instance has none by that name.
   */
  protected static Optional<Object> variable(long processInstanceKey, String name) {
    return variables(processInstanceKey).entrySet().stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** All root-scope variables of the instance (JSON parsed). */
  protected static Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> out = new HashMap<>();
    ENGINE_RECORDS.rootVariables(processInstanceKey).forEach(v -> out.put(v.name(), parse(v)));
    return out;
  }

  private static Object parse(RootVariable v) {
    try {
      return JSON.readValue(v.value(), Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variable " + v.name() + " is not JSON: " + v.value(), e);
    }
  }

  /** The runtime's URL for an inbound path, e.g. {@code http://127.0.0.1:port/inbound/sn}. */
  protected URI inboundUrl(String path) {
    return URI.create("http://127.0.0.1:" + port + "/inbound/" + path);
  }

  /**
   * POSTs the body to {@code /inbound/{path}} with these headers (Content-Type defaults to
   * application/json) and returns the runtime's answer.
   */
  protected HttpResponse<String> postInbound(
      String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(inboundUrl(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      request.header("Content-Type", "application/json");
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON text (e.g. a webhook's answer) for assertions. */
  protected static Map<String, Object> json(String text) {
    try {
      return JSON.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
