package io.github.sncamunda.servicenow.scale;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Writes {@code scaling.md} and {@code scaling.png} from a full run's {@link ScaleSuite.Results}.
 */
final class ScaleReport {

  static final String COMMAND = "./mvnw -B -ntp -Pscale";

  // the bullets of "The answers" written from the fault runs, which a fault-only run renews
  static final String FAULTS_ANSWER = "- **Three replicas under rate limits and a flaky network**";
  static final String RETRIES_ANSWER = "- **Retries never lose or duplicate work**";
  static final String TOKENS_ANSWER = "- **OAuth tokens**";
  static final String REST_ANSWER = "- **Camunda's REST connector, same load and faults**";
  static final List<String> FAULT_ANSWERS =
      List.of(FAULTS_ANSWER, RETRIES_ANSWER, TOKENS_ANSWER, REST_ANSWER);

  private ScaleReport() {}

  /** What gave in a ramp, why the numbers say so, and which setting the second ramp moves. */
  record Diagnosis(String limit, String why, String move) {}

  static Diagnosis diagnose(ScaleSuite.Ramp ramp) {
    List<RampProbe.Step> steps = ramp.steps();
    RampProbe.Step first = steps.get(0);
    RampProbe.Step last = steps.get(steps.size() - 1);
    int threads = ramp.settings().executionThreads();
    if (!last.saturated()) {
      return new Diagnosis(
          "none reached",
          "every step up to " + f(last.targetPerSecond()) + "/s ended as many as it started",
          "");
    }
    boolean threadsFull =
        !last.executorActive().isEmpty()
            && last.executorActive().values().stream().allMatch(a -> a >= 0.9 * threads);
    String busiest =
        last.cpuCores().entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(e -> e.getKey() + " (" + f(e.getValue()) + " cores)")
            .orElse("?");
    double ours = last.cpuCores().values().stream().mapToDouble(d -> d).sum();
    String numbers =
        "at "
            + f(last.targetPerSecond())
            + "/s offered, "
            + f(last.endedPerSecond())
            + "/s ended and the backlog grew to "
            + last.backlog()
            + "; job threads running per replica "
            + fmap(last.executorActive())
            + " of "
            + threads
            + "; the machine's cores were "
            + pct(last.machineBusy())
            + " busy (our processes "
            + f(ours)
            + " of "
            + Runtime.getRuntime().availableProcessors()
            + " cores, the busiest "
            + busiest
            + "); ServiceNow answered in "
            + f(last.servicenowMs().p50())
            + " ms (p50; "
            + f(first.servicenowMs().p50())
            + " ms at the first step); the engine accepted a create command in "
            + f(last.createCommandMs().p50())
            + " ms (p50; "
            + f(first.createCommandMs().p50())
            + " ms at the first step)";
    if (threadsFull && last.machineBusy() < 0.9) {
      return new Diagnosis(
          "the replicas' job threads",
          "every replica ran all its "
              + threads
              + " execution threads all the time while the CPU still had room: "
              + numbers,
          "execution-threads");
    }
    if (last.machineBusy() >= 0.9) {
      String harnessBusiest =
          last.harnessCores().entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse("?");
      return new Diagnosis(
          "CPU: the 2 cores that the engine, the simulator and the replicas share (the largest"
              + " share: "
              + busiest
              + (busiest.startsWith(ScaleRun.PARENT) ? ", mostly its " + harnessBusiest : "")
              + ")",
          "the machine had no idle CPU left: " + numbers,
          "execution-threads");
    }
    if (last.createCommandMs().p50() > 5 * first.createCommandMs().p50()) {
      return new Diagnosis(
          "the engine", "the engine took ever longer to accept commands: " + numbers, "");
    }
    if (last.servicenowMs().p50() > 3 * first.servicenowMs().p50()) {
      return new Diagnosis(
          "the simulator", "ServiceNow's answers slowed down: " + numbers, "execution-threads");
    }
    return new Diagnosis("not clear from the numbers", numbers, "execution-threads");
  }

  /** The second ramp: three times the execution threads (and twice the jobs active). */
  static ScaleRun.Settings movedSetting(ScaleSuite.Ramp ramp) {
    Diagnosis d = diagnose(ramp);
    if (d.move().isEmpty()) {
      return null;
    }
    ScaleRun.Settings s = ramp.settings();
    int threads = s.executionThreads() * 3;
    return s.vary(
        "threads-" + threads, s.faults(), threads, Math.max(s.maxJobsActive(), threads * 2));
  }

  static void write(ScaleSuite.Results r, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("scaling.md"), markdown(r));
    chart(r, dir.resolve("scaling.png"));
  }

  // ---------------------------------------------------------------- markdown

  static String markdown(ScaleSuite.Results r) {
    StringBuilder md = new StringBuilder();
    md.append("# Scaling out: several connectors runtimes on one engine, under load and faults\n\n")
        .append(
            "_Generated by `src/test/java/io/github/sncamunda/servicenow/scale` (`ScaleSuite`,"
                + " `ScaleReport`) from one run; do not edit by hand: re-run the command"
                + " below._\n\n");
    md.append("## How to run\n\n```bash\nexport JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64\n")
        .append(COMMAND)
        .append("\n```\n\n")
        .append(
            "This run took "
                + Math.round(r.minutes())
                + " minutes (plus the build). It writes this file, `docs/scaling.png` and"
                + " `target/scale/results.json` (`-Dscale.reportOnly=true` rewrites the report"
                + " from it); the replicas' logs stay in `target/scale/<run>/`. The CI-sized"
                + " version, `ScaleOutTest` (200 instances, 2 replicas, every fault), runs in"
                + " `./mvnw -B -ntp verify` and asserts the invariants, not the speed.\n\n");

    md.append("## Machine and load\n\n| | |\n|---|---|\n")
        .append(row("date (UTC)", r.started().toString().substring(0, 19) + "Z"))
        .append(row("CPU", r.machine().cpu() + ", **" + r.machine().cores() + " cores**"))
        .append(row("JDK", r.machine().jdk()))
        .append(row("OS", r.machine().os()))
        .append(
            row(
                "other load",
                "the machine is shared with other builds: its cores were "
                    + pct(r.machine().busyBefore())
                    + " busy in the 2 s before the run started; each ramp step below says how"
                    + " busy they were and how much of that was ours"))
        .append("\n")
        .append(
            "> **Read ratios, not absolutes.** Engine, simulator, load generator and every"
                + " replica share the same 2 cores (and share them with other builds), so every"
                + " absolute number here is a floor for a real deployment, where the engine and"
                + " ServiceNow run elsewhere and each replica has cores of its own.\n\n");

    md.append("![scale-out figures](scaling.png)\n\n");
    answers(md, r);
    design(md, r);
    capacity(md, r);
    faults(md, r);
    ramps(md, r);
    method(md);
    return md.toString();
  }

  private static void answers(StringBuilder md, ScaleSuite.Results r) {
    md.append("## The answers\n\n");
    ScaleSuite.Capacity one = capacity(r, "capacity-ours-1");
    ScaleSuite.Capacity rest = capacity(r, "capacity-rest-1");
    if (one != null) {
      md.append(
          "- **One replica** of ours sustained **"
              + f(one.result().instancesPerSecond())
              + " process instances/s** end to end ("
              + f(one.result().apiRequestsPerSecond())
              + " ServiceNow API calls/s, "
              + f(sum(one.result().jobsPerSecondByReplica()))
              + " jobs/s), p50 "
              + f(one.result().durationMs().p50())
              + " ms per instance of three tasks"
              + (rest == null
                  ? ""
                  : "; one replica running Camunda's REST connector on the same calls: "
                      + f(rest.result().instancesPerSecond())
                      + " instances/s with one API call less per instance (no correlation"
                      + " look-up); per replica CPU, "
                      + f(cpuMsPerJob(one))
                      + " ms per job for ours and "
                      + f(cpuMsPerJob(rest))
                      + " ms for the REST connector. In this stack the engine, not the"
                      + " connector, sets the pace: the replica's job threads were busy "
                      + f(sum(one.result().executorActiveByReplica()))
                      + " of 10 on average")
              + ".\n");
    }
    List<String> scaling = new ArrayList<>();
    for (ScaleSuite.Capacity c : r.capacity()) {
      if (c.settings().connector() == ScaleRun.Connector.OURS) {
        scaling.add(c.settings().replicas() + " → " + f(c.result().instancesPerSecond()) + "/s");
      }
    }
    if (scaling.size() > 1) {
      md.append(
          "- **More replicas on the same 2 cores** (replicas → instances/s): "
              + String.join(", ", scaling)
              + ". Here every replica takes CPU from the others and from the engine, so more"
              + " replicas cannot add throughput; on a cluster, where each replica brings its"
              + " own cores, the per-replica figure above is what each one adds until ServiceNow's"
              + " rate limits or the engine give.\n");
    }
    RunFigures ours = fault(r, ScaleRun.Connector.OURS);
    RunFigures restRun = fault(r, ScaleRun.Connector.REST);
    if (ours != null) {
      md.append(
          FAULTS_ANSWER
              + " ("
              + ours.started()
              + " instances, 15 % of API requests faulted, one replica killed with jobs in flight"
              + " and restarted, every token revoked): "
              + ours.completed()
              + " completed, "
              + ours.incidents()
              + (ours.incidents() == 0
                  ? " incidents, "
                  : " incidents (each explained by the faults its task met), ")
              + ours.unfinished()
              + " lost; "
              + ours.verdict().duplicateKeys()
              + " duplicate incidents; "
              + ours.verdict().resentAfterAmbiguity()
              + " writes sent again within a job attempt after ServiceNow had committed them; "
              + ours.jobsTimedOut()
              + " job(s) held by the killed replica came back after the job timeout and were done"
              + " by the others. Invariants: "
              + (ours.verdict().violations().isEmpty()
                  ? "**all kept**."
                  : "**" + ours.verdict().violations().size() + " broken** (listed below).")
              + "\n");
      md.append(
          RETRIES_ANSWER
              + ": after a reset (before or after ServiceNow"
              + " committed the write), a timeout or a gateway's 504, the connector looks before it"
              + " sends a write again: a work note in the record's journal, a create by its"
              + " Correlation ID (or the mark of its task), and sends it again only when it is not"
              + " there ("
              + looksByTask(ours)
              + "). Only a flow start, which nothing can look up, still stops without retries"
              + " and waits in an incident until someone checks ServiceNow. Incidents by task: "
              + incidentsByTask(ours)
              + ". Done twice in ServiceNow's data: "
              + writtenTwice(ours)
              + ".\n");
      md.append(
          TOKENS_ANSWER
              + ": the fleet requested **"
              + ours.tokenRequests()
              + " tokens** for "
              + ours.apiRequests()
              + " API calls (bound "
              + ours.tokenBound().value()
              + ": "
              + ours.tokenBound().explanation()
              + ").\n");
    }
    if (ours != null && restRun != null) {
      md.append(
          REST_ANSWER
              + ": "
              + restRun.completed()
              + " completed, **"
              + restRun.incidents()
              + " incidents**, "
              + restRun.unfinished()
              + " lost, **"
              + restRun.verdict().duplicateKeys()
              + " Correlation IDs with more than one incident**, "
              + restRun.verdict().resentAfterAmbiguity()
              + " writes re-sent after an ambiguous failure within an attempt; p99 "
              + f(restRun.durationMs().p99())
              + " ms against ours "
              + f(ours.durationMs().p99())
              + " ms.\n");
    }
    if (!r.ramps().isEmpty()) {
      Diagnosis d = diagnose(r.ramps().get(0));
      md.append(
          "- **The limit**: "
              + d.limit()
              + " (details in [Where the limit is](#where-the-limit-is)).\n");
    }
    md.append("\n");
  }

  private static void design(StringBuilder md, ScaleSuite.Results r) {
    md.append("## What runs\n\n")
        .append(
            "- **Engine**: the in-memory Zeebe engine of `zeebe-process-test-engine` 8.8.21"
                + " (one partition), reached over its gRPC gateway on loopback; the harness reads"
                + " its record stream for instance and job timestamps.\n"
                + "- **Replicas**: each a JVM of its own running the real connectors runtime"
                + " (`spring-boot-starter-camunda-connectors` 8.8.7; `ReplicaApplication`, an"
                + " empty Spring Boot application) from the test class path, plus Camunda's REST"
                + " connector. **Why separate JVMs**: every connector function's default"
                + " constructor takes `ServiceNowClient.shared()`, one static client per JVM; two"
                + " Spring contexts in one JVM would share one connection pool and one OAuth"
                + " token cache, which no two pods do, and a replica could not be killed with"
                + " jobs in flight. A child JVM is what a pod is: its own pool, token cache,"
                + " threads, and a SIGKILL that leaves its jobs to the job timeout.\n"
                + "- **ServiceNow**: the project's stateful simulator (Table API, flow triggers,"
                + " OAuth token endpoint), virtual thread per request, seeded fault mix on"
                + " `/api/` (the token endpoint is never faulted).\n"
                + "- **The load process** (`scale-ours`, built by applying our element templates"
                + " to `src/test/resources/e2e/recipes/scale-ours.json`): Incident Handler"
                + " *create* with a Correlation ID (the business key) → Flow Starter POST with"
                + " the key as `correlationValue` → Record Handler *add work note* on the new"
                + " incident; OAuth client credentials from secrets; 3 retries, backoff PT3S (the"
                + " templates' PT30S would only stretch the runs).\n"
                + "- **The REST connector's process** (`scale-rest`, `RestConnectorProcess`): the"
                + " same three calls with `io.camunda:http-json:1` configured as Camunda's"
                + " ServiceNow templates do it (Basic authentication, `skipEncoding`, 20 s"
                + " timeouts, 3 retries), written with the BPMN model API. It has no correlation"
                + " look-up, so its create is a plain POST carrying the `correlation_id`.\n"
                + "- **Worker settings** (the connectors runtime image's):"
                + " `camunda.client.execution-threads=10`,"
                + " `camunda.client.worker.defaults.max-jobs-active=32`, job streaming on, job"
                + " timeout 30 s (short, so a killed replica's jobs come back quickly); tokens"
                + " live 180 s; logging at INFO.\n\n");
    md.append("Fault mix (per `/api/` request, seed 8):\n\n| fault | rate |\n|---|---:|\n");
    ScaleRun.faultMix(20)
        .forEach((fault, rate) -> md.append(row(RunChecker.faultName(fault), pct(rate))));
    md.append(
        "\nPlus, during the fault runs: one replica killed (SIGKILL) at 30 % of the load while"
            + " it held jobs, restarted at 60 %; every access token revoked at 50 %.\n\n");
  }

  private static void capacity(StringBuilder md, ScaleSuite.Results r) {
    if (r.capacity().isEmpty()) {
      return;
    }
    md.append("## Capacity (closed loop, no faults)\n\n")
        .append(
            "Each run keeps 24 instances per replica in flight (a new one for each that ends),"
                + " so the replicas always have work; after the warm-up, one 30 s window is"
                + " measured.\n\n")
        .append(
            "| run | replicas | instances/s | API calls/s | jobs/s per replica | instance"
                + " duration ms | CPU cores used (engine+sim+load / replicas) | replica CPU ms"
                + " per job | job threads running (mean) | warm-up |\n"
                + "|---|---:|---:|---:|---|---|---|---:|---|---|\n");
    for (ScaleSuite.Capacity c : r.capacity()) {
      CapacityProbe.Capacity x = c.result();
      Map<String, Double> cpu = x.cpuSecondsByProcess();
      md.append(
          "| "
              + c.name()
              + " | "
              + c.settings().replicas()
              + " | **"
              + f(x.instancesPerSecond())
              + "** | "
              + f(x.apiRequestsPerSecond())
              + " | "
              + fmap(x.jobsPerSecondByReplica())
              + " | "
              + x.durationMs()
              + " | "
              + f(cpu.getOrDefault(ScaleRun.PARENT, 0.0) / x.measureSeconds())
              + " / "
              + f(
                  cpu.entrySet().stream()
                          .filter(e -> !e.getKey().equals(ScaleRun.PARENT))
                          .mapToDouble(Map.Entry::getValue)
                          .sum()
                      / x.measureSeconds())
              + " | "
              + f(cpuMsPerJob(c))
              + " | "
              + fmap(x.executorActiveByReplica())
              + " | "
              + x.stability()
              + drift(x)
              + " |\n");
    }
    md.append("\n");
  }

  private static void faults(StringBuilder md, ScaleSuite.Results r) {
    if (r.faultRuns().isEmpty()) {
      return;
    }
    md.append("## Under faults: ours and Camunda's REST connector, side by side\n\n")
        .append(
            "Three replicas each, the same instances at the same rate (open loop, 60 s; the rate"
                + " is a third of what three replicas of ours sustained without faults, since"
                + " every fault costs the engine more work), the same seeded fault mix, the same"
                + " kill, restart and revocation.\n\n");
    List<RunFigures> runs = r.faultRuns();
    md.append("| | ").append(join(runs, f -> "**" + f.settings().name() + "**")).append(" |\n");
    md.append("|---|").append("---:|".repeat(runs.size())).append("\n");
    md.append(line("connector", runs, f -> f.settings().connector().toString()));
    md.append(line("replicas", runs, f -> Integer.toString(f.settings().replicas())));
    md.append(line("instances started", runs, f -> Integer.toString(f.started())));
    md.append(line("completed", runs, f -> Integer.toString(f.completed())));
    md.append(
        line(
            "incidents (all explained by faults?)",
            runs,
            f ->
                f.incidents()
                    + " ("
                    + (f.verdict().incidentsExplained() == f.incidents() ? "yes" : "no")
                    + ")"));
    md.append(line("unfinished (lost jobs)", runs, f -> Integer.toString(f.unfinished())));
    md.append(
        line(
            "Correlation IDs with > 1 incident",
            runs,
            f -> Integer.toString(f.verdict().duplicateKeys())));
    md.append(
        line(
            "writes re-sent within one attempt after ServiceNow had committed them",
            runs,
            f -> Integer.toString(f.verdict().resentAfterAmbiguity())));
    md.append(
        line(
            "done twice by Zeebe retries, in ServiceNow's data (Correlation IDs with 2+ incidents,"
                + " flows started twice for one correlationValue, incidents with 2+ work notes)",
            runs,
            f -> f.writtenMoreThanOnce().isEmpty() ? "0" : fmapInt(f.writtenMoreThanOnce())));
    md.append(line("incidents by task", runs, ScaleReport::incidentsByTask));
    md.append(
        line(
            "looked before repeating a write whose answer was lost: found / sent again, by task",
            runs,
            ScaleReport::looksByTask));
    md.append(
        line(
            "instances/s end to end (completed ÷ first start to last end)",
            runs,
            f -> f(f.instancesPerSecond())));
    md.append(line("jobs/s per replica", runs, f -> fmap(f.jobsPerSecondByReplica())));
    md.append(line("instance duration ms (completed)", runs, f -> f.durationMs().toString()));
    md.append(
        line(
            "job attempt ms (activated → completed/failed/timed out)",
            runs,
            f -> f.jobAttemptMs().toString()));
    md.append(
        line("ServiceNow API requests per instance", runs, f -> f(f.apiRequestsPerInstance())));
    md.append(line("requests by task and method", runs, f -> fmapLong(f.requestsByStep())));
    md.append(
        line(
            "token requests (bound)",
            runs,
            f -> f.tokenRequests() + " (" + f.tokenBound().value() + ")"));
    md.append(line("TCP connections opened", runs, f -> Integer.toString(f.connections())));
    md.append(
        line(
            "jobs timed out (killed replica) and redone",
            runs,
            f -> Long.toString(f.jobsTimedOut())));
    md.append(
        line(
            "job commands the engine rejected",
            runs,
            f ->
                f.verdict().violations().stream().anyMatch(v -> v.contains("rejected"))
                    ? "yes"
                    : "0"));
    md.append(line("CPU seconds (engine+sim+load, replicas)", runs, f -> fmap(f.cpuSeconds())));
    md.append(
        line(
            "invariants",
            runs,
            f ->
                f.verdict().violations().isEmpty()
                    ? "all kept"
                    : f.verdict().violations().size() + " broken"));
    md.append("\n");

    md.append("### Retries by fault\n\n")
        .append(
            "*Injected*: requests that suffered the fault. *In-call*: the same request sent"
                + " again within the same job attempt (the connector's own retry). *Zeebe*: job"
                + " attempts that the engine ended (FAILED or TIMED_OUT), by the last fault the"
                + " attempt met; Zeebe then retried the job after its backoff, or raised the"
                + " incident when the retries were used up. The REST connector's in-call"
                + " retries are its HTTP client's (Apache HttpClient 5's default retry strategy:"
                + " once after a 429 or 503, waiting out `Retry-After` inside the job, 20 s with"
                + " a thread held); ours wait inside the call only up to the 8 s retry budget and"
                + " hand a longer `Retry-After` to Zeebe as the job's retry backoff.\n\n");
    TreeSet<String> names = new TreeSet<>();
    for (RunFigures f : runs) {
      names.addAll(f.verdict().faultsInjected().keySet());
      names.addAll(f.verdict().zeebeRetries().keySet());
    }
    md.append("| fault |");
    for (RunFigures f : runs) {
      String n = f.settings().name();
      md.append(" ").append(n).append(" injected | in-call | Zeebe |");
    }
    md.append("\n|---|").append("---:|---:|---:|".repeat(runs.size())).append("\n");
    for (String name : names) {
      md.append("| ").append(name).append(" |");
      for (RunFigures f : runs) {
        md.append(" ")
            .append(f.verdict().faultsInjected().getOrDefault(name, 0))
            .append(" | ")
            .append(f.verdict().inCallRetries().getOrDefault(name, 0))
            .append(" | ")
            .append(f.verdict().zeebeRetries().getOrDefault(name, 0))
            .append(" |");
      }
      md.append("\n");
    }
    md.append("\n");
    for (RunFigures f : runs) {
      if (!f.verdict().violations().isEmpty()) {
        md.append("Invariants broken in ")
            .append(f.settings().name())
            .append(" (first 10 of ")
            .append(f.verdict().violations().size())
            .append("):\n\n");
        f.verdict().violations().stream()
            .limit(10)
            .forEach(v -> md.append("- ").append(v.replace("|", "\\|")).append("\n"));
        md.append("\n");
      }
    }
  }

  private static void ramps(StringBuilder md, ScaleSuite.Results r) {
    if (r.ramps().isEmpty()) {
      return;
    }
    md.append("## Where the limit is\n\n")
        .append(
            "Open-loop load in steps of 15 s at rising rates (after a 20 s warm-up at the first"
                + " rate), two replicas, no faults, until a step ends with fewer instances ended"
                + " than started and more than two seconds' worth still open. Per step: what"
                + " the replicas' job threads did (mean of 1 s samples), how fast ServiceNow"
                + " answered, how fast the engine accepted create commands, and where the CPU"
                + " went. *Machine busy* counts every process on the machine: what our processes"
                + " did not use went to other builds running at the same time.\n\n");
    for (ScaleSuite.Ramp ramp : r.ramps()) {
      Diagnosis d = diagnose(ramp);
      md.append("### ")
          .append(ramp.name())
          .append(": execution-threads ")
          .append(ramp.settings().executionThreads())
          .append(", max-jobs-active ")
          .append(ramp.settings().maxJobsActive())
          .append(", ")
          .append(ramp.settings().replicas())
          .append(" replicas\n\n");
      md.append(
          "| offered/s | started/s | ended/s | open at step end | instance ms p50 / p99 (n) |"
              + " ServiceNow ms p50 / p99 | ServiceNow requests at once (max) | create command"
              + " ms p50 / p99 | job threads running per replica | CPU cores used | of which in"
              + " the harness JVM | machine busy |\n"
              + "|---:|---:|---:|---:|---|---|---:|---|---|---|---|---:|\n");
      for (RampProbe.Step s : ramp.steps()) {
        md.append("| ")
            .append(f(s.targetPerSecond()))
            .append(" | ")
            .append(f(s.startedPerSecond()))
            .append(" | ")
            .append(f(s.endedPerSecond()))
            .append(" | ")
            .append(s.backlog())
            .append(" | ")
            .append(
                f(s.durationMs().p50())
                    + " / "
                    + f(s.durationMs().p99())
                    + " ("
                    + s.durationMs().n()
                    + ")")
            .append(" | ")
            .append(f(s.servicenowMs().p50()) + " / " + f(s.servicenowMs().p99()))
            .append(" | ")
            .append(s.servicenowMaxConcurrent())
            .append(" | ")
            .append(f(s.createCommandMs().p50()) + " / " + f(s.createCommandMs().p99()))
            .append(" | ")
            .append(fmap(s.executorActive()))
            .append(" | ")
            .append(fmap(s.cpuCores()))
            .append(" | ")
            .append(fmap(s.harnessCores()))
            .append(" | ")
            .append(pct(s.machineBusy()))
            .append(" |\n");
      }
      md.append("\n**What gave: ").append(d.limit()).append(".** ").append(d.why()).append(".\n\n");
    }
    if (r.ramps().size() > 1) {
      ScaleSuite.Ramp a = r.ramps().get(0);
      ScaleSuite.Ramp b = r.ramps().get(1);
      md.append(
          "**Moving the setting**: with "
              + b.settings().executionThreads()
              + " execution threads (and max-jobs-active "
              + b.settings().maxJobsActive()
              + ") instead of "
              + a.settings().executionThreads()
              + ", the best step ended "
              + f(best(b))
              + "/s against "
              + f(best(a))
              + "/s ("
              + ratio(best(b), best(a))
              + "). ");
      md.append(
          best(b) > 1.15 * best(a)
              ? "The threads were the limit: raise `CAMUNDA_CLIENT_EXECUTIONTHREADS` (and"
                  + " `CAMUNDA_CLIENT_WORKER_DEFAULTS_MAXJOBSACTIVE` with it) until the CPU or"
                  + " ServiceNow's rate limits give.\n\n"
              : "More threads did not move it: the limit is not the runtime's settings but the"
                  + " CPU they all share. What moves it is cores: replicas on their own"
                  + " machines, and the engine and ServiceNow elsewhere; more"
                  + " `execution-threads` only help while threads wait on ServiceNow (its"
                  + " latency here is a few milliseconds; against a real instance, at 100–300"
                  + " ms per call, one replica's 10 threads carry at most 30–100 calls/s, and"
                  + " that is where `execution-threads` is the setting to raise).\n\n");
    }
  }

  private static void method(StringBuilder md) {
    md.append("## How the numbers were taken\n\n")
        .append(
            "- Durations come from the engine's record timestamps (process instance activated →"
                + " completed); percentiles are nearest-rank, with the sample size n next to"
                + " them.\n"
                + "- Capacity is measured only after the completions per 5 s window were stable"
                + " (three windows in a row within ±10 % of their mean, after at least 20 s; the"
                + " table says when that was reached, or that 75 s passed without it).\n"
                + "- Jobs per replica come from each replica's own Micrometer meters"
                + " (`camunda.client.worker.job`, action `handled`): the connectors runtime names"
                + " every worker after its connector, so the engine's records cannot tell"
                + " replicas apart. Job threads running is the replica's"
                + " `camundaClientExecutor` pool meters.\n"
                + "- Requests, faults and outcomes come from the simulator's request log; retries"
                + " are classified against the engine's job events (a request sent again before"
                + " the engine ended the attempt is an in-call retry).\n"
                + "- CPU per process from the OS (`ProcessHandle`), the machine's from"
                + " `/proc/stat`.\n"
                + "- The invariants are checked by `RunChecker` on every run (CI's and this one);"
                + " `RunCheckerTest` feeds it deliberately broken runs (a POST re-sent after a"
                + " reset, a second incident for a Correlation ID, a lost job, …) and shows that"
                + " each fails it.\n");
  }

  // ---------------------------------------------------------------- chart

  static void chart(ScaleSuite.Results r, Path file) throws IOException {
    List<Chart<?, ?>> charts = new ArrayList<>();
    if (!r.capacity().isEmpty()) {
      CategoryChart c =
          new CategoryChartBuilder()
              .width(600)
              .height(420)
              .title("Capacity: process instances/s (closed loop)")
              .yAxisTitle("instances/s")
              .build();
      style(c);
      c.getStyler().setLegendVisible(false);
      c.addSeries(
          "instances/s",
          r.capacity().stream().map(ScaleSuite.Capacity::name).toList(),
          r.capacity().stream().map(x -> x.result().instancesPerSecond()).toList());
      charts.add(c);
    }
    if (!r.faultRuns().isEmpty()) {
      List<String> names = r.faultRuns().stream().map(f -> f.settings().name()).toList();
      CategoryChart outcomes =
          new CategoryChartBuilder()
              .width(600)
              .height(420)
              .title(
                  "Under faults: what went wrong ("
                      + r.faultRuns().get(0).started()
                      + " instances)")
              .yAxisTitle("count")
              .build();
      style(outcomes);
      outcomes.addSeries(
          "incidents", names, r.faultRuns().stream().map(f -> (double) f.incidents()).toList());
      outcomes.addSeries(
          "lost", names, r.faultRuns().stream().map(f -> (double) f.unfinished()).toList());
      outcomes.addSeries(
          "keys with 2+ incidents",
          names,
          r.faultRuns().stream().map(f -> (double) f.verdict().duplicateKeys()).toList());
      outcomes.addSeries(
          "keys with a flow/note written twice",
          names,
          r.faultRuns().stream()
              .map(
                  f ->
                      (double)
                          (f.writtenMoreThanOnce().getOrDefault("flow", 0)
                              + f.writtenMoreThanOnce().getOrDefault("note", 0)))
              .toList());
      charts.add(outcomes);
      CategoryChart latency =
          new CategoryChartBuilder()
              .width(600)
              .height(420)
              .title("Under faults: instance duration")
              .yAxisTitle("seconds")
              .build();
      style(latency);
      latency.addSeries(
          "p50", names, r.faultRuns().stream().map(f -> f.durationMs().p50() / 1000).toList());
      latency.addSeries(
          "p99", names, r.faultRuns().stream().map(f -> f.durationMs().p99() / 1000).toList());
      charts.add(latency);
    }
    if (!r.ramps().isEmpty()) {
      XYChart c =
          new XYChartBuilder()
              .width(600)
              .height(420)
              .title("Ramp: offered vs ended instances/s")
              .xAxisTitle("offered instances/s")
              .yAxisTitle("ended instances/s")
              .build();
      c.getStyler().setChartBackgroundColor(Color.WHITE);
      c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
      double max = 0;
      for (ScaleSuite.Ramp ramp : r.ramps()) {
        List<Double> x = ramp.steps().stream().map(RampProbe.Step::targetPerSecond).toList();
        List<Double> y = ramp.steps().stream().map(RampProbe.Step::endedPerSecond).toList();
        max = Math.max(max, x.stream().mapToDouble(d -> d).max().orElse(0));
        c.addSeries(ramp.name() + " (" + ramp.settings().executionThreads() + " threads)", x, y);
      }
      c.addSeries("ended = offered", List.of(0.0, max), List.of(0.0, max));
      charts.add(c);
    }
    if (!charts.isEmpty()) {
      int columns = charts.size() > 2 ? 2 : charts.size();
      int rows = (charts.size() + columns - 1) / columns;
      while (charts.size() < rows * columns) {
        charts.add(new CategoryChartBuilder().width(600).height(420).build());
      }
      BitmapEncoder.saveBitmap(
          charts, rows, columns, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private static void style(CategoryChart c) {
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setLabelsVisible(true);
    c.getStyler().setDecimalPattern("#,##0.#");
    c.getStyler().setXAxisLabelRotation(20);
  }

  // ---------------------------------------------------------------- helpers

  private static ScaleSuite.Capacity capacity(ScaleSuite.Results r, String name) {
    return r.capacity().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static RunFigures fault(ScaleSuite.Results r, ScaleRun.Connector connector) {
    return r.faultRuns().stream()
        .filter(f -> f.settings().connector() == connector)
        .findFirst()
        .orElse(null);
  }

  /** "create N, flow N, note N": the task each incident stopped at. */
  static String incidentsByTask(RunFigures f) {
    if (f.incidentsByStep() == null) {
      return "n/a";
    }
    return f.incidentsByStep().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** "create 3 / 2, note 40 / 38": looks that found the write / that sent it again, per task. */
  static String looksByTask(RunFigures f) {
    Map<String, Long> looks = f.looks() == null ? Map.of() : f.looks();
    if (looks.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (Step step : Step.values()) {
      String task = step.name().toLowerCase(java.util.Locale.ROOT);
      long found = looks.getOrDefault(task + " found", 0L);
      long again =
          looks.getOrDefault(task + " sent again", 0L)
              + looks.getOrDefault(task + " sent again by the job", 0L);
      long cannot = looks.getOrDefault(task + " cannot tell", 0L);
      if (found + again + cannot == 0) {
        continue;
      }
      out.append(out.isEmpty() ? "" : ", ").append(task).append(' ').append(found);
      out.append(" / ").append(again);
      if (cannot > 0) {
        out.append(" (").append(cannot).append(" could not tell)");
      }
    }
    return out.isEmpty() ? "none" : out.toString();
  }

  private static String writtenTwice(RunFigures f) {
    Map<String, Integer> w = f.writtenMoreThanOnce();
    if (w.isEmpty()) {
      return "nothing";
    }
    return "incidents created twice for "
        + w.getOrDefault("create", 0)
        + " Correlation IDs, flows started twice for "
        + w.getOrDefault("flow", 0)
        + " keys and work notes added twice to "
        + w.getOrDefault("note", 0)
        + " incidents"
        + acrossTimeout(f);
  }

  /** Which doubled writes a replica kill explains (see RunFigures#writtenTwiceAcrossTimeout). */
  private static String acrossTimeout(RunFigures f) {
    int doubled = f.writtenMoreThanOnce().values().stream().mapToInt(Integer::intValue).sum();
    int explained =
        f.writtenTwiceAcrossTimeout() == null
            ? 0
            : f.writtenTwiceAcrossTimeout().values().stream().mapToInt(Integer::intValue).sum();
    if (explained == 0) {
      return " (none of them across a job timeout)";
    }
    return " ("
        + (explained == doubled ? "each" : explained + " of " + doubled)
        + " across a job timeout: sent by a replica killed before it completed the job, then"
        + " sent again by the job's next activation on another replica)";
  }

  /** A note when the measured window is off the warm-up's last three windows by more than 10 %. */
  private static String drift(CapacityProbe.Capacity x) {
    List<CapacityProbe.Window> w = x.warmup();
    if (w.size() < 3) {
      return "";
    }
    double mean =
        w.subList(w.size() - 3, w.size()).stream()
            .mapToDouble(CapacityProbe.Window::perSecond)
            .average()
            .orElse(0);
    double off = mean <= 0 ? 0 : (x.instancesPerSecond() - mean) / mean;
    return Math.abs(off) <= 0.10
        ? ""
        : "; the measured window came out "
            + Math.round(Math.abs(off) * 100)
            + " % "
            + (off > 0 ? "higher" : "lower")
            + " (still warming up: read this row ±"
            + Math.round(Math.abs(off) * 100)
            + " %)";
  }

  /** The replicas' CPU milliseconds per job handled in the capacity window. */
  static double cpuMsPerJob(ScaleSuite.Capacity c) {
    double cpu =
        c.result().cpuSecondsByProcess().entrySet().stream()
            .filter(e -> !e.getKey().equals(ScaleRun.PARENT))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    double jobs = sum(c.result().jobsPerSecondByReplica()) * c.result().measureSeconds();
    return jobs <= 0 ? Double.NaN : cpu * 1000 / jobs;
  }

  private static double best(ScaleSuite.Ramp ramp) {
    return ramp.steps().stream().mapToDouble(RampProbe.Step::endedPerSecond).max().orElse(0);
  }

  private static double sum(Map<String, Double> m) {
    return m.values().stream().mapToDouble(d -> d).sum();
  }

  private static String line(String label, List<RunFigures> runs, Function<RunFigures, String> v) {
    return "| " + label + " | " + join(runs, v) + " |\n";
  }

  private static String join(List<RunFigures> runs, Function<RunFigures, String> v) {
    return String.join(" | ", runs.stream().map(v).toList());
  }

  private static String row(String a, String b) {
    return "| " + a + " | " + b + " |\n";
  }

  static String f(double v) {
    return Percentiles.fmt(v);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }

  private static String ratio(double a, double b) {
    return b <= 0 ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
  }

  private static String fmap(Map<String, Double> m) {
    return String.join(
        ", ", m.entrySet().stream().map(e -> e.getKey() + " " + f(e.getValue())).toList());
  }

  private static String fmapInt(Map<String, Integer> m) {
    return String.join(
        ", ", m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  private static String fmapLong(Map<String, Long> m) {
    return String.join(
        ", ", m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }
}
