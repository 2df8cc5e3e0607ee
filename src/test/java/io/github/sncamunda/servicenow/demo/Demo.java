package io.github.sncamunda.servicenow.demo;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.github.sncamunda.servicenow.e2e.StartDocuments;
import io.github.sncamunda.servicenow.e2e.TestRuntimeApplication;
import io.github.sncamunda.servicenow.simulator.FlowResponse;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command: starts an in-memory Zeebe engine, the real connectors runtime with this
 * bundle and a ServiceNow simulator, deploys examples/, runs them and prints what happened.
 *
 * <p>The demo also plays ServiceNow's side where a process waits for ServiceNow (an engineer
 * resolving the incident, a fulfiller delivering the laptop, an approver deciding), publishing the
 * message ServiceNow would publish. With SERVICENOW_INSTANCE (plus SERVICENOW_USER and
 * SERVICENOW_PASSWORD) set, the examples that do not wait for ServiceNow run against that instance
 * instead of the simulator. With CAMUNDA_CLIENT_MODE or CAMUNDA_CLIENT_GRPCADDRESS set (the
 * camunda-spring-boot-starter's own variables), the processes run on that cluster instead of the
 * in-memory engine. Exits non-zero if any example fails.
 */
public final class Demo {

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final long STARTED = System.nanoTime();
  private static final String LAPTOP = "060f3afa3731300054b6a3549dbe5d3e";
  private static final Duration MESSAGE_TTL = Duration.ofMinutes(5);

  private Demo() {}

  public static void main(String[] args) {
    int failures;
    try {
      failures = run();
    } catch (Exception e) {
      OUT.println("✘ demo failed: " + e);
      failures = 1;
    }
    OUT.println(failures == 0 ? "All examples completed." : failures + " example(s) failed.");
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int run() throws Exception {
    String realInstance = System.getenv("SERVICENOW_INSTANCE");
    boolean externalCamunda =
        System.getenv("CAMUNDA_CLIENT_MODE") != null
            || System.getenv("CAMUNDA_CLIENT_GRPCADDRESS") != null;

    ServiceNowSimulator simulator = null;
    Map<String, Object> target = new HashMap<>();
    if (realInstance == null) {
      simulator =
          new ServiceNowSimulator().standardTables().catalogItem(LAPTOP, "Standard laptop").start();
      target.put("snInstance", "simulated");
      target.put("snBaseUrl", simulator.baseUrl());
      System.setProperty("demo.secrets.snUser", ServiceNowSimulator.DEFAULT_USER);
      System.setProperty("demo.secrets.snPwd", ServiceNowSimulator.DEFAULT_PASSWORD);
      InboundDemo.secrets("simulated", simulator.baseUrl());
      step("ServiceNow simulator listening on " + simulator.baseUrl());
    } else {
      target.put("snInstance", realInstance);
      System.setProperty("demo.secrets.snUser", require("SERVICENOW_USER"));
      System.setProperty("demo.secrets.snPwd", require("SERVICENOW_PASSWORD"));
      InboundDemo.secrets(realInstance, "https://" + realInstance + ".service-now.com");
      step("Using ServiceNow instance https://" + realInstance + ".service-now.com");
    }
    System.setProperty("camunda.connector.secretprovider.environment.prefix", "demo.secrets.");

    ZeebeTestEngine engine = null;
    if (!externalCamunda) {
      engine = EngineFactory.create();
      engine.start();
      String gateway = engine.getGatewayAddress();
      System.setProperty(
          "camunda.client.grpc-address",
          "http://127.0.0.1:" + gateway.substring(gateway.lastIndexOf(':') + 1));
      step("In-memory Zeebe engine started");
    }

    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(TestRuntimeApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false);
    if (engine != null) {
      WebhookDemo.withInbound(builder, engine);
    }
    try (ConfigurableApplicationContext runtime = builder.run()) {
      step("Connectors runtime started with " + String.join(", ", ourConnectors(runtime)));
      CamundaClient camunda = runtime.getBean(CamundaClient.class);
      try (DirectoryStream<Path> examples =
          Files.newDirectoryStream(Path.of("examples"), "*.bpmn")) {
        for (Path example : examples) {
          if (example.endsWith(InboundDemo.WATCHER) && (simulator == null || engine == null)) {
            // it would acknowledge every new P1 incident of your instance; its runtime is ours
            step("Not deployed: " + example + " (runs against the simulator only)");
            continue;
          }
          camunda.newDeployResourceCommand().addResourceFile(example.toString()).send().join();
          step("Deployed " + example);
        }
      }
      int failures = 0;
      failures += attempt(() -> changeApprovalNotes(camunda, target));
      failures += attempt(() -> attachFailureReport(camunda, target));
      if (simulator != null) {
        ServiceNowSimulator sn = simulator;
        failures += attempt(() -> incidentLifecycle(camunda, sn, target));
        failures += attempt(() -> catalogOrder(camunda, sn, target));
        failures += attempt(() -> flowApproval(camunda, sn, target));
        failures += attempt(() -> incidentOnFailure(camunda, sn, target));
      } else {
        step(
            "The examples that wait for ServiceNow need its side (business rules, catalog items,"
                + " flows) in your instance; skipped against "
                + realInstance);
      }
      if (engine != null) {
        failures += attempt(() -> WebhookDemo.changeApproved(runtime, camunda, Demo::step));
        if (simulator != null) {
          ServiceNowSimulator sn = simulator;
          failures +=
              attempt(() -> InboundDemo.changeApprovalRoundtrip(camunda, sn, target, Demo::step));
          failures += attempt(() -> InboundDemo.p1IncidentWatched(sn, Demo::step));
        }
      }
      return failures;
    } finally {
      if (simulator != null) {
        simulator.close();
      }
      if (engine != null) {
        engine.stop();
      }
    }
  }

  private static void incidentLifecycle(
      CamundaClient camunda, ServiceNowSimulator sn, Map<String, Object> target) {
    step("▶ examples/incident-lifecycle.bpmn");
    var running =
        runAsync(camunda, "servicenow-incident-lifecycle", target, Map.of("host", "db-01"));
    Map<String, String> escalated =
        awaitRecord(
            () ->
                sn.incidentsWhere("correlation_id", "disk-full-db-01").stream()
                    .filter(r -> "1".equals(r.get("priority")))
                    .findFirst());
    String sysId = escalated.get("sys_id");
    step("  incident " + escalated.get("number") + " open and escalated (sys_id " + sysId + ")");
    sn.update(
        "incident",
        sysId,
        Map.of(
            "state", "6",
            "close_code", "Solved (Permanently)",
            "close_notes", "Old database logs archived, 40 GB freed on db-01"));
    step(
        "  an engineer resolves it in ServiceNow; ServiceNow publishes ServiceNowIncidentResolved"
            + " with the incident's sys_id as correlation key");
    publish(camunda, "ServiceNowIncidentResolved", sysId, Map.of());
    Map<String, Object> v = running.join().getVariablesAsMap();
    step("  read back: priority " + v.get("initialPriority") + ", state " + v.get("initialState"));
    step("  priority changed to " + v.get("raisedPriority") + " (urgency and impact 1)");
    step(
        "  search for open critical incidents found "
            + v.get("criticalIncidents")
            + ": "
            + v.get("foundNumbers"));
    step(
        "  resolution read back: state "
            + v.get("resolvedState")
            + ", "
            + v.get("resolutionCode")
            + ": "
            + v.get("resolutionNotes"));
  }

  private static void catalogOrder(
      CamundaClient camunda, ServiceNowSimulator sn, Map<String, Object> target) {
    step("▶ examples/catalog-order.bpmn");
    var running =
        runAsync(
            camunda,
            "servicenow-catalog-order",
            target,
            Map.of(
                "laptopItemSysId",
                LAPTOP,
                "requestedFor",
                "abel.tuter",
                "justification",
                "New starter"));
    Map<String, String> item =
        awaitRecord(() -> sn.records("sc_req_item").stream().reduce((first, last) -> last));
    String sysId = item.get("sys_id");
    step("  laptop ordered: requested item " + item.get("number") + " (sys_id " + sysId + ")");
    sn.update("sc_req_item", sysId, Map.of("stage", "complete"));
    step(
        "  the fulfiller delivers it; ServiceNow publishes ServiceNowItemDelivered with the"
            + " requested item's sys_id as correlation key");
    publish(camunda, "ServiceNowItemDelivered", sysId, Map.of());
    Map<String, Object> v = running.join().getVariablesAsMap();
    step(
        "  request "
            + v.get("requestNumber")
            + ", item "
            + v.get("ritmNumber")
            + " read back at stage "
            + v.get("deliveredStage")
            + "; process completed");
  }

  private static void changeApprovalNotes(CamundaClient camunda, Map<String, Object> target) {
    step("▶ examples/change-approval-notes.bpmn");
    Map<String, Object> v =
        run(
            camunda,
            "servicenow-change-approval-notes",
            target,
            Map.of("host", "db-01", "version", "15.4", "approver", "Jane (CAB)"));
    step(
        "  change request "
            + v.get("changeNumber")
            + " created (sys_id "
            + v.get("changeSysId")
            + ")");
    step("  approval recorded as a work note, the requester informed with a comment");
    @SuppressWarnings("unchecked")
    var journal = (java.util.List<Map<String, Object>>) v.get("journal");
    step("  journal read back, " + v.get("journalEntries") + " entries:");
    journal.forEach(
        e -> step("    " + e.get("field") + " by " + e.get("createdBy") + ": " + e.get("value")));
    step("  state moved to " + v.get("changeState") + " (Implement)");
  }

  private static void attachFailureReport(CamundaClient camunda, Map<String, Object> target) {
    step("▶ examples/attach-failure-report.bpmn");
    byte[] report =
        "Nightly billing run 42 failed\nstep: billing\nreason: timeout after 60 s\n"
            .getBytes(StandardCharsets.UTF_8);
    Map<String, Object> reference =
        StartDocuments.reference(report, "billing-run-42.txt", "text/plain");
    step("  the process starts with a failure report document (" + report.length + " bytes)");
    Map<String, Object> v =
        run(
            camunda,
            "servicenow-attach-failure-report",
            target,
            Map.of(
                "failedStep",
                "billing",
                "failureReason",
                "timeout after 60 s",
                "runId",
                42,
                "failureReport",
                reference));
    step(
        "  incident "
            + v.get("incidentNumber")
            + " opened, report attached: "
            + v.get("attachmentNames"));
    step(
        "  evidence downloaded back into "
            + ((java.util.List<?>) v.get("evidence")).size()
            + " Camunda document(s)");
    byte[] large = new byte[6 * 1024 * 1024];
    step(
        "  run 43 fails with a " + large.length / (1024 * 1024) + " MB report (the limit is 5 MB)");
    Map<String, Object> w =
        run(
            camunda,
            "servicenow-attach-failure-report",
            target,
            Map.of(
                "failedStep",
                "billing",
                "failureReason",
                "out of memory",
                "runId",
                43,
                "failureReport",
                StartDocuments.reference(
                    large, "billing-run-43.hprof", "application/octet-stream")));
    step(
        "  incident "
            + w.get("incidentNumber")
            + " opened; REPORT_TOO_LARGE caught, a work note says where the report is: "
            + w.get("reportNoted"));
  }

  private static void flowApproval(
      CamundaClient camunda, ServiceNowSimulator sn, Map<String, Object> target) {
    step("▶ examples/flow-approval.bpmn");
    sn.clearFlowCallbacks();
    sn.onFlowTriggered(
        call -> {
          step(
              "  ServiceNow flow "
                  + call.path()
                  + " started, executionId "
                  + call.executionId()
                  + "; approver decides on order "
                  + call.bodyField("orderId"));
          step(
              "  the flow publishes ServiceNowApprovalGranted with its execution id as correlation"
                  + " key (like the Camunda Spoke, with a time-to-live)");
          publish(
              camunda,
              "ServiceNowApprovalGranted",
              call.executionId(),
              Map.of("approvedBy", "sn.approver"));
        });
    Map<String, Object> v =
        run(
            camunda,
            "servicenow-flow-approval",
            target,
            Map.of("orderId", "A-100", "requester", "jane.doe", "amount", 1200, "priority", 2));
    step(
        "  approval received from "
            + v.get("approvedBy")
            + " (execution "
            + v.get("approvalExecutionId")
            + "); process completed");
  }

  private static void incidentOnFailure(
      CamundaClient camunda, ServiceNowSimulator sn, Map<String, Object> target) {
    step("▶ examples/incident-on-failure.bpmn");
    sn.registerFlow(
        "/api/x_acme/fulfilment/order",
        call ->
            FlowResponse.json(
                400,
                "{\"error\":{\"message\":\"Invalid SKU\",\"detail\":\"SKU X-1 is not"
                    + " orderable\"},\"status\":\"failure\"}"));
    Map<String, Object> v =
        run(
            camunda,
            "servicenow-incident-on-failure",
            target,
            Map.of("orderId", "O-9", "sku", "X-1"));
    step("  fulfilment flow failed with " + v.get("failureCode") + ": " + v.get("failureMessage"));
    step("  incident " + v.get("incidentNumber") + " opened for it; process completed");
  }

  private static Map<String, Object> run(
      CamundaClient camunda,
      String processId,
      Map<String, Object> target,
      Map<String, Object> variables) {
    return runAsync(camunda, processId, target, variables).join().getVariablesAsMap();
  }

  private static CompletableFuture<ProcessInstanceResult> runAsync(
      CamundaClient camunda,
      String processId,
      Map<String, Object> target,
      Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.putAll(target);
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(all)
        .withResult()
        .requestTimeout(Duration.ofSeconds(60))
        .send()
        .toCompletableFuture();
  }

  /** Publishes what ServiceNow's business rule or flow would, with a time-to-live. */
  private static void publish(
      CamundaClient camunda, String message, String correlationKey, Map<String, Object> variables) {
    camunda
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(correlationKey)
        .timeToLive(MESSAGE_TTL)
        .variables(variables)
        .send()
        .join();
  }

  /** Waits (up to 30 s) for the process to have written a record in the simulator. */
  private static Map<String, String> awaitRecord(Supplier<Optional<Map<String, String>>> lookup) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Map<String, String>> record = lookup.get();
      if (record.isPresent()) {
        return record.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new IllegalStateException("the process did not write the expected record within 30 s");
  }

  private interface Example {
    void run() throws Exception;
  }

  private static int attempt(Example example) {
    try {
      example.run();
      return 0;
    } catch (Exception e) {
      step("  ✘ failed: " + e.getMessage());
      return 1;
    }
  }

  static void step(String line) {
    OUT.printf("[%5.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set when SERVICENOW_INSTANCE is set");
    }
    return value;
  }

  /** What the runtime discovered from our jar, in its own words: outbound, then inbound. */
  static List<String> ourConnectors(ConfigurableApplicationContext runtime) {
    List<String> names = new ArrayList<>();
    runtime
        .getBeanProvider(io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory.class)
        .ifAvailable(f -> names.addAll(ours(f.getConfigurations(), c -> c.name())));
    runtime
        .getBeanProvider(io.camunda.connector.runtime.core.inbound.InboundConnectorFactory.class)
        .ifAvailable(f -> names.addAll(ours(f.getConfigurations(), c -> c.name() + " (inbound)")));
    return names;
  }

  private static <C extends io.camunda.connector.runtime.core.config.ConnectorConfiguration>
      List<String> ours(
          java.util.Collection<C> configurations, java.util.function.Function<C, String> name) {
    return configurations.stream()
        .filter(c -> c.type().startsWith(OUR_TYPES))
        .map(name)
        .sorted()
        .toList();
  }

  private static final String OUR_TYPES = "io.github.sncamunda:";
}
