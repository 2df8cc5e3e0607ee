package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.error.ConnectorInputException;
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
    return FlowStarterResult.of(
        client.execute(request.connection(), request.authentication(), toRequest(request.flow())));
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
