package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.simulator.FlowCall;
import io.github.sncamunda.servicenow.simulator.FlowResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Flow Starter inside the real connectors runtime. The simulator's flow answers like a REST API
 * trigger and later calls back the way the Camunda Spoke's "Correlate message" does: it publishes a
 * message with the agreed correlation key and a time-to-live, so a callback that arrives before the
 * process waits is not lost.
 */
class FlowStarterE2ETest extends RuntimeTestSupport {

  private static final String APPROVAL_PATH = "/api/x_acme/approvals/request";

  private void answerWith(
      String messageName, java.util.function.Function<FlowCall, String> correlationKey) {
    SERVICENOW.onFlowTriggered(
        call ->
            zeebe
                .newPublishMessageCommand()
                .messageName(messageName)
                .correlationKey(correlationKey.apply(call))
                .timeToLive(Duration.ofMinutes(10))
                .variables(
                    Map.of("decidedBy", "sn.approver", "flowExecutionId", call.executionId()))
                .send()
                .join());
  }

  private static Map<String, Object> order(String orderId) {
    return Map.of("orderId", orderId, "requester", "jane.doe", "amount", 1200, "priority", 2);
  }

  /**
   * The example: the flow answers with the execution id the trigger returned as correlation key, so
   * the decision reaches the instance that started that flow and no other.
   */
  @ParameterizedTest
  @CsvSource({
    "ServiceNowApprovalGranted, OrderApproved",
    "ServiceNowApprovalRejected, OrderRejected"
  })
  void theExampleReceivesTheDecisionByTheFlowsExecutionId(String message, String endEvent) {
    deploy("examples-bpmn", "flow-approval");
    long undecided = start("servicenow-flow-approval", order("A-099"));
    awaitElementActivated(undecided, "AwaitDecision");
    answerWith(message, FlowCall::executionId);

    long instance = start("servicenow-flow-approval", order("A-100"));

    awaitElementCompleted(instance, endEvent);
    FlowCall call = SERVICENOW.flowCalls().get(1);
    assertThat(call.path()).isEqualTo(APPROVAL_PATH);
    assertThat(call.bodyJson().get("orderId").asText()).isEqualTo("A-100");
    assertThat(call.bodyJson().get("amount").asInt()).isEqualTo(1200);
    assertThat(call.request().query()).containsEntry("priority", "2");
    assertThat(call.request().header("x-order-id")).isEqualTo("A-100");
    assertThat(variables(instance))
        .containsEntry("approvalExecutionId", call.executionId())
        .containsEntry("decidedBy", "sn.approver");
    assertThat(variables(undecided)).doesNotContainKey("decidedBy");
  }

  /** The version 1 example correlates by the order id it sent, as made and upgraded. */
  @ParameterizedTest
  @ValueSource(strings = {V1, UPGRADED})
  void approvalGrantedInServiceNowCompletesTheOrder(String directory) {
    deploy(directory, "flow-approval");
    answerWith("ServiceNowApprovalGranted", call -> call.bodyField("correlationValue"));

    long instance = start("servicenow-flow-approval", order("A-100"));

    awaitElementCompleted(instance, "OrderApproved");
    FlowCall call = SERVICENOW.flowCalls().get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo(APPROVAL_PATH);
    assertThat(call.bodyJson().get("correlationValue").asText()).isEqualTo("A-100");
    assertThat(call.bodyJson().get("amount").asInt()).isEqualTo(1200);
    assertThat(call.request().query()).containsEntry("priority", "2");
    assertThat(call.request().header("x-order-id")).isEqualTo("A-100");
  }

  @ParameterizedTest
  @ValueSource(strings = {V1, UPGRADED})
  void rejectionInServiceNowInterruptsTheOrder(String directory) {
    deploy(directory, "flow-approval");
    answerWith("ServiceNowApprovalRejected", call -> call.bodyField("correlationValue"));

    long instance = start("servicenow-flow-approval", order("A-200"));

    awaitElementCompleted(instance, "OrderRejected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples-bpmn", V1, UPGRADED})
  void noAnswerFromServiceNowTakesTheTimerPath(String directory) {
    deploy(directory, "flow-approval");

    long instance = start("servicenow-flow-approval", order("A-300"));
    awaitElementActivated(instance, "AwaitDecision");
    ENGINE.increaseTime(Duration.ofHours(25));

    awaitElementCompleted(instance, "ApprovalTimedOut");
    assertThat(SERVICENOW.flowCalls()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e-bpmn", V1, UPGRADED})
  void theExecutionIdReturnedByTheTriggerIsTheCorrelationKey(String directory) {
    deploy(directory, "e2e-flow-execution-id");
    answerWith("ServiceNowFlowCompleted", FlowCall::executionId);

    Map<String, Object> result =
        runToCompletion("e2e-flow-execution-id", Map.of("account", "acct-7"));

    assertThat(result.get("flowExecutionId"))
        .isEqualTo(SERVICENOW.flowCalls().get(0).executionId());
    assertThat(result).containsEntry("decidedBy", "sn.approver");
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples-bpmn", V1, UPGRADED})
  void aFailedStepOpensAServiceNowIncidentOnce(String directory) {
    deploy(directory, "incident-on-failure");
    SERVICENOW.registerFlow(
        "/api/x_acme/fulfilment/order",
        call ->
            FlowResponse.json(
                400,
                "{\"error\":{\"message\":\"Invalid SKU\",\"detail\":\"SKU X-1 is not"
                    + " orderable\"},\"status\":\"failure\"}"));

    Map<String, Object> result =
        runToCompletion("servicenow-incident-on-failure", Map.of("orderId", "O-9", "sku", "X-1"));

    assertThat(result).containsEntry("failureCode", "400").containsKey("incidentNumber");
    var incidents = SERVICENOW.incidentsWhere("correlation_id", "order-O-9-fulfilment");
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("short_description"))
        .isEqualTo("Fulfilment of order O-9 failed (400)");
    assertThat(incidents.get(0).get("description"))
        .contains("Invalid SKU", "SKU X-1 is not orderable");
  }

  @Test
  void aSendTaskAndAMessageThrowEventStartFlowsToo() {
    deploy("e2e-bpmn", "e2e-flow-element-types");

    Map<String, Object> result =
        runToCompletion("e2e-flow-element-types", Map.of("orderId", "O-77"));

    assertThat(SERVICENOW.flowCalls()).hasSize(2);
    FlowCall sendTask = SERVICENOW.flowCalls().get(0);
    assertThat(sendTask.method()).isEqualTo("POST");
    assertThat(sendTask.path()).isEqualTo("/api/x_acme/orders/placed");
    assertThat(sendTask.bodyField("orderId")).isEqualTo("O-77");
    assertThat(sendTask.request().header("authorization")).startsWith("Basic ");
    FlowCall throwEvent = SERVICENOW.flowCalls().get(1);
    assertThat(throwEvent.method()).isEqualTo("PUT");
    assertThat(throwEvent.path()).isEqualTo("/api/x_acme/fulfilment/request");
    assertThat(throwEvent.request().query()).containsEntry("order", "O-77");
    assertThat(throwEvent.bodyField("after")).isEqualTo(sendTask.executionId());
    assertThat(result).containsEntry("notifiedExecutionId", sendTask.executionId());
    assertThat(result.get("fulfilment"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("status", 200)
        .containsEntry("executionId", throwEvent.executionId());
  }
}
