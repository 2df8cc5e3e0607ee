package io.github.sncamunda.servicenow.scale;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.github.sncamunda.servicenow.security.SecretScan;
import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.LogEntry;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One scale-out run: the in-memory Zeebe engine (gRPC gateway on loopback), the stateful ServiceNow
 * simulator, and two or three connectors runtime replicas in JVMs of their own working the same job
 * types. The harness starts process instances of the load process (create an incident with a
 * Correlation ID, start a flow, add a work note) open-loop at a rate, closed-loop at a fixed number
 * in flight, or in rate steps, while the simulator injects a seeded fault mix, a replica is killed
 * and restarted, and the OAuth tokens are revoked. Afterwards it gathers {@link RunFacts} for the
 * {@link RunChecker} and the figures for the report.
 */
final class ScaleRun implements AutoCloseable {

  /** Which connectors the load process uses. */
  enum Connector {
    /** This bundle's connectors, configured as their element templates configure them. */
    OURS("scale-ours"),
    /** Camunda's REST connector, configured as Camunda's ServiceNow templates configure it. */
    REST("scale-rest");

    final String processId;

    Connector(String processId) {
      this.processId = processId;
    }
  }

  /**
   * The faults of a run: the fault mix (with the long {@code Retry-After} it uses), one replica
   * killed and restarted, the access tokens revoked.
   */
  record Faults(
      boolean mix, int longRetryAfterSeconds, boolean killAndRestart, boolean revokeTokens) {
    static final Faults NONE = new Faults(false, 0, false, false);

    static Faults all(int longRetryAfterSeconds) {
      return new Faults(true, longRetryAfterSeconds, true, true);
    }

    Faults mixOnly() {
      return new Faults(mix, longRetryAfterSeconds, false, false);
    }
  }

  record Settings(
      String name,
      Connector connector,
      int replicas,
      int executionThreads,
      int maxJobsActive,
      boolean streaming,
      Duration jobTimeout,
      Faults faults,
      int tokenLifetimeSeconds,
      String ourLogLevel,
      String runtimeLogLevel,
      long seed,
      List<String> replicaJvmOptions,
      Path directory) {

    /** The same settings under another name, with other faults, threads and jobs active. */
    Settings vary(String newName, Faults newFaults, int threads, int jobsActive) {
      return new Settings(
          newName,
          connector,
          replicas,
          threads,
          jobsActive,
          streaming,
          jobTimeout,
          newFaults,
          tokenLifetimeSeconds,
          ourLogLevel,
          runtimeLogLevel,
          seed,
          replicaJvmOptions,
          directory);
    }
  }

  /**
   * The fault mix on every {@code /api/} request (the token endpoint gets none): 15 % of requests
   * suffer one of these.
   */
  static Map<Fault, Double> faultMix(int longRetryAfterSeconds) {
    Map<Fault, Double> rates = new LinkedHashMap<>();
    rates.put(Fault.tooManyRequests(1), 0.04); // short Retry-After: waited out within the call
    // longer than the connector's 8 s retry budget: handed to Zeebe as a job retry with that
    // backoff
    rates.put(Fault.tooManyRequests(longRetryAfterSeconds), 0.01);
    rates.put(Fault.serviceUnavailableHtml(), 0.03);
    rates.put(Fault.dropBeforeProcessing(), 0.02); // reset before a write happened
    rates.put(Fault.dropAfterProcessing(), 0.02); // reset after a committed write
    rates.put(Fault.delay(Duration.ofMillis(1500)), 0.03); // slow answer
    return rates;
  }

  static final int RETRIES = 3;

  /** The harness JVM in CPU figures: the engine, the simulator and the load generator. */
  static final String PARENT = "engine + simulator + load";

  private static final Properties SECRETS = secrets();

  private final Settings settings;
  private final Consumer<String> progress;
  private ZeebeTestEngine engine;
  private ServiceNowSimulator servicenow;
  private CamundaClient client;
  private EngineWatcher watcher;
  private final List<Replica> replicas = new ArrayList<>();
  private final Map<String, Long> instanceOfKey = new ConcurrentHashMap<>();
  private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();
  private final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
  private final List<Instant> kills = new CopyOnWriteArrayList<>();
  private final List<Instant> revocations = new CopyOnWriteArrayList<>();
  private final Map<Instant, Integer> replicasAliveAtRevocation = new ConcurrentHashMap<>();
  private final List<Double> createLatenciesMs = new CopyOnWriteArrayList<>();
  private final AtomicInteger createRetries = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();
  private final ScheduledExecutorService background =
      Executors.newScheduledThreadPool(
          3,
          r -> {
            Thread t = new Thread(r, "scale-harness");
            t.setDaemon(true);
            return t;
          });
  private final List<Throwable> backgroundFailures = new CopyOnWriteArrayList<>();
  private Instant loadStarted;
  private Instant loadEnded;
  private Duration parentCpuAtStart;
  private long startupMillis;

  ScaleRun(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  Settings settings() {
    return settings;
  }

  void progress(String message) {
    progress.accept(settings.name() + ": " + message);
  }

  List<Replica> replicas() {
    return List.copyOf(replicas);
  }

  ServiceNowSimulator servicenow() {
    return servicenow;
  }

  EngineWatcher watcher() {
    return watcher;
  }

  /** How long each create-instance command took until the engine accepted it. */
  List<Double> createLatenciesMs() {
    return List.copyOf(createLatenciesMs);
  }

  int createRetries() {
    return createRetries.get();
  }

  List<Instant> kills() {
    return List.copyOf(kills);
  }

  int revocations() {
    return revocations.size();
  }

  long startupMillis() {
    return startupMillis;
  }

  void loadStarting() {
    loadStarted = Instant.now();
  }

  void loadEnded() {
    loadEnded = Instant.now();
  }

  /** The engine's view of every instance this run started (null until the engine saw it). */
  List<EngineWatcher.Instance> instances() {
    List<EngineWatcher.Instance> out = new ArrayList<>();
    for (Long pi : instanceOfKey.values()) {
      out.add(watcher.instance(pi));
    }
    return out;
  }

  /** Starts one more instance of the load process. */
  void startOne() {
    create(newKey());
  }

  /** Durations (engine timestamps) of instances that ended in {@code [from, to)}. */
  Percentiles durationsEndedBetween(Instant from, Instant to) {
    List<Double> durations = new ArrayList<>();
    for (EngineWatcher.Instance i : instances()) {
      if (i != null
          && i.ended != null
          && i.started != null
          && !i.ended.isBefore(from)
          && i.ended.isBefore(to)) {
        durations.add((double) Duration.between(i.started, i.ended).toMillis());
      }
    }
    return Percentiles.of(durations);
  }

  // ---------------------------------------------------------------- start-up

  ScaleRun start() {
    long begin = System.nanoTime();
    engine = EngineFactory.create();
    engine.start();
    String gateway = engine.getGatewayAddress();
    String grpc = "http://127.0.0.1:" + gateway.substring(gateway.lastIndexOf(':') + 1);
    watcher = new EngineWatcher(engine);
    servicenow =
        new ServiceNowSimulator()
            .withoutDefaultCredentials()
            .user(SECRETS.getProperty("test.secrets.snUser"), password())
            .oauthClient(SECRETS.getProperty("test.secrets.snClientId"), clientSecret())
            .accessTokenExpiresIn(settings.tokenLifetimeSeconds())
            .virtualThreads()
            .start();
    if (settings.faults().mix()) {
      servicenow.faultMix(
          settings.seed(), null, "/api/", faultMix(settings.faults().longRetryAfterSeconds()));
    }
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create(grpc))
            .restAddress(URI.create("http://127.0.0.1:1"))
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(Duration.ofSeconds(30))
            .build();
    deploy();
    Replica.Settings replicaSettings =
        new Replica.Settings(
            grpc,
            settings.executionThreads(),
            settings.maxJobsActive(),
            settings.streaming(),
            settings.jobTimeout(),
            settings.ourLogLevel(),
            settings.runtimeLogLevel(),
            settings.replicaJvmOptions(),
            settings.directory().resolve(settings.name()));
    for (int i = 1; i <= settings.replicas(); i++) {
      Replica replica = new Replica("replica-" + i, replicaSettings);
      replicas.add(replica);
      replica.start();
    }
    for (Replica replica : replicas) {
      replica.awaitReady(Duration.ofSeconds(120));
    }
    startupMillis = (System.nanoTime() - begin) / 1_000_000;
    progress.accept(
        settings.name()
            + ": engine, simulator and "
            + replicas.size()
            + " replicas ready in "
            + startupMillis
            + " ms");
    background.scheduleWithFixedDelay(this::watch, 0, 100, TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(
        () -> tokensSeen.addAll(servicenow.activeAccessTokens()), 0, 500, TimeUnit.MILLISECONDS);
    parentCpuAtStart = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    return this;
  }

  private void watch() {
    try {
      watcher.poll();
    } catch (Throwable t) {
      backgroundFailures.add(t);
    }
  }

  private void deploy() {
    BpmnModelInstance model =
        switch (settings.connector()) {
          case OURS -> Bpmn.readModelFromFile(ours().toFile());
          case REST -> RestConnectorProcess.model();
        };
    client
        .newDeployResourceCommand()
        .addProcessModel(model, settings.connector().processId + ".bpmn")
        .send()
        .join();
  }

  /** The load process made by applying our element templates to its recipe (the build does). */
  static Path ours() {
    Path file = Path.of("target", "e2e-bpmn", "scale-ours.bpmn");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " is missing: the build applies the element templates to"
              + " src/test/resources/e2e/recipes/scale-ours.json in process-test-classes");
    }
    return file;
  }

  // ---------------------------------------------------------------- load

  private String newKey() {
    return settings.name() + "-" + String.format("%06d", sequence.incrementAndGet());
  }

  /** Starts one instance (asynchronously; a refused command is tried again). */
  private CompletableFuture<Void> create(String key) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("key", key);
    variables.put("snInstance", "scale-test");
    variables.put("snBaseUrl", servicenow.baseUrl());
    long sent = System.nanoTime();
    createdAt.put(key, Instant.now());
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(settings.connector().processId)
        .latestVersion()
        .variables(variables)
        .send()
        .toCompletableFuture()
        .thenAccept(
            (ProcessInstanceEvent event) -> {
              createLatenciesMs.add((System.nanoTime() - sent) / 1e6);
              instanceOfKey.put(key, event.getProcessInstanceKey());
            })
        .exceptionallyCompose(
            failure -> {
              createRetries.incrementAndGet();
              return CompletableFuture.runAsync(
                      () -> {}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                  .thenCompose(v -> create(key));
            });
  }

  /** Instances of this run whose process instance ended or raised an incident. */
  int terminal() {
    int n = 0;
    for (Long pi : instanceOfKey.values()) {
      EngineWatcher.Instance i = watcher.instance(pi);
      if (i != null && i.terminal()) {
        n++;
      }
    }
    return n;
  }

  int started() {
    return createdAt.size();
  }

  /**
   * Open loop: {@code count} instances at {@code perSecond}, whatever the system does, with the
   * run's faults on a schedule (kill a replica at 30 % of the load, restart it at 60 %, revoke the
   * tokens at 50 %); then waits until every instance ended or raised an incident.
   */
  void openLoop(int count, double perSecond, Duration drainTimeout) {
    loadStarted = Instant.now();
    long begin = System.nanoTime();
    double seconds = count / perSecond;
    scheduleFaults(seconds);
    for (int i = 0; i < count; i++) {
      long due = begin + (long) (i / perSecond * 1e9);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Replica.sleep(wait / 1_000_000);
      }
      startOne();
    }
    loadEnded = Instant.now();
    progress.accept(
        settings.name()
            + ": "
            + count
            + " instances started in "
            + Duration.between(loadStarted, loadEnded).toMillis()
            + " ms; waiting for them to end");
    awaitTerminal(drainTimeout);
  }

  private void scheduleFaults(double loadSeconds) {
    Faults f = settings.faults();
    if (f.killAndRestart() && replicas.size() > 1) {
      Replica victim = replicas.get(replicas.size() - 1);
      background.schedule(() -> killWithJobsInFlight(victim), ms(loadSeconds * 0.3), MS);
      background.schedule(() -> restart(victim), ms(loadSeconds * 0.6), MS);
    }
    if (f.revokeTokens()) {
      background.schedule(this::revokeTokens, ms(loadSeconds * 0.5), MS);
    }
  }

  private static final TimeUnit MS = TimeUnit.MILLISECONDS;

  private static long ms(double seconds) {
    return (long) (seconds * 1000);
  }

  /** Kills the replica once its metrics show a job it holds (waits at most 3 s for one). */
  private void killWithJobsInFlight(Replica victim) {
    try {
      long deadline = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < deadline && inFlight(victim) < 1) {
        Replica.sleep(20);
      }
      double held = inFlight(victim);
      kills.add(Instant.now());
      victim.kill();
      progress.accept(
          settings.name()
              + ": killed "
              + victim.name()
              + " (SIGKILL) holding about "
              + (int) held
              + " job(s)");
    } catch (Throwable t) {
      backgroundFailures.add(t);
    }
  }

  /** Jobs a replica activated and has not completed or failed yet, from its own meters. */
  static double inFlight(Replica replica) {
    Map<String, Double> m = replica.metrics();
    return ReplicaMetrics.sum(m, "camunda.client.worker.job", "count", "action=activated")
        - ReplicaMetrics.sum(m, "camunda.client.worker.job", "count", "action=handled");
  }

  private void restart(Replica victim) {
    try {
      victim.start();
      victim.awaitReady(Duration.ofSeconds(120));
      progress.accept(settings.name() + ": restarted " + victim.name());
    } catch (Throwable t) {
      backgroundFailures.add(t);
    }
  }

  private void revokeTokens() {
    try {
      tokensSeen.addAll(servicenow.activeAccessTokens());
      Instant at = Instant.now();
      int alive = (int) replicas.stream().filter(r -> r.current().alive()).count();
      servicenow.revokeAccessTokens();
      revocations.add(at);
      replicasAliveAtRevocation.put(at, alive);
      progress.accept(settings.name() + ": revoked every access token");
    } catch (Throwable t) {
      backgroundFailures.add(t);
    }
  }

  void awaitTerminal(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (instanceOfKey.size() == createdAt.size() && terminal() == createdAt.size()) {
        break;
      }
      Replica.sleep(100);
    }
    progress.accept(
        settings.name()
            + ": "
            + terminal()
            + " of "
            + createdAt.size()
            + " instances ended "
            + Duration.between(loadStarted, Instant.now()).toMillis()
            + " ms after the load started");
    loadEnded = loadEnded == null ? Instant.now() : loadEnded;
  }

  // ---------------------------------------------------------------- measurements

  long apiRequests() {
    return servicenow.requestCountByPrefix(null, "/api/");
  }

  /** CPU time so far of the harness JVM (engine, simulator, load) and of every replica JVM. */
  Map<String, Duration> cpu() {
    Map<String, Duration> out = new TreeMap<>();
    out.put(PARENT, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    for (Replica r : replicas) {
      Duration sum = Duration.ZERO;
      for (Replica.Incarnation i : r.incarnations()) {
        sum = sum.plus(i.cpu());
      }
      out.put(r.name(), sum);
    }
    return out;
  }

  /** Jobs each replica handled (all its incarnations; completed or failed), from its own meters. */
  Map<String, Double> jobsHandledByReplica() {
    Map<String, Double> out = new TreeMap<>();
    for (Replica r : replicas) {
      double sum = 0;
      for (Replica.Incarnation i : r.incarnations()) {
        sum +=
            ReplicaMetrics.sum(
                ReplicaMetrics.read(i.metrics()),
                "camunda.client.worker.job",
                "count",
                "action=handled");
      }
      out.put(r.name(), sum);
    }
    return out;
  }

  /** CPU seconds each process used since the run's start-up ended. */
  Map<String, Double> cpuSecondsSinceStart() {
    Map<String, Double> out = new TreeMap<>();
    cpu().forEach((p, d) -> out.put(p, d.toMillis() / 1e3));
    out.computeIfPresent(PARENT, (k, v) -> v - parentCpuAtStart.toMillis() / 1e3);
    return out;
  }

  List<Throwable> backgroundFailures() {
    return List.copyOf(backgroundFailures);
  }

  /** The facts for the checker; call after the load ended (stops the background sampling). */
  RunFacts facts() {
    background.shutdownNow();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watcher.poll();
    List<LogEntry> log = servicenow.requestLog();
    Map<String, String> keyOfIncident = new HashMap<>();
    Map<String, Long> perKey = new HashMap<>();
    for (Map<String, String> incident : servicenow.incidents()) {
      String key = incident.get("correlation_id");
      keyOfIncident.put(incident.get("sys_id"), key);
      if (key != null && !key.isEmpty()) {
        perKey.merge(key, 1L, Long::sum);
      }
    }
    Map<Long, String> keyOfInstance = new HashMap<>();
    instanceOfKey.forEach((k, pi) -> keyOfInstance.put(pi, k));
    Map<String, RunFacts.Outcome> outcomes = new TreeMap<>();
    for (String key : createdAt.keySet()) {
      Long pi = instanceOfKey.get(key);
      EngineWatcher.Instance i = pi == null ? null : watcher.instance(pi);
      RunFacts.Outcome outcome;
      if (i != null && i.ended != null) {
        outcome = RunFacts.Outcome.completed();
      } else if (i != null && i.incidentMessage != null) {
        outcome = RunFacts.Outcome.incident(Step.ofElement(i.incidentElement), i.incidentMessage);
      } else {
        outcome = RunFacts.Outcome.unfinished();
      }
      outcomes.put(key, outcome);
    }
    Map<Step.Target, List<Instant>> ends = new HashMap<>();
    List<Instant> timeouts = new ArrayList<>();
    for (EngineWatcher.JobEvent job : watcher.jobs()) {
      boolean failed = job.intent().equals("FAILED");
      boolean timedOut = job.intent().equals("TIMED_OUT");
      if (!failed && !timedOut) {
        continue;
      }
      String key = keyOfInstance.get(job.processInstanceKey());
      Step step = Step.ofElement(job.elementId());
      if (key != null && step != null) {
        ends.computeIfAbsent(new Step.Target(key, step), t -> new ArrayList<>()).add(job.at());
      }
      if (timedOut) {
        timeouts.add(job.at());
      }
    }
    return new RunFacts(
        log,
        keyOfIncident,
        perKey,
        outcomes,
        ends,
        timeouts,
        rejectedJobCommands(),
        servicenow.tokenRequests(),
        tokenBound(),
        secretFindings());
  }

  /** Rejected job commands (complete, fail, throw error) by command and reason. */
  Map<String, Integer> rejectedJobCommands() {
    Map<String, Integer> out = new TreeMap<>();
    watcher
        .rejections()
        .forEach(
            (command, n) -> {
              if (command.startsWith("JOB/COMPLETE ")
                  || command.startsWith("JOB/FAIL ")
                  || command.startsWith("JOB/THROW_ERROR ")) {
                out.put(command, n);
              }
            });
    return out;
  }

  /** See {@link RunFacts.TokenBound}. */
  RunFacts.TokenBound tokenBound() {
    long lifetime = Math.max(1, settings.tokenLifetimeSeconds() - 60L);
    long bound = 0;
    List<String> parts = new ArrayList<>();
    for (Replica r : replicas) {
      for (Replica.Incarnation i : r.incarnations()) {
        long alive = i.lifetime().toSeconds();
        long lifetimes = Math.max(1, (alive + lifetime - 1) / lifetime);
        bound += lifetimes;
        parts.add(r.name() + "#" + i.number() + ": " + lifetimes);
      }
    }
    int atRevocations = 0;
    for (int alive : replicasAliveAtRevocation.values()) {
      atRevocations += alive;
    }
    bound += atRevocations;
    String explanation =
        "token lifetime counted "
            + lifetime
            + " s; per replica JVM "
            + String.join(", ", parts)
            + (atRevocations > 0 ? "; + " + atRevocations + " renewals after revocation" : "");
    return new RunFacts.TokenBound(bound, explanation);
  }

  /** Known secrets (and issued tokens) in the replicas' logs and the engine's records. */
  Map<String, List<String>> secretFindings() {
    SecretScan scan =
        new SecretScan()
            .basic(SECRETS.getProperty("test.secrets.snUser"), password())
            .secret(clientSecret());
    tokensSeen.addAll(servicenow.activeAccessTokens());
    tokensSeen.forEach(scan::secret);
    Map<String, List<String>> findings = new TreeMap<>();
    int records = 0;
    List<String> inRecords = new ArrayList<>();
    for (Record<?> record : engine.getRecordStreamSource().getRecords()) {
      records++;
      for (String found : scan.findings(record.toJson())) {
        if (!inRecords.contains(found)) {
          inRecords.add(found);
        }
      }
    }
    findings.put("engine records (" + records + ")", redacted(inRecords));
    for (Replica r : replicas) {
      for (Replica.Incarnation i : r.incarnations()) {
        for (Path file :
            List.of(i.log(), i.log().resolveSibling(r.name() + "-" + i.number() + ".out"))) {
          try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            findings.put(file.getFileName().toString(), redacted(scan.findings(text)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return findings;
  }

  /** Never the secret itself in a report: which kind of form was found. */
  private static List<String> redacted(List<String> forms) {
    return forms.stream().map(f -> "a secret form of " + f.length() + " characters").toList();
  }

  @Override
  public void close() {
    background.shutdownNow();
    for (Replica r : replicas) {
      try {
        r.stop();
      } catch (RuntimeException e) {
        backgroundFailures.add(e);
      }
    }
    if (client != null) {
      client.close();
    }
    if (servicenow != null) {
      servicenow.close();
    }
    if (engine != null) {
      engine.stop();
    }
  }

  // ---------------------------------------------------------------- secrets

  /** The secrets the replicas resolve: test resources' application.properties. */
  private static Properties secrets() {
    Properties p = new Properties();
    try (InputStream in = ScaleRun.class.getResourceAsStream("/application.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static String user() {
    return SECRETS.getProperty("test.secrets.snUser");
  }

  static String password() {
    return SECRETS.getProperty("test.secrets.snPwd");
  }

  static String clientSecret() {
    return SECRETS.getProperty("test.secrets.snClientSecret");
  }
}
