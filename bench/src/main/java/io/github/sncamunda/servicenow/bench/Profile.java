package io.github.sncamunda.servicenow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Where ours spends its CPU, by stage: a JFR run of ours' benchmarks (1 caller) and, for every CPU
 * sample of the benchmark thread, the stages on its stack. Inclusive: a sample in JSON parsing
 * inside the interpret stage counts for that stage. Written to {@code profile.json}.
 */
final class Profile {

  /** Stage name → a frame that marks it ("Class.method" prefix on the stack). */
  static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put("SDK variable binding", List.of("InputBinding.bind"));
    STAGES.put("operation input rules and payload", List.of("TableInputs.", "FlowInputs.", "FlowStarter.toRequest"));
    STAGES.put("prepare (URI, body, limits)", List.of("Preparer.prepare"));
    STAGES.put("authenticate (credential, token cache)", List.of("Authenticator.credential"));
    STAGES.put("send (retry policy, HttpClient, socket I/O)", List.of("Sender.send"));
    STAGES.put("interpret (JSON parse)", List.of("Interpreter.interpret"));
    STAGES.put("result mapping", List.of("FlowStarterResult.of", "RecordResult.of", "IncidentResult.of"));
  }

  private Profile() {}

  static void run(int port, Path results) throws Exception {
    Path dir = results.resolve("jfr");
    Files.createDirectories(dir);
    new Runner(
            new OptionsBuilder()
                .include(ServiceNowBench.class.getName() + "\\.ours_(flowStart|incidentCreate)$")
                .param("auth", "basic", "oauth")
                .forks(1)
                .threads(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(2)
                .measurementTime(TimeValue.seconds(5))
                .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-Dbench.port=" + port)
                .addProfiler("jfr", "dir=" + dir.toAbsolutePath() + ";configName=profile")
                .build())
        .run();
    Map<String, Object> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path jfr : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
        out.put(jfr.getParent().getFileName().toString(), stages(jfr));
      }
    }
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(results.resolve("profile.json").toFile(), out);
  }

  private static Map<String, Object> stages(Path jfr) throws IOException {
    Map<String, Integer> hits = new LinkedHashMap<>();
    STAGES.keySet().forEach(s -> hits.put(s, 0));
    int total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        String type = frame.getMethod().getType().getName();
        frames.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
      }
      if (frames.stream().noneMatch(f -> f.startsWith("ServiceNowBench.ours_"))) {
        continue;
      }
      total++;
      for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
        if (frames.stream().anyMatch(f -> stage.getValue().stream().anyMatch(f::startsWith))) {
          hits.merge(stage.getKey(), 1, Integer::sum);
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("samples", total);
    for (Map.Entry<String, Integer> hit : hits.entrySet()) {
      out.put(hit.getKey(), total == 0 ? 0.0 : 100.0 * hit.getValue() / total);
    }
    return out;
  }
}
