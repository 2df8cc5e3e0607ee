package io.github.sncamunda.servicenow.e2e;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.connector.api.annotation.FEEL;
import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.InboundConnectorExecutable;
import io.camunda.connector.api.inbound.InboundIntermediateConnectorContext;
import io.camunda.connector.api.inbound.ProcessInstanceContext;
import io.camunda.connector.api.inbound.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A test inbound connector for intermediate catch and boundary events. A test releases the
 * instances waiting for a given ticket: the connector asks the runtime for the instances waiting at
 * its element (the runtime's element-instance search), evaluates each one's {@code waitFor}
 * property against that instance's variables (the variable search) and correlates the matching
 * ones. It implements the intermediate context's interface directly: the runtime gives that context
 * only to classes that do.
 */
@InboundConnector(name = "Test wait", type = TestWaitConnector.TYPE)
public class TestWaitConnector
    implements InboundConnectorExecutable<InboundIntermediateConnectorContext> {

  public static final String TYPE = "io.github.sncamunda.test:wait:1";

  private static final List<TestWaitConnector> ACTIVE = new CopyOnWriteArrayList<>();

  /** The element's properties as the runtime binds them for one waiting instance. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WaitProperties(@FEEL String waitFor) {}

  private volatile InboundIntermediateConnectorContext context;
  private volatile ScheduledExecutorService poller;

  @Override
  public void activate(InboundIntermediateConnectorContext context) {
    this.context = context;
    ACTIVE.add(this);
    if ("true".equals(String.valueOf(context.getProperties().get("releaseAll")))) {
      poller =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("test-wait-poller").factory());
      poller.scheduleWithFixedDelay(this::releaseAll, 0, 200, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void deactivate() {
    ACTIVE.remove(this);
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  /**
   * With the element property {@code releaseAll=true}, every 200 ms: correlates each waiting
   * instance with its own {@code waitFor} as the ticket and {@code pid} (of this JVM), so a replica
   * in another JVM releases instances through the searches without a test reaching into it.
   */
  private void releaseAll() {
    try {
      for (ProcessInstanceContext instance : context.getProcessInstanceContexts()) {
        instance.correlate(
            Map.of(
                "ticket",
                instance.bind(WaitProperties.class).waitFor(),
                "pid",
                ProcessHandle.current().pid()));
      }
    } catch (RuntimeException e) {
      context.log(a -> a.withSeverity(Severity.ERROR).withTag("poll").withMessage(e.toString()));
    }
  }

  /**
   * Correlates {@code variables} plus {@code ticket} to every instance of the process waiting at
   * one of this connector's elements whose {@code waitFor} evaluates to {@code ticket}; returns how
   * many were correlated.
   */
  public static int release(String bpmnProcessId, String ticket, Map<String, Object> variables) {
    Map<String, Object> correlated = new HashMap<>(variables);
    correlated.put("ticket", ticket);
    int released = 0;
    for (TestWaitConnector connector : ACTIVE) {
      if (connector.context.getDefinition().elements().stream()
          .noneMatch(e -> e.bpmnProcessId().equals(bpmnProcessId))) {
        continue;
      }
      for (ProcessInstanceContext instance : connector.context.getProcessInstanceContexts()) {
        if (ticket.equals(instance.bind(WaitProperties.class).waitFor())) {
          instance.correlate(correlated);
          released++;
        }
      }
    }
    return released;
  }
}
