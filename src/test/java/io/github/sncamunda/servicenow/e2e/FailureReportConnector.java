package io.github.sncamunda.servicenow.e2e;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A test step that produces a document, the way a real process gets one from a connector that
 * stores a response, a form upload or a report generator: a failure report as a Camunda document.
 */
@OutboundConnector(
    name = "Test failure report",
    inputVariables = {"failedStep", "failureReason"},
    type = FailureReportConnector.TYPE)
public class FailureReportConnector implements OutboundConnectorFunction {

  static final String TYPE = "io.github.sncamunda.test:failure-report:1";

  /** What the report says, for a test to compare bytes with. */
  static byte[] report(String step, String reason) {
    return ("Failure report\nstep: "
            + step
            + "\nreason: "
            + reason
            + "\n\u00e9 \u2713 binary-safe\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public record Input(String failedStep, String failureReason) {}

  @Override
  public Object execute(OutboundConnectorContext context) {
    Input input = context.bindVariables(Input.class);
    Document report =
        context.create(
            DocumentCreationRequest.from(report(input.failedStep(), input.failureReason()))
                .fileName("failure-report.txt")
                .contentType("text/plain")
                .build());
    return Map.of("report", report);
  }
}
