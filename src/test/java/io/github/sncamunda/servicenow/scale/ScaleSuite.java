package io.github.sncamunda.servicenow.scale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The full scale-out run ({@code ./mvnw -B -ntp -Pscale}): capacity of one, two and three replicas
 * of ours and of one replica of Camunda's REST connector; the fault run with three replicas for
 * both side by side; the ramp until something gives, twice (the second time with the setting the
 * first one named). Writes {@code docs/scaling.md} and {@code docs/scaling.png}, and the raw
 * results to {@code target/scale/results.json} ({@code -Dscale.reportOnly=true} rewrites the report
 * from them). Exits non-zero when our fault run broke an invariant.
 *
 * <p>Properties: {@code scale.only} (comma-separated parts: capacity, faults, ramp), {@code
 * scale.faultSeconds} (length of the fault runs' load, default 60), {@code scale.report} (output
 * folder, default docs), {@code scale.smoke} (every phase a few seconds long: checks the harness,
 * measures nothing).
 */
public final class ScaleSuite {

  static final Path WORK = Path.of("target", "scale");

  /** Everything one full run measured. */
  record Results(
      Machine machine,
      Instant started,
      double minutes,
      List<Capacity> capacity,
      List<RunFigures> faultRuns,
      List<Ramp> ramps) {}

  /** A capacity measurement and the run it came from. */
  record Capacity(String name, ScaleRun.Settings settings, CapacityProbe.Capacity result) {}

  /** A ramp and the run it came from. */
  record Ramp(String name, ScaleRun.Settings settings, List<RampProbe.Step> steps) {}

  /** The machine and JVM the numbers come from. */
  record Machine(int cores, String cpu, String jdk, String os, double busyBefore) {
    static Machine describe() {
      MachineCpu before = MachineCpu.now();
      Replica.sleep(2000);
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          cpuModel(),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.version"),
          MachineCpu.now().busySince(before));
    }

    private static String cpuModel() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }

  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(
              com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS
                  .mappedFeature());

  /** Every phase a few seconds long, to check the harness end to end (the numbers mean nothing). */
  static final boolean SMOKE = Boolean.getBoolean("scale.smoke");

  private ScaleSuite() {}

  private static Duration seconds(int full, int smoke) {
    return Duration.ofSeconds(SMOKE ? smoke : full);
  }

  public static void main(String[] args) throws Exception {
    Path report = Path.of(System.getProperty("scale.report", "docs"));
    Path raw = WORK.resolve("results.json");
    if (Boolean.getBoolean("scale.reportOnly")) {
      Results results = JSON.readValue(raw.toFile(), Results.class);
      ScaleReport.write(results, report);
      System.out.println("Rewrote " + report.resolve("scaling.md") + " from " + raw);
      return;
    }
    Set<String> only =
        Arrays.stream(System.getProperty("scale.only", "capacity,faults,ramp").split(","))
            .map(String::trim)
            .collect(Collectors.toSet());
    int faultSeconds = Integer.getInteger("scale.faultSeconds", 60);
    long begin = System.nanoTime();
    Instant started = Instant.now();
    String loadBefore = LoadAverage.now();
    LoadAverage load = LoadAverage.sampleEvery(Duration.ofSeconds(10));
    Machine machine = Machine.describe();
    say("machine: " + machine);

    List<Capacity> capacity = new ArrayList<>();
    if (only.contains("capacity")) {
      capacity.add(capacity("capacity-ours-1", ScaleRun.Connector.OURS, 1));
      capacity.add(capacity("capacity-ours-2", ScaleRun.Connector.OURS, 2));
      capacity.add(capacity("capacity-ours-3", ScaleRun.Connector.OURS, 3));
      capacity.add(capacity("capacity-rest-1", ScaleRun.Connector.REST, 1));
    }

    List<RunFigures> faultRuns = new ArrayList<>();
    String warmup = "";
    if (only.contains("faults") && capacity.isEmpty()) {
      // The engine and the simulator run in this JVM: without a run before it, the first fault run
      // (ours) would pay for their JIT and the second (the REST connector's) would not. Discarded.
      Capacity warm = capacity("warm-up-ours-1", ScaleRun.Connector.OURS, 1);
      warmup = warm.result().stability();
    }
    if (only.contains("faults")) {
      // a third of what three replicas of ours sustained without faults (faults cost the engine
      // more work per instance: failures, retries, timeouts), so the faults, not the load, decide
      String fixedRate = System.getProperty("scale.faultRate", "");
      double rate =
          !fixedRate.isBlank()
              ? Double.parseDouble(fixedRate)
              : capacity.stream()
                  .filter(c -> c.name().equals("capacity-ours-3"))
                  .mapToDouble(c -> Math.max(5, Math.floor(c.result().instancesPerSecond() / 3)))
                  .findFirst()
                  .orElse(10);
      int count = (int) (rate * faultSeconds);
      faultRuns.add(faults("faults-ours", ScaleRun.Connector.OURS, count, rate));
      faultRuns.add(faults("faults-rest", ScaleRun.Connector.REST, count, rate));
    }

    List<Ramp> ramps = new ArrayList<>();
    if (only.contains("ramp")) {
      List<Double> rates = List.of(10.0, 20.0, 30.0, 45.0, 60.0, 80.0, 110.0, 150.0, 200.0);
      Ramp first = ramp("ramp-threads-10", settings("ramp", ScaleRun.Connector.OURS, 2), rates);
      ramps.add(first);
      ScaleRun.Settings moved = ScaleReport.movedSetting(first);
      if (moved != null) {
        ramps.add(ramp("ramp-" + moved.name(), moved, rates));
      }
    }

    Results results =
        new Results(
            machine, started, (System.nanoTime() - begin) / 6e10, capacity, faultRuns, ramps);
    Files.createDirectories(WORK);
    JSON.writeValue(raw.toFile(), results);
    Path existing = report.resolve("scaling.md");
    if (capacity.isEmpty() && ramps.isEmpty() && !faultRuns.isEmpty() && Files.exists(existing)) {
      // a fault-only run renews the fault figures of the full report, not the rest
      Path fresh = WORK.resolve("faults-only");
      ScaleReport.write(results, fresh);
      PartialReport.write(
          existing,
          Files.readString(fresh.resolve("scaling.md")),
          "_Regenerated on "
              + started
              + " from a fault-only run (`-Dscale.only=faults`, "
              + faultRuns.get(0).started()
              + " instances each, same seed and fault mix, after a discarded closed-loop warm-up of"
              + " the engine and simulator in the harness JVM, "
              + warmup
              + "); machine load average before it "
              + loadBefore
              + ", during it (1-minute, sampled every 10 s) "
              + load.summary()
              + ". The capacity and ramp figures, the chart and \"The answers\" on them are"
              + " from the full run above._");
    } else {
      String before = Files.exists(existing) ? Files.readString(existing) : "";
      ScaleReport.write(results, report);
      Files.writeString(existing, PartialReport.carryOver(before, Files.readString(existing)));
    }
    say("wrote " + report.resolve("scaling.md") + " in " + Math.round(results.minutes()) + " min");
    boolean broken =
        faultRuns.stream()
            .anyMatch(
                f ->
                    f.settings().connector() == ScaleRun.Connector.OURS
                        && !f.verdict().violations().isEmpty());
    System.exit(broken ? 1 : 0);
  }

  /**
   * Measured runs: the connectors runtime image's worker settings (10 execution threads, 32 jobs
   * active, job streaming), a 30 s job timeout, tokens living 180 s, logging at INFO.
   */
  static ScaleRun.Settings settings(String name, ScaleRun.Connector connector, int replicas) {
    return new ScaleRun.Settings(
        name,
        connector,
        replicas,
        10,
        32,
        true,
        Duration.ofSeconds(30),
        ScaleRun.Faults.NONE,
        180,
        "INFO",
        "INFO",
        8L,
        List.of(),
        WORK);
  }

  private static Capacity capacity(String name, ScaleRun.Connector connector, int replicas) {
    ScaleRun.Settings s = settings(name, connector, replicas);
    try (ScaleRun run = new ScaleRun(s, ScaleSuite::say).start()) {
      CapacityProbe.Capacity result =
          CapacityProbe.run(run, 24 * replicas, seconds(20, 5), seconds(90, 10), seconds(30, 5));
      say(name + ": " + result);
      return new Capacity(name, s, result);
    }
  }

  private static RunFigures faults(
      String name, ScaleRun.Connector connector, int count, double rate) {
    ScaleRun.Settings base = settings(name, connector, 3);
    ScaleRun.Settings s =
        base.vary(name, ScaleRun.Faults.all(20), base.executionThreads(), base.maxJobsActive());
    try (ScaleRun run = new ScaleRun(s, ScaleSuite::say).start()) {
      run.openLoop(count, rate, Duration.ofSeconds(240));
      RunChecker.Verdict verdict = RunChecker.check(run.facts());
      RunFigures figures = RunFigures.of(run, verdict);
      say(figures.summary());
      verdict.violations().stream().limit(20).forEach(v -> say("  violation: " + v));
      return figures;
    }
  }

  private static Ramp ramp(String name, ScaleRun.Settings base, List<Double> rates) {
    ScaleRun.Settings s =
        base.vary(name, base.faults(), base.executionThreads(), base.maxJobsActive());
    try (ScaleRun run = new ScaleRun(s, ScaleSuite::say).start()) {
      // a short warm-up at the first rate so the first step is not the JIT's
      RampProbe.run(run, List.of(rates.get(0)), seconds(20, 3));
      List<RampProbe.Step> steps =
          RampProbe.run(run, SMOKE ? rates.subList(0, 2) : rates, seconds(15, 4));
      return new Ramp(name, s, steps);
    }
  }

  static void say(String message) {
    System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
