package io.github.sncamunda.servicenow.e2e;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.github.sncamunda.servicenow.record.RecordHandlerFunction;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Record Handler under a test job type that notes, for each job, whether the runtime ran it on
 * a virtual thread and how many ran at once; the work itself is the real Record Handler's.
 */
@OutboundConnector(
    name = "Test thread probe",
    inputVariables = {"connection", "authentication", "table", "operation", "options"},
    type = ThreadProbeConnector.TYPE)
public class ThreadProbeConnector implements OutboundConnectorFunction {

  static final String TYPE = "io.github.sncamunda.test:thread-probe:1";

  static final Queue<Boolean> VIRTUAL = new ConcurrentLinkedQueue<>();

  /** Jobs hold here until this many are in at once (a test sets it; parks, never pins). */
  static volatile CountDownLatch together = new CountDownLatch(0);

  static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
  private static final AtomicInteger RUNNING = new AtomicInteger();

  private final RecordHandlerFunction recordHandler = new RecordHandlerFunction();

  @Override
  public Object execute(OutboundConnectorContext context) throws Exception {
    VIRTUAL.add(Thread.currentThread().isVirtual());
    MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
    try {
      CountDownLatch all = together;
      all.countDown();
      all.await(20, TimeUnit.SECONDS);
      return recordHandler.execute(context);
    } finally {
      RUNNING.decrementAndGet();
    }
  }
}
