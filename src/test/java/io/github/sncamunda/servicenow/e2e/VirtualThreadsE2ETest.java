package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's job workers on virtual threads (TestRuntimeApplication's executor, as the 8.9
 * runtime runs them by default): 64 Record Handler jobs at once (each waits until all 64 are in the
 * connector) against the simulator, with JFR recording every {@code jdk.VirtualThreadPinned} event
 * (threshold 0). No pinned stack holds one of our frames, and every job ran on a virtual thread.
 * JFR reports pinning as this JDK pins; for JDK 21's rules on {@code synchronized}, see
 * MonitorsCallNothingTest.
 */
class VirtualThreadsE2ETest extends RuntimeTestSupport {

  private static final int JOBS = 64;

  @Test
  void sixtyFourJobsOnVirtualThreadsPinNothingOfOurs() throws Exception {
    zeebe
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("e2e-virtual-threads")
                .startEvent()
                .serviceTask("create", t -> t.zeebeJobType(ThreadProbeConnector.TYPE))
                .endEvent("done")
                .done(),
            "e2e-virtual-threads.bpmn")
        .send()
        .join();
    // warm up first: the first jobs load classes, and the JDK's class loader lock pins while a
    // class loads (a one-time cost of the JVM, not a lock of ours)
    runJobs(4, "warm-up").forEach(key -> awaitElementCompleted(key, "done"));
    ThreadProbeConnector.VIRTUAL.clear();
    ThreadProbeConnector.MOST_AT_ONCE.set(0);
    ThreadProbeConnector.together = new java.util.concurrent.CountDownLatch(JOBS);
    List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
    try (RecordingStream jfr = new RecordingStream()) {
      jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      jfr.onEvent("jdk.VirtualThreadPinned", pinned::add);
      jfr.startAsync();
      runJobs(JOBS, "job").forEach(key -> awaitElementCompleted(key, "done"));
      // events are flushed about once a second: stop only after they are in
      jfr.stop();
    }

    assertThat(SERVICENOW.records("incident")).hasSize(4 + JOBS);
    assertThat(ThreadProbeConnector.VIRTUAL).hasSize(JOBS).containsOnly(true);
    assertThat(ThreadProbeConnector.MOST_AT_ONCE)
        .as("jobs in the connector at once")
        .hasValue(JOBS);
    List<String> ours =
        pinned.stream()
            .filter(
                e ->
                    e.getStackTrace() != null
                        && e.getStackTrace().getFrames().stream()
                            .map(RecordedFrame::getMethod)
                            .anyMatch(m -> m.getType().getName().startsWith("io.github.sncamunda")))
            .map(RecordedEvent::toString)
            .toList();
    assertThat(ours).as("pinned virtual threads in our code").isEmpty();
    System.out.printf(
        "virtual-thread run: %d jobs, at most %d at once, %d pinned events in all (%d truncated)%n",
        JOBS,
        ThreadProbeConnector.MOST_AT_ONCE.get(),
        pinned.size(),
        pinned.stream()
            .filter(e -> e.getStackTrace() != null && e.getStackTrace().isTruncated())
            .count());
  }

  private List<Long> runJobs(int count, String label) {
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      instances.add(
          start(
              "e2e-virtual-threads",
              Map.of(
                  "connection",
                  Map.of("baseUrl", SERVICENOW.baseUrl()),
                  "authentication",
                  Map.of("type", "basic", "username", USER, "password", "{{secrets.snPwd}}"),
                  "table",
                  Map.of("table", "incident"),
                  "operation",
                  Map.of(
                      "operation",
                      "create",
                      "payload",
                      Map.of("short_description", label + " " + i)))));
    }
    return instances;
  }
}
