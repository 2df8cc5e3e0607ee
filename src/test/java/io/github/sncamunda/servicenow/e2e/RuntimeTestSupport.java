package io.github.sncamunda.servicenow.e2e;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.connector.runtime.inbound.search.SearchQueryClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex;
import io.github.sncamunda.servicenow.e2e.search.RecordStreamSearchQueryClient;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One in-memory Zeebe engine, one ServiceNow simulator and one Spring context with the real
 * connectors runtime, shared by every end-to-end test class. The engine starts before the context
 * (the runtime's job workers connect at start-up) and is never stopped: it is in memory and the
 * cached context closes its workers at JVM exit.
 */
@SpringBootTest(
    classes = {TestRuntimeApplication.class, RuntimeTestSupport.EngineSearch.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // inbound on for every test class: one context, so one set of job workers on the engine
    properties = {
      "camunda.connector.polling.enabled=true",
      "camunda.connector.polling.interval=300",
      "camunda.connector.webhook.enabled=true"
    })
public abstract class RuntimeTestSupport {

  protected static final ZeebeTestEngine ENGINE;
  protected static final ServiceNowSimulator SERVICENOW;
  protected static final String USER = "e2e-user";
  protected static final String PASSWORD = "e2e-Pa55-SECRET-7c1d";
  protected static final String CLIENT_ID = "e2e-client";
  protected static final String CLIENT_SECRET = "e2e-ClientSecret-SECRET-41aa";
  protected static final String SCAN_CLIENT_SECRET = "e2e-ScanSecret-SECRET-93e0";

  /** The engine's records, indexed; the one reader of its record stream in this JVM. */
  protected static final EngineRecordIndex ENGINE_RECORDS;

  static {
    ENGINE = EngineFactory.create();
    ENGINE.start();
    ENGINE_RECORDS = new EngineRecordIndex(ENGINE.getRecordStreamSource());
    SERVICENOW =
        new ServiceNowSimulator()
            .withoutDefaultCredentials()
            .user(USER, PASSWORD)
            .oauthClient(CLIENT_ID, CLIENT_SECRET)
            .oauthClient("e2e-scan-client", SCAN_CLIENT_SECRET)
            .accessTokenExpiresIn(1800)
            .flowCallbackDelay(Duration.ofMillis(300))
            .start();
    // inbound elements have no process variables to read the simulator's address from (the
    // examples' watcher and wait events use these secrets); set before the context reads them
    System.setProperty("test.secrets.snBaseUrl", SERVICENOW.baseUrl());
    System.setProperty("test.secrets.snInstance", "ignored-when-base-url-is-set");
  }

  /**
   * The runtime's inbound side asks Camunda's search API (which the in-memory engine lacks) for
   * process definitions, active elements and variables: this answers from the engine's records. Not
   * a component, so the demo's component scan does not pick it up.
   */
  static class EngineSearch {
    @Bean
    @Primary
    SearchQueryClient engineSearchQueryClient() {
      return new RecordStreamSearchQueryClient(ENGINE_RECORDS);
    }
  }

  @DynamicPropertySource
  static void engineAddress(DynamicPropertyRegistry registry) {
    String gateway = ENGINE.getGatewayAddress();
    registry.add(
        "camunda.client.grpc-address",
        () -> "http://127.0.0.1:" + gateway.substring(gateway.lastIndexOf(':') + 1));
  }

  @Autowired protected CamundaClient zeebe;

  @BeforeEach
  void resetServiceNow() {
    SERVICENOW.reset();
    SERVICENOW.clearFlowCallbacks();
  }

  /**
   * The diagrams made with template version 1, committed as they were (src/test/resources/e2e/v1):
   * they must keep running on this jar.
   */
  protected static final String V1 = "test-classes/e2e/v1";

  /** The same diagrams upgraded by the build to the current templates, as Modeler's Update does. */
  protected static final String UPGRADED = "e2e-upgraded";

  /**
   * Deploys a BPMN file under target/ and so makes it the latest version of its process: the same
   * process id comes from several directories (examples, {@link #V1}, {@link #UPGRADED}). Zeebe
   * keeps no new version when the file is what the latest version already is.
   */
  protected void deploy(String directory, String name) {
    zeebe
        .newDeployResourceCommand()
        .addResourceFile(bpmn(directory, name).toString())
        .send()
        .join();
  }

  static Path bpmn(String directory, String name) {
    Path file = Path.of("target", directory, name + ".bpmn");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " is missing: the build applies the templates to the recipes "
              + "before the tests (run ./mvnw verify, not the test class alone)");
    }
    return file;
  }

  static List<Path> bpmnFiles(String directory) {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(Path.of("target", directory), "*.bpmn")) {
      List<Path> out = new ArrayList<>();
      files.forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variables every example and end-to-end process reads to reach the simulator. */
  protected static Map<String, Object> withServiceNow(Map<String, Object> variables) {
    var all = new java.util.HashMap<String, Object>(variables);
    all.put("snInstance", "ignored-when-base-url-is-set");
    all.put("snBaseUrl", SERVICENOW.baseUrl());
    return all;
  }

  protected Map<String, Object> runToCompletion(String processId, Map<String, Object> variables) {
    ProcessInstanceResult result =
        zeebe
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(withServiceNow(variables))
            .withResult()
            .requestTimeout(Duration.ofSeconds(60))
            .send()
            .join();
    return result.getVariablesAsMap();
  }

  protected long start(String processId, Map<String, Object> variables) {
    ProcessInstanceEvent event =
        zeebe
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(withServiceNow(variables))
            .send()
            .join();
    return event.getProcessInstanceKey();
  }

  /** Every engine record so far; read them here, not from the engine, which is not thread-safe. */
  protected static List<Record<?>> records() {
    return ENGINE_RECORDS.records();
  }

  /**
   * Publishes what ServiceNow's business rule or flow would when a record changes, with a
   * time-to-live so that it waits for an instance that is not there yet.
   */
  protected void publish(String message, String correlationKey) {
    zeebe
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(correlationKey)
        .timeToLive(Duration.ofMinutes(5))
        .send()
        .join();
  }

  /**
   * The instance's root-scope variables as the engine last wrote them (JSON parsed), for an
   * instance that waited for a message in between.
   */
  protected static Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> variables = new java.util.HashMap<>();
    ENGINE_RECORDS
        .rootVariables(processInstanceKey)
        .forEach(
            v -> {
              try {
                variables.put(v.name(), JSON.readValue(v.value(), Object.class));
              } catch (IOException e) {
                throw new UncheckedIOException("variable " + v.name() + " is not JSON", e);
              }
            });
    return variables;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Waits until the process instance completed the element with this id (e.g. an end event). */
  protected static void awaitElementCompleted(long processInstanceKey, String elementId) {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .failFast("a ServiceNow callback failed", () -> !SERVICENOW.callbackFailures().isEmpty())
          .until(
              () ->
                  records().stream()
                      .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                      .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                      .map(r -> (ProcessInstanceRecordValue) r.getValue())
                      .anyMatch(
                          v ->
                              v.getProcessInstanceKey() == processInstanceKey
                                  && v.getElementId().equals(elementId)));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          elementId + " was not completed; the instance went through: " + trace(processInstanceKey),
          e);
    }
  }

  /**
   * Element ids and intents of one instance, plus rejected commands and messages, for failure
   * messages.
   */
  protected static String trace(long processInstanceKey) {
    return records().stream()
        .filter(
            r ->
                r.getValueType() == ValueType.PROCESS_INSTANCE
                    || r.getValueType() == ValueType.MESSAGE
                    || r.getValueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
                    || r.getValueType() == ValueType.TIMER
                    || r.getValueType() == ValueType.INCIDENT)
        .filter(
            r ->
                !(r.getValue() instanceof ProcessInstanceRecordValue v)
                    || v.getProcessInstanceKey() == processInstanceKey)
        .map(
            r ->
                r.getValueType()
                    + "/"
                    + r.getIntent()
                    + (r.getValue() instanceof ProcessInstanceRecordValue v
                        ? " " + v.getElementId()
                        : " " + r.getValue())
                    + (r.getRejectionType() != null
                            && r.getRejectionType()
                                != io.camunda.zeebe.protocol.record.RejectionType.NULL_VAL
                        ? " REJECTED " + r.getRejectionReason()
                        : ""))
        .collect(java.util.stream.Collectors.joining("\n  ", "\n  ", ""));
  }

  /** Waits until the process instance is waiting in (activated, not completed) the element. */
  protected static void awaitElementActivated(long processInstanceKey, String elementId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                records().stream()
                    .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                    .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                    .map(r -> (ProcessInstanceRecordValue) r.getValue())
                    .anyMatch(
                        v ->
                            v.getProcessInstanceKey() == processInstanceKey
                                && v.getElementId().equals(elementId)));
  }

  protected static Optional<IncidentRecordValue> incidentOf(long processInstanceKey) {
    return records().stream()
        .filter(
            r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .findFirst();
  }
}
