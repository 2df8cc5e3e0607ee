package io.github.sncamunda.servicenow.demo;

import io.camunda.client.CamundaClient;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The demo's polling examples against the simulator: examples/incident-p1-watcher.bpmn (a new P1
 * incident starts an instance) and examples/change-approval-roundtrip.bpmn (the instance waits
 * until the change it created is approved in ServiceNow). Both poll every 5 s, so each takes a few
 * seconds.
 */
final class InboundDemo {

  static final String WATCHER = "incident-p1-watcher.bpmn";
  private static final String WATCHER_PROCESS = "servicenow-incident-p1-watcher";
  private static final String ROUNDTRIP_PROCESS = "servicenow-change-approval-roundtrip";
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  private InboundDemo() {}

  /** Inbound elements read no process variables: they reach the simulator through secrets. */
  static void secrets(String instance, String baseUrl) {
    System.setProperty("demo.secrets.snInstance", instance);
    System.setProperty("demo.secrets.snBaseUrl", baseUrl);
  }

  static void p1IncidentWatched(ServiceNowSimulator sn, Consumer<String> step) {
    step.accept("▶ examples/incident-p1-watcher.bpmn");
    // the watcher starts from ServiceNow's clock at its first poll: let one more poll pass
    long polls = sn.requestCount("GET", "/api/now/table/incident");
    await(
        "the Record Watcher to poll",
        () -> sn.requestCount("GET", "/api/now/table/incident") > polls);
    Map<String, String> incident =
        sn.seedIncident(
            Map.of("short_description", "Payment gateway down", "impact", "1", "urgency", "1"));
    step.accept(
        "  a P1 incident "
            + incident.get("number")
            + " is created in ServiceNow (priority "
            + incident.get("priority")
            + ")");
    await(
        "the watched P1 incident's instance",
        () -> !acknowledgements(sn, incident.get("sys_id")).isEmpty());
    step.accept("  instance started by a watched change (the Record Watcher's poll)");
    // the next polls re-read the window: the engine drops their message (same message ID)
    long seen = sn.requestCount("GET", "/api/now/table/incident");
    await("two more polls", () -> sn.requestCount("GET", "/api/now/table/incident") >= seen + 2);
    long instances = WebhookDemo.instancesWith(WATCHER_PROCESS, "incident", incident.get("number"));
    step.accept(
        "  instances for "
            + incident.get("number")
            + " after two more polls re-read it: "
            + instances);
    if (instances != 1) {
      throw new IllegalStateException(instances + " instances for one new incident");
    }
    step.accept("  its work note: " + acknowledgements(sn, incident.get("sys_id")).get(0));
  }

  static void changeApprovalRoundtrip(
      CamundaClient camunda,
      ServiceNowSimulator sn,
      Map<String, Object> target,
      Consumer<String> step) {
    step.accept("▶ examples/change-approval-roundtrip.bpmn");
    sn.clearFlowCallbacks();
    Map<String, Object> variables = new HashMap<>(target);
    variables.putAll(Map.of("host", "web-01", "version", "2.4"));
    long instance =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(ROUNDTRIP_PROCESS)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    await(
        "the instance to wait for the approval",
        () -> WebhookDemo.reached(instance, "ChangeApproved", false));
    Map<String, String> change =
        sn.recordsWhere("change_request", "correlation_id", "roundtrip-web-01-2.4").get(0);
    step.accept(
        "  change request "
            + change.get("number")
            + " created, its approval flow started; the instance waits (polling every 5 s)");
    long polls = sn.requestCount("GET", "/api/now/table/change_request");
    await(
        "a poll of the waiting change",
        () -> sn.requestCount("GET", "/api/now/table/change_request") > polls);
    if (WebhookDemo.reached(instance, "ChangeReady", true)) {
      throw new IllegalStateException("released before the change was approved");
    }
    step.accept(
        "  polled: " + change.get("number") + " not approved yet, the instance still waits");
    sn.update("change_request", change.get("sys_id"), Map.of("approval", "approved"));
    step.accept("  the CAB approves " + change.get("number") + " in ServiceNow");
    await(
        "the approval to release the instance",
        () -> WebhookDemo.reached(instance, "ChangeReady", true));
    step.accept("  instance " + instance + " released by approval; its work note:");
    sn.journal(change.get("sys_id")).stream()
        .filter(e -> e.field().equals("work_notes"))
        .forEach(e -> step.accept("    " + e.value()));
  }

  private static List<String> acknowledgements(ServiceNowSimulator sn, String sysId) {
    return sn.journal(sysId).stream()
        .filter(e -> e.field().equals("work_notes"))
        .map(ServiceNowSimulator.JournalEntry::value)
        .toList();
  }

  private static void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no sign of " + what + " within " + PATIENCE);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }
}
