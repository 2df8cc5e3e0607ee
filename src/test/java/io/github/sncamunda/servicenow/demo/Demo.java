package io.github.sncamunda.servicenow.demo;

import io.camunda.client.CamundaClient;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.github.sncamunda.servicenow.e2e.TestRuntimeApplication;
import io.github.sncamunda.servicenow.simulator.FlowResponse;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command: starts an in-memory Zeebe engine, the real connectors runtime with this
 * bundle and a ServiceNow simulator, deploys examples/, runs them and prints what happened.
 *
 * <p>With SERVICENOW_INSTANCE (plus SERVICENOW_USER and SERVICENOW_PASSWORD) set, the incident
 * lifecycle runs against that instance instead of the simulator. With CAMUNDA_CLIENT_MODE or
 * CAMUNDA_CLIENT_GRPCADDRESS set (the camunda-spring-boot-starter's own variables), the processes
 * run on that cluster instead of the in-memory engine. Exits non-zero if any example fails.
 */
public final class Demo {

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final long STARTED = System.nanoTime();

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
      simulator = new ServiceNowSimulator().standardTables().start();
      target.put("snInstance", "simulated");
      target.put("snBaseUrl", simulator.baseUrl());
      System.setProperty("demo.secrets.snUser", ServiceNowSimulator.DEFAULT_USER);
      System.setProperty("demo.secrets.snPwd", ServiceNowSimulator.DEFAULT_PASSWORD);
      step("ServiceNow simulator listening on " + simulator.baseUrl());
    } else {
      target.put("snInstance", realInstance);
      System.setProperty("demo.secrets.snUser", require("SERVICENOW_USER"));
      System.setProperty("demo.secrets.snPwd", require("SERVICENOW_PASSWORD"));
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
      step(
          "Connectors runtime started with the ServiceNow Flow Starter, Incident Handler and"
              + " Record Handler");
      CamundaClient camunda = runtime.getBean(CamundaClient.class);
      try (DirectoryStream<Path> examples =
          Files.newDirectoryStream(Path.of("examples"), "*.bpmn")) {
        for (Path example : examples) {
          camunda.newDeployResourceCommand().addResourceFile(example.toString()).send().join();
          step("Deployed " + example);
        }
      }
      int failures = 0;
      failures += attempt(() -> incidentLifecycle(camunda, target));
      failures += attempt(() -> changeApprovalNotes(camunda, target));
      failures += attempt(() -> attachFailureReport(camunda, target));
      if (simulator != null) {
        ServiceNowSimulator sn = simulator;
        failures += attempt(() -> flowApproval(camunda, sn, target));
        failures += attempt(() -> incidentOnFailure(camunda, sn, target));
      } else {
        step(
            "The flow examples need their flows in your instance; skipped against " + realInstance);
      }
      if (engine != null) {
        failures += attempt(() -> WebhookDemo.changeApproved(runtime, camunda, Demo::step));
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

  private static void incidentLifecycle(CamundaClient camunda, Map<String, Object> target) {
    step("▶ examples/incident-lifecycle.bpmn");
    Map<String, Object> v =
        run(camunda, "servicenow-incident-lifecycle", target, Map.of("host", "db-01"));
    step(
        "  incident "
            + v.get("incidentNumber")
            + " created (sys_id "
            + v.get("incidentSysId")
            + ")");
    step("  read back: priority " + v.get("initialPriority") + ", state " + v.get("initialState"));
    step("  priority changed to " + v.get("raisedPriority") + " (urgency and impact 1)");
    step(
        "  search for open critical incidents found "
            + v.get("criticalIncidents")
            + ": "
            + v.get("foundNumbers"));
    step("  incident deleted: " + v.get("incidentDeleted"));
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
    Document document =
        new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE)
            .create(
                DocumentCreationRequest.from(report)
                    .fileName("billing-run-42.txt")
                    .contentType("text/plain")
                    .build());
    @SuppressWarnings("unchecked")
    Map<String, Object> reference =
        ConnectorsObjectMapperSupplier.getCopy()
            .registerModule(new JacksonModuleDocumentSerializer())
            .convertValue(document, Map.class);
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
                  + call.bodyField("correlationValue"));
          step(
              "  ServiceNow publishes ServiceNowApprovalGranted for "
                  + call.bodyField("correlationValue")
                  + " (like the Camunda Spoke, with a time-to-live)");
          camunda
              .newPublishMessageCommand()
              .messageName("ServiceNowApprovalGranted")
              .correlationKey(call.bodyField("correlationValue"))
              .timeToLive(Duration.ofMinutes(5))
              .variables(Map.of("approvedBy", "sn.approver"))
              .send()
              .join();
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
        .join()
        .getVariablesAsMap();
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
}
