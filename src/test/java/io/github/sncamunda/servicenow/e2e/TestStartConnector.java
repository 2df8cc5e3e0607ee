package io.github.sncamunda.servicenow.e2e;

import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.CorrelationRequest;
import io.camunda.connector.api.inbound.CorrelationResult;
import io.camunda.connector.api.inbound.InboundConnectorContext;
import io.camunda.connector.api.inbound.InboundConnectorExecutable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test inbound connector for message start events: it correlates what a test hands it, so a test
 * can drive the runtime's real activation and correlation path without any external system. If the
 * element has the property {@code emitOnActivate} (message ids, comma-separated), it also
 * correlates each once as soon as it is activated, with the variables {@code messageId} and {@code
 * pid} (of the JVM that correlated): that is how a replica in another JVM is made to publish (see
 * the scale harness's {@code InboundReplicasTest}).
 */
@InboundConnector(name = "Test message start", type = TestStartConnector.TYPE)
public class TestStartConnector implements InboundConnectorExecutable<InboundConnectorContext> {

  public static final String TYPE = "io.github.sncamunda.test:start:1";

  private static final List<TestStartConnector> ACTIVE = new CopyOnWriteArrayList<>();

  private volatile InboundConnectorContext context;

  @Override
  public void activate(InboundConnectorContext context) {
    this.context = context;
    ACTIVE.add(this);
    Object emit = context.getProperties().get("emitOnActivate");
    if (emit instanceof String ids && !ids.isBlank()) {
      Arrays.stream(ids.split(","))
          .map(String::trim)
          .forEach(
              id ->
                  context.correlate(
                      request(Map.of("messageId", id, "pid", ProcessHandle.current().pid()), id)));
    }
  }

  @Override
  public void deactivate() {
    ACTIVE.remove(this);
  }

  /**
   * Correlates through every active executable of the process (one per element and version), as the
   * runtime does for a connector that saw an event, and returns what the runtime answered.
   */
  public static List<CorrelationResult> correlate(
      String bpmnProcessId, Map<String, Object> variables, String messageId) {
    List<CorrelationResult> results =
        ACTIVE.stream()
            .filter(c -> c.serves(bpmnProcessId))
            .map(c -> c.context.correlate(request(variables, messageId)))
            .toList();
    if (results.isEmpty()) {
      throw new IllegalStateException("no active " + TYPE + " executable for " + bpmnProcessId);
    }
    return results;
  }

  private boolean serves(String bpmnProcessId) {
    return context.getDefinition().elements().stream()
        .anyMatch(e -> e.bpmnProcessId().equals(bpmnProcessId));
  }

  private static CorrelationRequest request(Object variables, String messageId) {
    return CorrelationRequest.builder().variables(variables).messageId(messageId).build();
  }
}
