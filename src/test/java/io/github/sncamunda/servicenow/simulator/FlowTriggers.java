package io.github.sncamunda.servicenow.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Flow Designer REST triggers ({@code /api/<scope>/<flow>[/…]}): answers an execution id (or what a
 * registered {@link FlowHandler} says) and runs the {@link FlowCallback}s later on one thread, the
 * way a flow would call back into Camunda.
 */
final class FlowTriggers {

  private final Map<String, FlowHandler> flows = new ConcurrentHashMap<>();
  private final List<FlowCallback> callbacks = new CopyOnWriteArrayList<>();
  private final List<FlowCall> calls = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private volatile Duration callbackDelay = Duration.ofMillis(200);
  private volatile boolean strict;
  private volatile boolean recording = true;
  private ScheduledExecutorService callbackThread;

  void register(String path, FlowHandler handler) {
    flows.put(stripSlash(path), handler);
  }

  void onTriggered(FlowCallback callback) {
    callbacks.add(callback);
  }

  void clearCallbacks() {
    callbacks.clear();
  }

  void callbackDelay(Duration delay) {
    callbackDelay = delay;
  }

  void strict(boolean on) {
    strict = on;
  }

  /** Whether {@link #calls()} keeps every call (callbacks run either way). */
  void recording(boolean on) {
    recording = on;
  }

  List<FlowCall> calls() {
    return List.copyOf(calls);
  }

  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  synchronized void start() {
    callbackThread =
        Executors.newSingleThreadScheduledExecutor(
            r -> SimulatorServer.daemon(r, "servicenow-sim-callbacks"));
  }

  synchronized void stop() {
    if (callbackThread != null) {
      callbackThread.shutdownNow();
      callbackThread = null;
    }
  }

  void reset() {
    calls.clear();
    failures.clear();
  }

  Reply handle(Request request) {
    String path = stripSlash(request.path);
    FlowHandler handler = handlerFor(path);
    String[] segments = path.substring(1).split("/");
    if (segments.length < 3 || (handler == null && strict)) {
      return Reply.noSuchResource();
    }
    String executionId = Table.newSysId();
    FlowCall call = new FlowCall(executionId, request.record());
    if (recording) {
      calls.add(call);
    }
    FlowResponse response =
        handler == null ? FlowResponse.executionId(executionId) : handler.handle(call);
    if (response.successful()) {
      scheduleCallbacks(call);
    }
    return new Reply(
        response.status(),
        response.contentType(),
        response.body() == null ? Reply.EMPTY : response.body().getBytes(StandardCharsets.UTF_8),
        response.headers());
  }

  /** The handler registered for this path or the nearest parent path. */
  private FlowHandler handlerFor(String path) {
    for (String candidate = path; candidate.length() > "/api".length(); ) {
      FlowHandler handler = flows.get(candidate);
      if (handler != null) {
        return handler;
      }
      int slash = candidate.lastIndexOf('/');
      if (slash <= 0) {
        return null;
      }
      candidate = candidate.substring(0, slash);
    }
    return null;
  }

  private void scheduleCallbacks(FlowCall call) {
    ScheduledExecutorService thread = callbackThread;
    for (FlowCallback callback : callbacks) {
      thread.schedule(
          () -> {
            try {
              callback.onTriggered(call);
            } catch (Throwable t) {
              failures.add(t);
            }
          },
          callbackDelay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
