package io.github.sncamunda.servicenow.scale;

import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The replica's own Micrometer meters (the Camunda client's job counters, the connectors runtime's
 * execution timer, the job executor's pool), written every 250 ms to the file named by {@code
 * replica.metrics} as {@code name{tag=value,...}:statistic value} lines, replaced atomically. The
 * harness reads them to attribute work to replicas (the connectors runtime names every job worker
 * after its connector, so the engine's records cannot tell replicas apart) and to see whether a
 * replica's threads are the bottleneck (job executions running).
 */
final class ReplicaMetrics implements AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "replica-metrics");
            t.setDaemon(true);
            return t;
          });

  ReplicaMetrics(MeterRegistry registry, Path file) {
    timer.scheduleWithFixedDelay(() -> write(registry, file), 250, 250, TimeUnit.MILLISECONDS);
  }

  private static void write(MeterRegistry registry, Path file) {
    StringBuilder out = new StringBuilder();
    for (Meter meter : registry.getMeters()) {
      String name = meter.getId().getName();
      if (!name.startsWith("camunda") && !name.startsWith("executor")) {
        continue;
      }
      String tags =
          meter.getId().getTags().stream()
              .map(t -> t.getKey() + "=" + t.getValue())
              .sorted()
              .collect(Collectors.joining(","));
      for (Measurement m : meter.measure()) {
        out.append(name)
            .append('{')
            .append(tags)
            .append("}:")
            .append(m.getStatistic().getTagValueRepresentation())
            .append(' ')
            .append(m.getValue())
            .append('\n');
      }
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, out);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The meters of a metrics file: {@code name{tags}:statistic} → value; empty if none yet. */
  static Map<String, Double> read(Path file) {
    Map<String, Double> out = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        int space = line.lastIndexOf(' ');
        if (space > 0) {
          out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Sum of the values whose key starts with {@code name}, has every tag in {@code tags} (e.g.
   * {@code "action=completed"}) and ends with {@code :statistic}.
   */
  static double sum(Map<String, Double> metrics, String name, String statistic, String... tags) {
    double sum = 0;
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(name + "{") || !key.endsWith("}:" + statistic)) {
        continue;
      }
      java.util.Set<String> present =
          java.util.Set.of(key.substring(name.length() + 1, key.lastIndexOf('}')).split(","));
      if (present.containsAll(java.util.List.of(tags))) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
