package io.github.sncamunda.servicenow.scale;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One connectors runtime replica: {@link ReplicaApplication} in a JVM of its own, started from the
 * test class path (plus Camunda's REST connector from {@code target/scale-lib}), connected to the
 * engine's gRPC gateway. Separate JVMs because every connector function's default constructor takes
 * the JVM-wide {@code ServiceNowClient.shared()}: only separate processes give each replica its own
 * connection pool and OAuth token cache, as separate pods have, and only a process can be killed
 * with jobs in flight.
 *
 * <p>Each start is a new incarnation with its own log file ({@code <name>-<n>.log}), which the
 * harness scans for secrets, and a metrics file the replica rewrites every 250 ms.
 */
final class Replica {

  /**
   * What every replica gets, as the runtime image would from its environment. {@code
   * inboundSearchApi}: null for outbound only (inbound off, as the test resources configure it);
   * otherwise the base URL of a {@code SearchApiServer}, and the replica runs inbound connectors
   * too, importing process definitions from it every 300 ms.
   */
  record Settings(
      String grpcAddress,
      int executionThreads,
      int maxJobsActive,
      boolean streaming,
      Duration jobTimeout,
      String ourLogLevel,
      String runtimeLogLevel,
      List<String> jvmOptions,
      Path directory,
      String inboundSearchApi) {

    /** Outbound only. */
    Settings(
        String grpcAddress,
        int executionThreads,
        int maxJobsActive,
        boolean streaming,
        Duration jobTimeout,
        String ourLogLevel,
        String runtimeLogLevel,
        List<String> jvmOptions,
        Path directory) {
      this(
          grpcAddress,
          executionThreads,
          maxJobsActive,
          streaming,
          jobTimeout,
          ourLogLevel,
          runtimeLogLevel,
          jvmOptions,
          directory,
          null);
    }
  }

  private final String name;
  private final Settings settings;
  private final List<Incarnation> incarnations = new ArrayList<>();

  /** One JVM of this replica. */
  static final class Incarnation {
    private final int number;
    private final Process process;
    private final Path log;
    private final Path metrics;
    private final Path ready;
    private final long startedNanos;
    private volatile long endedNanos = -1;

    Incarnation(int number, Process process, Path log, Path metrics, Path ready) {
      this.number = number;
      this.process = process;
      this.log = log;
      this.metrics = metrics;
      this.ready = ready;
      this.startedNanos = System.nanoTime();
    }

    int number() {
      return number;
    }

    Process process() {
      return process;
    }

    Path log() {
      return log;
    }

    Path metrics() {
      return metrics;
    }

    Path ready() {
      return ready;
    }

    boolean alive() {
      return process.isAlive();
    }

    /** How long this JVM has been (or was) running. */
    Duration lifetime() {
      long end = endedNanos < 0 ? System.nanoTime() : endedNanos;
      return Duration.ofNanos(end - startedNanos);
    }

    void ended() {
      if (endedNanos < 0) {
        endedNanos = System.nanoTime();
      }
    }

    /** CPU time of the process so far, from the OS; kept once it has ended. */
    Duration cpu() {
      Duration now = process.info().totalCpuDuration().orElse(null);
      if (now != null) {
        lastCpu = now;
      }
      return lastCpu;
    }

    private volatile Duration lastCpu = Duration.ZERO;
  }

  Replica(String name, Settings settings) {
    this.name = name;
    this.settings = settings;
  }

  String name() {
    return name;
  }

  synchronized Incarnation start() {
    int number = incarnations.size() + 1;
    Path dir = settings.directory();
    Path log = dir.resolve(name + "-" + number + ".log");
    Path metrics = dir.resolve(name + "-" + number + ".metrics");
    Path ready = dir.resolve(name + "-" + number + ".ready");
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(ready);
      Files.deleteIfExists(metrics);
      Files.deleteIfExists(log);
      String logback = logbackConfig(dir).toString();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
      command.addAll(settings.jvmOptions());
      command.addAll(
          List.of(
              "-Dlogback.configurationFile=" + logback,
              "-Dlogging.config=" + logback,
              "-Dreplica.log=" + log,
              "-Dreplica.ready=" + ready,
              "-Dreplica.metrics=" + metrics,
              "-Dreplica.level.ours=" + settings.ourLogLevel(),
              "-Dreplica.level.runtime=" + settings.runtimeLogLevel(),
              "-cp",
              classPath(),
              ReplicaApplication.class.getName()));
      properties().forEach((k, v) -> command.add("--" + k + "=" + v));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(name + "-" + number + ".out").toFile())
              .start();
      Incarnation incarnation = new Incarnation(number, process, log, metrics, ready);
      incarnations.add(incarnation);
      return incarnation;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start replica " + name, e);
    }
  }

  private Map<String, String> properties() {
    Map<String, String> p = new HashMap<>();
    p.put("camunda.client.grpc-address", settings.grpcAddress());
    p.put("camunda.client.execution-threads", Integer.toString(settings.executionThreads()));
    p.put(
        "camunda.client.worker.defaults.max-jobs-active",
        Integer.toString(settings.maxJobsActive()));
    p.put("camunda.client.worker.defaults.stream-enabled", Boolean.toString(settings.streaming()));
    p.put("camunda.client.worker.defaults.timeout", settings.jobTimeout().toString());
    p.put("spring.application.name", name);
    if (settings.inboundSearchApi() != null) {
      p.put("camunda.client.rest-address", settings.inboundSearchApi());
      p.put("camunda.connector.polling.enabled", "true");
      p.put("camunda.connector.polling.interval", "300");
      // no web server in a replica (WebApplicationType.NONE): webhooks stay in the e2e context
      p.put("camunda.connector.webhook.enabled", "false");
    }
    return p;
  }

  /** Waits until the current incarnation's Spring context is up (its job workers are open). */
  Incarnation awaitReady(Duration timeout) {
    Incarnation current = current();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(current.ready())) {
      if (!current.alive()) {
        throw new IllegalStateException(
            name + " exited with " + current.process().exitValue() + "; see " + current.log());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready after " + timeout);
      }
      sleep(50);
    }
    return current;
  }

  synchronized Incarnation current() {
    return incarnations.get(incarnations.size() - 1);
  }

  synchronized List<Incarnation> incarnations() {
    return List.copyOf(incarnations);
  }

  /** SIGKILL: no shutdown hook, no job given back; its jobs come back after the job timeout. */
  Duration kill() {
    Incarnation current = current();
    Duration cpu = current.cpu();
    current.process().destroyForcibly();
    current.ended();
    waitFor(current.process());
    return cpu;
  }

  /** SIGTERM: the runtime closes its workers as on a rolling update. */
  void stop() {
    Incarnation current = current();
    if (current.alive()) {
      current.cpu();
      current.process().destroy();
      current.ended();
      if (!waitFor(current.process())) {
        current.process().destroyForcibly();
        waitFor(current.process());
      }
    }
  }

  private static boolean waitFor(Process process) {
    try {
      return process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The latest metrics the current incarnation wrote: meter name with tags → value. */
  Map<String, Double> metrics() {
    return ReplicaMetrics.read(current().metrics());
  }

  private static String classPath() {
    // under surefire java.class.path is only the booter jar; surefire.test.class.path is the real
    // one
    String tests = System.getProperty("surefire.test.class.path");
    String base = tests == null || tests.isBlank() ? System.getProperty("java.class.path") : tests;
    List<String> entries = new ArrayList<>(Arrays.asList(base.split(File.pathSeparator)));
    Path lib = Path.of("target", "scale-lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> jars = Files.list(lib)) {
        jars.filter(j -> j.toString().endsWith(".jar"))
            .sorted()
            .forEach(j -> entries.add(j.toAbsolutePath().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path logbackConfig(Path dir) throws IOException {
    Path target = dir.resolve("replica-logback.xml");
    try (var in = Replica.class.getResourceAsStream("/scale/replica-logback.xml")) {
      if (in == null) {
        throw new IllegalStateException("scale/replica-logback.xml missing from the class path");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
