package io.github.sncamunda.servicenow.scale;

import io.github.sncamunda.servicenow.simulator.LogEntry;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one run, for the report; {@link #of} gathers them after the check. */
record RunFigures(
    ScaleRun.Settings settings,
    int started,
    int completed,
    int incidents,
    int unfinished,
    double windowSeconds,
    double instancesPerSecond,
    Map<String, Double> jobsPerSecondByReplica,
    Map<String, Double> jobsByReplica,
    Percentiles durationMs,
    long apiRequests,
    double apiRequestsPerInstance,
    Map<String, Long> requestsByStep,
    long tokenRequests,
    RunFacts.TokenBound tokenBound,
    int connections,
    long jobsTimedOut,
    Map<String, Integer> writtenMoreThanOnce,
    RunChecker.Verdict verdict,
    Map<String, Integer> engineRejections,
    int createRetries,
    Map<String, Double> cpuSeconds,
    int kills,
    int revocations,
    long startupMillis,
    Map<String, Long> jobEvents,
    Percentiles jobAttemptMs,
    Map<String, Integer> incidentsByStep,
    Map<String, Long> looks,
    Map<String, Integer> writtenTwiceAcrossTimeout) {

  /**
   * Instances per second end to end: completed instances over the time from the first start to the
   * last end. Per replica: jobs it handled (completed or failed) over the same time. Durations from
   * the engine's own timestamps (process activated → completed), incidents excluded.
   */
  static RunFigures of(ScaleRun run, RunChecker.Verdict verdict) {
    List<Double> durations = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    int completed = 0;
    int incidents = 0;
    Map<String, Integer> incidentsByStep = new TreeMap<>();
    for (Step step : Step.values()) {
      incidentsByStep.put(step.name().toLowerCase(Locale.ROOT), 0);
    }
    for (EngineWatcher.Instance i : run.instances()) {
      if (i == null || i.started == null) {
        continue;
      }
      first = first == null || i.started.isBefore(first) ? i.started : first;
      if (i.ended != null) {
        completed++;
        durations.add((double) Duration.between(i.started, i.ended).toMillis());
        last = last == null || i.ended.isAfter(last) ? i.ended : last;
      } else if (i.incidentMessage != null) {
        incidents++;
        Step step = Step.ofElement(i.incidentElement);
        incidentsByStep.merge(
            step == null ? "other" : step.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
    }
    double window =
        first == null || last == null ? 0 : Duration.between(first, last).toMillis() / 1e3;

    ServiceNowSimulator servicenow = run.servicenow();
    Map<String, String> keyOfIncident = new HashMap<>();
    servicenow
        .incidents()
        .forEach(r -> keyOfIncident.put(r.get("sys_id"), r.get("correlation_id")));
    Map<String, Long> byStep = new TreeMap<>();
    for (LogEntry e : servicenow.requestLog()) {
      Step.Target t = Step.of(e, keyOfIncident);
      String label =
          t == null
              ? (e.path().startsWith("/oauth_token.do") ? "token" : "other")
              : t.step().name().toLowerCase(Locale.ROOT) + " " + e.method();
      byStep.merge(label, 1L, Long::sum);
    }
    Map<String, Integer> writtenTwice = writtenMoreThanOnce(servicenow);

    Map<String, Double> jobs = run.jobsHandledByReplica();
    Map<String, Double> perReplica = new TreeMap<>();
    jobs.forEach((r, n) -> perReplica.put(r, window > 0 ? n / window : 0));

    Map<String, Long> jobEvents = new TreeMap<>();
    Map<Long, Instant> activatedAt = new HashMap<>();
    List<Double> attempts = new ArrayList<>();
    for (EngineWatcher.JobEvent j : run.watcher().jobs()) {
      jobEvents.merge(j.intent(), 1L, Long::sum);
      switch (j.intent()) {
        case "ACTIVATED" -> activatedAt.put(j.jobKey(), j.at());
        case "COMPLETED", "FAILED", "TIMED_OUT" -> {
          Instant from = activatedAt.remove(j.jobKey());
          if (from != null) {
            attempts.add((double) Duration.between(from, j.at()).toMillis());
          }
        }
        default -> {}
      }
    }
    long api = servicenow.requestCountByPrefix(null, "/api/");
    int started = run.started();
    return new RunFigures(
        run.settings(),
        started,
        completed,
        incidents,
        verdict.lost(),
        window,
        window > 0 ? completed / window : 0,
        perReplica,
        jobs,
        Percentiles.of(durations),
        api,
        started == 0 ? 0 : (double) api / started,
        byStep,
        servicenow.tokenRequests(),
        run.tokenBound(),
        servicenow.acceptedConnections(),
        jobEvents.getOrDefault("TIMED_OUT", 0L),
        writtenTwice,
        verdict,
        run.watcher().rejections(),
        run.createRetries(),
        run.cpuSecondsSinceStart(),
        run.kills().size(),
        run.revocations(),
        run.startupMillis(),
        jobEvents,
        Percentiles.of(attempts),
        incidentsByStep,
        run.looks(),
        writtenTwiceAcrossTimeout(run.facts()));
  }

  /**
   * Of the tasks ServiceNow holds twice, those whose two committed writes lie on either side of a
   * job timeout: the first sent by a replica that was killed before it completed the job, the
   * second by the job's next activation. Anything else doubled has another cause.
   */
  static Map<String, Integer> writtenTwiceAcrossTimeout(RunFacts facts) {
    Map<Step.Target, List<Instant>> committed = new HashMap<>();
    for (LogEntry e : facts.requests()) {
      Step.Target t = Step.of(e, facts.keyOfIncident());
      if (t != null && Step.write(e) && e.processed()) {
        committed.computeIfAbsent(t, k -> new ArrayList<>()).add(e.receivedAt());
      }
    }
    Map<String, Integer> out = new TreeMap<>();
    committed.forEach(
        (target, times) -> {
          List<Instant> sorted = times.stream().sorted().toList();
          for (int i = 1; i < sorted.size(); i++) {
            Instant from = sorted.get(i - 1);
            Instant to = sorted.get(i);
            if (facts.timeouts().stream().anyMatch(x -> x.isAfter(from) && x.isBefore(to))) {
              out.merge(target.step().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
              return;
            }
          }
        });
    return out;
  }

  /**
   * At-least-once across Zeebe retries, counted in what ServiceNow holds: Correlation IDs with more
   * than one incident, flows started more than once for one {@code correlationValue}, incidents
   * with more than one work note.
   */
  static Map<String, Integer> writtenMoreThanOnce(ServiceNowSimulator servicenow) {
    Map<String, Integer> out = new TreeMap<>();
    Map<String, Integer> incidents = new HashMap<>();
    servicenow.incidents().stream()
        .map(r -> r.get("correlation_id"))
        .filter(k -> k != null && !k.isEmpty()) // keyless incidents fail RunChecker instead
        .forEach(k -> incidents.merge(k, 1, Integer::sum));
    int creates = (int) incidents.values().stream().filter(n -> n > 1).count();
    Map<String, Integer> flows = new HashMap<>();
    servicenow
        .flowCalls()
        .forEach(
            c -> flows.merge(String.valueOf(c.bodyField("correlationValue")), 1, Integer::sum));
    int flowTwice = (int) flows.values().stream().filter(n -> n > 1).count();
    int notesTwice =
        (int)
            servicenow.incidents().stream()
                .filter(r -> servicenow.journal(r.get("sys_id")).size() > 1)
                .count();
    out.put("create", creates);
    out.put("flow", flowTwice);
    out.put("note", notesTwice);
    out.values().removeIf(n -> n == 0);
    return out;
  }

  String summary() {
    return settings.name()
        + ": "
        + completed
        + "/"
        + started
        + " completed, "
        + incidents
        + " incidents, "
        + unfinished
        + " unfinished; "
        + Percentiles.fmt(instancesPerSecond)
        + " instances/s; duration ms "
        + durationMs
        + "; "
        + Percentiles.fmt(apiRequestsPerInstance)
        + " requests/instance; tokens "
        + tokenRequests
        + " (bound "
        + tokenBound.value()
        + "); connections "
        + connections
        + "; jobs timed out "
        + jobsTimedOut
        + "; job attempts ms "
        + jobAttemptMs
        + "; jobs by replica "
        + jobsByReplica
        + "; CPU s "
        + cpuSeconds
        + "; violations "
        + verdict.violations().size();
  }
}
