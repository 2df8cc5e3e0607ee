package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.connector.api.inbound.Health;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Record Watcher and the wait event in the real connectors runtime, against the simulator: a
 * change starts exactly one instance (however often the window re-reads it), the wait completes
 * when the change is approved, the boundary variant interrupts the task it sits on, and a watcher
 * on a non-interrupting event subprocess reaches the one instance holding the changed record.
 */
class ServiceNowInboundE2ETest extends InboundTestSupport {

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private static final String CONNECTION =
      """
          <zeebe:property name="connection.baseUrl" value="%s"/>
          <zeebe:property name="authentication.type" value="basic"/>
          <zeebe:property name="authentication.username" value="{{secrets.snUser}}"/>
          <zeebe:property name="authentication.password" value="{{secrets.snPwd}}"/>
      """;

  private long deployXml(String processId, String xml) {
    DeploymentEvent deployment =
        zeebe
            .newDeployResourceCommand()
            .addResourceStringUtf8(xml, processId + ".bpmn")
            .send()
            .join();
    long key = deployment.getProcesses().get(0).getProcessDefinitionKey();
    awaitInboundActive(processId, key);
    // the first poll has run (it learns ServiceNow's clock): changes from now on count
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                inboundExecutables(processId, key).stream()
                    .allMatch(
                        e -> e.health() != null && e.health().getStatus() == Health.Status.UP));
    return key;
  }

  @Test
  void aWatchedChangeStartsExactlyOneInstance() {
    String processId = "e2e-sn-watch-" + run;
    deployXml(
        processId,
        WatcherBpmn.incidents(
            processId, "short_descriptionSTARTSWITH" + run, SERVICENOW.baseUrl(), "PT0.3S", 100));

    Map<String, String> incident =
        SERVICENOW.seedIncident(Map.of("short_description", run + " database down"));

    List<InboundTestSupport.MessageStart> starts = awaitMessageStarts(processId, 1);
    assertThat(starts)
        .singleElement()
        .satisfies(
            s -> assertThat(s.messageId()).isEqualTo("incident:" + incident.get("sys_id") + ":0"));
    // several more polls re-read the window: still one instance
    long polls = SERVICENOW.requestCount("GET", "/api/now/table/incident");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SERVICENOW.requestCount("GET", "/api/now/table/incident") >= polls + 5);
    assertThat(messageStarts(processId)).hasSize(1);
    long instance = starts.get(0).processInstanceKey();
    awaitElementCompleted(instance, "done");
    assertThat(variable(instance, "incident"))
        .get()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("number", incident.get("number"))
        .containsEntry("sys_mod_count", "0");
  }

  /** One process with message {@code m}, whose subscription takes {@code correlationKey}. */
  private static String definitions(
      String processId, String messageName, String correlationKey, String flowElements) {
    return """
    <?xml version="1.0" encoding="UTF-8"?>
    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
      <bpmn:message id="m" name="%1$s">
        <bpmn:extensionElements><zeebe:subscription correlationKey="%2$s"/></bpmn:extensionElements>
      </bpmn:message>
      <bpmn:process id="%3$s" isExecutable="true">
    %4$s
      </bpmn:process>
    </bpmn:definitions>
    """
        .formatted(messageName, correlationKey, processId, flowElements);
  }

  /**
   * A process whose main path waits in a task no worker takes, with {@code event} (a boundary event
   * or an event subprocess, using message {@code m}) beside it.
   */
  private static String waitingInATask(
      String processId, String messageName, String correlationKey, String event) {
    return definitions(
        processId,
        messageName,
        correlationKey,
        """
        <bpmn:startEvent id="start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="work"/>
        <bpmn:serviceTask id="work">
          <bpmn:extensionElements>
            <zeebe:taskDefinition type="io.github.sncamunda.test:nobody:1"/>
          </bpmn:extensionElements>
          <bpmn:incoming>a</bpmn:incoming>
          <bpmn:outgoing>b</bpmn:outgoing>
        </bpmn:serviceTask>
        <bpmn:sequenceFlow id="b" sourceRef="work" targetRef="workDone"/>
        <bpmn:endEvent id="workDone"><bpmn:incoming>b</bpmn:incoming></bpmn:endEvent>
        """
            + event);
  }

  /** How often the instance ran through an element (event subprocesses run more than once). */
  private static long completions(long processInstanceKey, String elementId) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .filter(v -> v.getElementId().equals(elementId))
        .count();
  }

  private static void awaitCompletions(long processInstanceKey, String elementId, long count) {
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> completions(processInstanceKey, elementId) >= count);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          elementId + " not completed " + count + " times: " + trace(processInstanceKey), e);
    }
  }

  private static java.util.stream.Stream<MessageRecordValue> published(String messageName) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.MESSAGE)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
        .map(r -> (MessageRecordValue) r.getValue())
        .filter(m -> m.getName().equals(messageName));
  }

  @Test
  void aWatcherInAnEventSubprocessReachesTheInstanceHoldingTheRecordOnceForEachChange() {
    String processId = "e2e-sn-esp-" + run;
    deployXml(
        processId,
        waitingInATask(
            processId,
            processId + "-changed",
            "=incidentSysId",
            """
            <bpmn:subProcess id="onIncidentChange" triggeredByEvent="true">
              <bpmn:startEvent id="incidentChanged" isInterrupting="false">
                <bpmn:extensionElements><zeebe:properties>
            %s
                  <zeebe:property name="correlationRequired" value="required"/>
                  <zeebe:property name="correlationKeyExpression" value="=sys_id"/>
                  <zeebe:property name="messageTtl" value="PT1H"/>
                  <zeebe:property name="resultVariable" value="incident"/>
                </zeebe:properties></bpmn:extensionElements>
                <bpmn:outgoing>c</bpmn:outgoing>
                <bpmn:messageEventDefinition messageRef="m"/>
              </bpmn:startEvent>
              <bpmn:sequenceFlow id="c" sourceRef="incidentChanged" targetRef="changeSeen"/>
              <bpmn:endEvent id="changeSeen"><bpmn:incoming>c</bpmn:incoming></bpmn:endEvent>
            </bpmn:subProcess>
            """
                .formatted(
                    WatcherBpmn.properties(
                        "short_descriptionSTARTSWITH" + run + " esp",
                        "number,state",
                        SERVICENOW.baseUrl(),
                        "PT0.3S",
                        100))));
    Map<String, String> incident =
        SERVICENOW.seedIncident(Map.of("short_description", run + " esp printer jam"));
    // published before any instance holds the record: the engine buffers it for its TTL
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> published(processId + "-changed").findAny().isPresent());
    long holder = start(processId, Map.of("incidentSysId", incident.get("sys_id")));
    long bystander = start(processId, Map.of("incidentSysId", "0123456789abcdef0123456789abcdef"));

    awaitCompletions(holder, "changeSeen", 1);
    SERVICENOW.update("incident", incident.get("sys_id"), Map.of("state", "2"));
    awaitCompletions(holder, "changeSeen", 2);

    // more polls re-read both versions: the engine keeps one message per ID, so no third run
    long polls = SERVICENOW.requestCount("GET", "/api/now/table/incident");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SERVICENOW.requestCount("GET", "/api/now/table/incident") >= polls + 5);
    assertThat(completions(holder, "changeSeen")).isEqualTo(2);
    assertThat(completions(bystander, "changeSeen")).isZero();
    // non-interrupting: the main path still waits in its task
    assertThat(completions(holder, "work")).isZero();
    assertThat(trace(holder)).doesNotContain("ELEMENT_TERMINATED work");
    assertThat(
            published(processId + "-changed")
                .map(m -> m.getMessageId() + " " + m.getCorrelationKey())
                .distinct())
        .containsExactlyInAnyOrder(
            "incident:" + incident.get("sys_id") + ":0 " + incident.get("sys_id"),
            "incident:" + incident.get("sys_id") + ":1 " + incident.get("sys_id"));
    assertThat(variable(holder, "incident"))
        .get()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("state", "2")
        .containsEntry("sys_mod_count", "1");
  }

  private static String waitProperties(String baseUrl) {
    return """
            <zeebe:property name="inbound.type" value="io.github.sncamunda:servicenow-record-wait:1"/>
            <zeebe:property name="table.table" value="change_request"/>
            <zeebe:property name="waitFor.recordId" value="=changeSysId"/>
            <zeebe:property name="waitFor.condition" value="approval=approved"/>
            <zeebe:property name="waitFor.fields" value="number,approval"/>
            <zeebe:property name="waitFor.pollingInterval" value="PT0.3S"/>
            <zeebe:property name="correlationKeyExpression" value="=sys_id"/>
            <zeebe:property name="resultVariable" value="approvedChange"/>
    """
        + CONNECTION.formatted(baseUrl);
  }

  @Test
  void theWaitEventCompletesWhenTheChangeIsApproved() {
    SERVICENOW.table("change_request");
    String processId = "e2e-sn-wait-" + run;
    deployXml(
        processId,
        definitions(
            processId,
            processId + "-approved",
            "=changeSysId",
            """
            <bpmn:startEvent id="start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="waitForApproval"/>
            <bpmn:intermediateCatchEvent id="waitForApproval">
              <bpmn:extensionElements><zeebe:properties>
            %s
              </zeebe:properties></bpmn:extensionElements>
              <bpmn:incoming>a</bpmn:incoming>
              <bpmn:outgoing>b</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="m"/>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="b" sourceRef="waitForApproval" targetRef="done"/>
            <bpmn:endEvent id="done"><bpmn:incoming>b</bpmn:incoming></bpmn:endEvent>
            """
                .formatted(waitProperties(SERVICENOW.baseUrl()))));
    Map<String, String> change =
        SERVICENOW.seed("change_request", Map.of("short_description", run + " patch db01"));
    Map<String, String> other =
        SERVICENOW.seed("change_request", Map.of("short_description", run + " other"));
    long mine = start(processId, Map.of("changeSysId", change.get("sys_id")));
    long waiting = start(processId, Map.of("changeSysId", other.get("sys_id")));
    awaitElementActivated(mine, "waitForApproval");
    awaitElementActivated(waiting, "waitForApproval");
    long polls = SERVICENOW.requestCount("GET", "/api/now/table/change_request");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SERVICENOW.requestCount("GET", "/api/now/table/change_request") >= polls + 3);
    assertThat(variable(mine, "approvedChange")).isEmpty();

    SERVICENOW.update("change_request", change.get("sys_id"), Map.of("approval", "approved"));

    awaitElementCompleted(mine, "done");
    assertThat(variable(mine, "approvedChange"))
        .get()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("approval", "approved")
        .containsEntry("number", change.get("number"));
    assertThat(variable(waiting, "approvedChange")).isEmpty();
  }

  @Test
  void theBoundaryVariantInterruptsTheTaskItSitsOn() {
    SERVICENOW.table("change_request");
    String processId = "e2e-sn-boundary-" + run;
    deployXml(
        processId,
        waitingInATask(
            processId,
            processId + "-approved",
            "=changeSysId",
            """
            <bpmn:boundaryEvent id="approved" attachedToRef="work">
              <bpmn:extensionElements><zeebe:properties>
            %s
              </zeebe:properties></bpmn:extensionElements>
              <bpmn:outgoing>c</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="m"/>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="c" sourceRef="approved" targetRef="interrupted"/>
            <bpmn:endEvent id="interrupted"><bpmn:incoming>c</bpmn:incoming></bpmn:endEvent>
            """
                .formatted(waitProperties(SERVICENOW.baseUrl()))));
    Map<String, String> change =
        SERVICENOW.seed("change_request", Map.of("short_description", run + " boundary"));
    long instance = start(processId, Map.of("changeSysId", change.get("sys_id")));
    awaitElementActivated(instance, "work");

    SERVICENOW.update("change_request", change.get("sys_id"), Map.of("approval", "approved"));

    awaitElementCompleted(instance, "interrupted");
    assertThat(trace(instance)).doesNotContain("workDone");
  }

  private static final String ROUNDTRIP = "servicenow-change-approval-roundtrip";

  /** Starts examples/change-approval-roundtrip.bpmn; returns it waiting for the approval. */
  private long startRoundtrip(String host) {
    SERVICENOW.table("change_request");
    deployInbound("examples-bpmn", "change-approval-roundtrip");
    long instance = start(ROUNDTRIP, withServiceNow(Map.of("host", host, "version", "15.4")));
    awaitElementActivated(instance, "ChangeApproved");
    return instance;
  }

  private static List<String> workNotes(String sysId) {
    return SERVICENOW.journal(sysId).stream()
        .filter(e -> e.field().equals("work_notes"))
        .map(ServiceNowSimulator.JournalEntry::value)
        .toList();
  }

  @Test
  void theRoundtripExampleIsReleasedWhenTheChangeIsApproved() {
    long instance = startRoundtrip("db-" + run);
    String sysId = (String) variable(instance, "changeSysId").orElseThrow();
    assertThat(SERVICENOW.flowCalls())
        .anySatisfy(
            call -> {
              assertThat(call.path()).isEqualTo("/api/x_acme/change_approval/request");
              assertThat(call.bodyField("changeSysId")).isEqualTo(sysId);
            });
    long polls = SERVICENOW.requestCount("GET", "/api/now/table/change_request");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> SERVICENOW.requestCount("GET", "/api/now/table/change_request") > polls);
    assertThat(trace(instance)).doesNotContain("RecordApproval");

    SERVICENOW.update("change_request", sysId, Map.of("approval", "approved"));

    awaitElementCompleted(instance, "ChangeReady");
    assertThat(variable(instance, "approvedChange"))
        .get()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("approval", "approved");
    assertThat(workNotes(sysId))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("Approval seen by Camunda at ")
        .endsWith("the patch of db-" + run + " proceeds");
  }

  @Test
  void theRoundtripExampleAsksTheCabWhenNoDecisionCameAndStillWaits() {
    long instance = startRoundtrip("app-" + run);
    String sysId = (String) variable(instance, "changeSysId").orElseThrow();
    String number = (String) variable(instance, "changeNumber").orElseThrow();

    ENGINE.increaseTime(Duration.ofHours(4));

    awaitElementCompleted(instance, "CabAsked");
    assertThat(workNotes(sysId))
        .containsExactly(
            "Not approved after 4 hours: CAB, please decide on "
                + number
                + " (the patch of app-"
                + run
                + " waits for it)");
    // the reminder does not interrupt the wait
    assertThat(trace(instance)).doesNotContain("ChangeReady");

    SERVICENOW.update("change_request", sysId, Map.of("approval", "approved"));

    awaitElementCompleted(instance, "ChangeReady");
    assertThat(workNotes(sysId)).hasSize(2);
  }
}
