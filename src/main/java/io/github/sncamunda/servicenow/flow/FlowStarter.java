package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.client.Replay;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import java.util.List;
import java.util.Objects;

/**
 * Starts a ServiceNow flow through its REST API trigger (or calls a scripted REST API) with the
 * shared client: checks every input first, then sends one request and shapes the answer.
 */
public final class FlowStarter {

  private final ServiceNowClient client;

  public FlowStarter(ServiceNowClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public FlowStarterResult start(FlowStarterRequest request) {
    ServiceNowRequest call = toRequest(request.flow());
    try {
      return FlowStarterResult.of(
          client.execute(request.connection(), request.authentication(), call));
    } catch (ConnectorRetryException unknown) {
      if (unknown.getRetries() == null || unknown.getRetries() != 0) {
        throw unknown;
      }
      // nothing in ServiceNow can be queried for a flow start by its trigger: say where to look
      throw ConnectorRetryException.builder()
          .errorCode(unknown.getErrorCode())
          .message(
              unknown.getMessage()
                  + " For a flow: in ServiceNow, Flow Designer's Executions (table"
                  + " sys_flow_context) list the flow's runs with their start time; a run started"
                  + " at this time by the integration user means the flow was started.")
          .retries(0)
          .build();
    }
  }

  /** The request to send, after every input rule passed; nothing is sent when one fails. */
  static ServiceNowRequest toRequest(FlowTrigger flow) {
    if (flow == null) {
      throw new ConnectorInputException(
          "REST API trigger path is required, e.g. " + FlowInputs.EXAMPLE_PATH);
    }
    FlowMethod method = flow.effectiveMethod();
    List<String> segments = FlowInputs.pathSegments(flow.path());
    ServiceNowRequest.Builder builder =
        ServiceNowRequest.builder(method.httpMethod(), segments.toArray(String[]::new))
            .headers(FlowInputs.headers(flow.headers()))
            .queries(FlowInputs.queryParameters(flow.queryParameters()))
            .body(FlowInputs.body(flow.body(), method))
            // a flow trigger answers JSON, but a scripted REST API may answer text
            .acceptText()
            // every call starts a flow, whatever the method: never sent twice
            .replay(Replay.NEVER);
    return builder.build();
  }
}
