package io.github.sncamunda.servicenow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sncamunda.servicenow.bench.Contenders.Auth;
import io.github.sncamunda.servicenow.bench.Contenders.Op;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole suite, in order: start the loopback server (own JVM) → check every contender answers
 * → token/connection counters → peak heap for a 50 MB answer (one fresh JVM per contender) →
 * JMH (SampleTime + gc profiler) once per caller count → {@link Report}. Settings are system
 * properties (see bench/README.md); {@code -Dbench.reportOnly=true} only regenerates the report
 * from the results already in {@code bench.results}.
 */
public final class BenchSuite {

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Path results = Path.of(System.getProperty("bench.results", "target/bench-results"));
    Path docs = Path.of(System.getProperty("bench.docs", "../docs"));
    Files.createDirectories(results);
    Files.createDirectories(docs);
    ObjectMapper json = new ObjectMapper();
    if (!Boolean.getBoolean("bench.reportOnly")) {
      Map<String, Object> settings = settings();
      json.writerWithDefaultPrettyPrinter().writeValue(results.resolve("settings.json").toFile(), settings);
      try (ServerProcess server = ServerProcess.start()) {
        System.out.println("loopback ServiceNow on port " + server.port());
        sanity(server.port());
        int calls = Integer.getInteger("bench.calls", 10_000);
        json.writerWithDefaultPrettyPrinter().writeValue(results.resolve("counters.json").toFile(),
            Counters.run(server.port(), server.adminPort(), calls, 8));
        json.writerWithDefaultPrettyPrinter().writeValue(results.resolve("heap.json").toFile(), heap(server.port()));
        // CpuMeter writes a benchmark's file only if none exists (its threads race to write it),
        // so files of an earlier run would otherwise stand in for this run's figures.
        try (var old = Files.newDirectoryStream(results, "cpu-*.json")) {
          for (Path file : old) {
            Files.delete(file);
          }
        }
        for (String spec : System.getProperty("bench.threads", "1,8,32").split(",")) {
          jmh(spec.trim(), server.port(), results);
        }
        if (!Boolean.getBoolean("bench.noProfile")) {
          Profile.run(server.port(), results);
        }
      }
      Files.writeString(results.resolve("wall-seconds.txt"), String.valueOf((System.nanoTime() - started) / 1_000_000_000L));
    }
    Report.write(results, docs);
  }

  private static Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("forks", Integer.getInteger("bench.forks", 1));
    s.put("warmupIterations", Integer.getInteger("bench.warmupIterations", 10));
    s.put("warmupSeconds", Integer.getInteger("bench.warmupSeconds", 2));
    s.put("iterations", Integer.getInteger("bench.iterations", 5));
    s.put("iterationSeconds", Integer.getInteger("bench.iterationSeconds", 2));
    s.put("threads", System.getProperty("bench.threads", "1,8,32"));
    s.put("jvmArgs", System.getProperty("bench.jvmArgs", "-Xms1g -Xmx1g -XX:+UseG1GC"));
    s.put("calls", Integer.getInteger("bench.calls", 10_000));
    s.put("cores", Runtime.getRuntime().availableProcessors());
    s.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
    s.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    s.put("cpu", cpuModel());
    s.put("loadAtStart", loadAverage());
    s.put("date", java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString());
    return s;
  }

  /** The 1-minute load average before the run, so the report can say how busy the machine was. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** Every contender, operation and auth answers once, so a broken setup fails in seconds. */
  private static void sanity(int port) throws Exception {
    for (Auth auth : Auth.values()) {
      try (Contenders contenders = new Contenders(port, auth)) {
        for (String contender : List.of("raw", "ours", "rest")) {
          for (Op op : Op.values()) {
            Object result = contenders.call(contender, op).call();
            String text = result instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(result);
            System.out.printf("sanity %-4s %-5s %-14s -> %.110s%n", contender, auth, op, text.replace('\n', ' '));
          }
        }
      }
    }
  }

  private static List<Object> heap(int port) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Object> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String contender : List.of("raw", "ours", "rest")) {
      for (String mode : List.of("chunked", "declared")) {
        Process p = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
            HeapProbe.class.getName(), contender, mode, String.valueOf(port))
            .redirectErrorStream(true).start();
        Object row = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (line.startsWith("HEAP ")) {
              row = json.readValue(line.substring(5), Map.class);
            }
          }
        }
        p.waitFor();
        System.out.println("heap " + contender + " " + mode + " -> " + row);
        if (row != null) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** {@code spec} is a caller count, optionally {@code count:regex} to run only matching benchmarks. */
  private static void jmh(String spec, int port, Path results) throws Exception {
    String[] parts = spec.split(":", 2);
    int threads = Integer.parseInt(parts[0]);
    String include = parts.length > 1 ? parts[1] : System.getProperty("bench.include", "");
    List<String> jvmArgs = new ArrayList<>(Arrays.asList(System.getProperty("bench.jvmArgs", "-Xms1g -Xmx1g -XX:+UseG1GC").trim().split("\\s+")));
    jvmArgs.add("-Dbench.port=" + port);
    jvmArgs.add("-Dbench.results=" + results.toAbsolutePath());
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(ServiceNowBench.class.getName() + "\\..*" + (include.isBlank() ? "" : include + ".*"))
        .forks(Integer.getInteger("bench.forks", 1))
        .warmupIterations(Integer.getInteger("bench.warmupIterations", 10))
        .warmupTime(TimeValue.seconds(Integer.getInteger("bench.warmupSeconds", 2)))
        .measurementIterations(Integer.getInteger("bench.iterations", 5))
        .measurementTime(TimeValue.seconds(Integer.getInteger("bench.iterationSeconds", 2)))
        .threads(threads)
        .jvmArgs(jvmArgs.toArray(String[]::new))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(results.resolve("jmh-t" + threads + ".json").toString());
    new Runner(options.build()).run();
  }
}
