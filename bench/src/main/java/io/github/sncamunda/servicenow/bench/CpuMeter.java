package io.github.sncamunda.servicenow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time the calling thread spends per call: thread CPU time (ThreadMXBean) over each measurement
 * iteration, divided by the calls that thread made in it. Unlike latency it does not include
 * waiting for the server or for a core, so it is the steadier measure of our own work on a busy
 * machine. Written per benchmark to {@code cpu-<benchmark>-<auth>-t<threads>.json} in the results
 * directory ({@code -Dbench.results}).
 */
@State(Scope.Thread)
public class CpuMeter {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Map<String, List<Double>> NANOS_PER_CALL = new ConcurrentHashMap<>();

  long calls;
  private long cpuAtStart;

  @Setup(Level.Iteration)
  public void start() {
    calls = 0;
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stop(BenchmarkParams benchmark, IterationParams iteration) {
    if (iteration.getType() != IterationType.MEASUREMENT || calls == 0) {
      return;
    }
    double perCall = (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / (double) calls;
    NANOS_PER_CALL.computeIfAbsent(key(benchmark), k -> new ArrayList<>()).add(perCall);
  }

  @TearDown(Level.Trial)
  public void write(BenchmarkParams benchmark) throws IOException {
    String key = key(benchmark);
    List<Double> samples = NANOS_PER_CALL.remove(key);
    String results = System.getProperty("bench.results");
    if (samples == null || results == null) {
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", benchmark.getBenchmark().replaceAll(".*\\.", ""));
    out.put("auth", benchmark.getParam("auth"));
    out.put("threads", benchmark.getThreads());
    out.put("nanosPerCall", samples);
    Path file = Path.of(results, "cpu-" + key + ".json");
    synchronized (CpuMeter.class) {
      if (!Files.exists(file)) {
        new ObjectMapper().writeValue(file.toFile(), out);
      }
    }
  }

  private static String key(BenchmarkParams benchmark) {
    return benchmark.getBenchmark().replaceAll(".*\\.", "")
        + "-" + benchmark.getParam("auth") + "-t" + benchmark.getThreads();
  }
}
