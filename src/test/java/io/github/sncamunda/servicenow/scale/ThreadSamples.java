package io.github.sncamunda.servicenow.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples of each replica's job executor (the Camunda client's {@code execution-threads} pool):
 * executions running and jobs waiting for a thread. Running at the pool size with a queue means the
 * replica's threads are the limit.
 */
final class ThreadSamples {

  /** The Camunda client's job executor in the replicas' meters. */
  static final String EXECUTOR = "name=camundaClientExecutor";

  private final Map<String, List<Double>> active = new TreeMap<>();

  void sample(List<Replica> replicas) {
    for (Replica r : replicas) {
      Map<String, Double> m = r.metrics();
      active
          .computeIfAbsent(r.name(), k -> new ArrayList<>())
          .add(ReplicaMetrics.sum(m, "executor.active", "value", EXECUTOR));
    }
  }

  Map<String, Double> activeMean() {
    return means(active);
  }

  private static Map<String, Double> means(Map<String, List<Double>> samples) {
    Map<String, Double> out = new TreeMap<>();
    samples.forEach(
        (k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    return out;
  }
}
