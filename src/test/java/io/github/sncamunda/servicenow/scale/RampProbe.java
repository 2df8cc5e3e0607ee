package io.github.sncamunda.servicenow.scale;

import io.github.sncamunda.servicenow.simulator.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the limit is: open-loop load in steps of rising rate, each {@code step} long, until a step
 * ends with the backlog still growing (fewer instances ended than started, and more than two
 * seconds' worth still open). Each step records the candidates for "what gave": the simulator (its
 * time per request and how many it worked on at once), the replicas' job threads (how many ran),
 * the engine (how long a create-instance command took to be accepted), and the CPU each process,
 * each part of the harness JVM and the whole machine used.
 */
final class RampProbe {

  /** One rate step. */
  record Step(
      double targetPerSecond,
      double startedPerSecond,
      double endedPerSecond,
      int backlog,
      Percentiles durationMs,
      Percentiles servicenowMs,
      int servicenowMaxConcurrent,
      Percentiles createCommandMs,
      Map<String, Double> executorActive,
      Map<String, Double> cpuCores,
      Map<String, Double> harnessCores,
      double machineBusy) {

    boolean saturated() {
      return endedPerSecond < 0.9 * startedPerSecond && backlog > 2 * targetPerSecond;
    }
  }

  private RampProbe() {}

  static List<Step> run(ScaleRun run, List<Double> rates, Duration step) {
    run.loadStarting();
    List<Step> steps = new ArrayList<>();
    for (double rate : rates) {
      Instant from = Instant.now();
      long begin = System.nanoTime();
      int startedBefore = run.started();
      int endedBefore = run.terminal();
      int createSamplesBefore = run.createLatenciesMs().size();
      Map<String, Duration> cpuBefore = run.cpu();
      MachineCpu machineBefore = MachineCpu.now();
      Map<Long, Map.Entry<String, Long>> threadsBefore = HarnessThreads.sample();
      ThreadSamples threads = new ThreadSamples();
      long n = 0;
      long nextSample = begin + 1_000_000_000L;
      while (System.nanoTime() - begin < step.toNanos()) {
        long due = begin + (long) (n / rate * 1e9);
        if (System.nanoTime() >= due) {
          run.startOne();
          n++;
          continue;
        }
        if (System.nanoTime() >= nextSample) {
          nextSample += 1_000_000_000L;
          threads.sample(run.replicas());
        }
        long sleep = Math.min(due - System.nanoTime(), 5_000_000L);
        if (sleep > 0) {
          Replica.sleep(Math.max(1, sleep / 1_000_000));
        }
      }
      double secs = (System.nanoTime() - begin) / 1e9;
      Instant to = Instant.now();
      int startedNow = run.started() - startedBefore;
      int endedNow = run.terminal() - endedBefore;
      Map<String, Double> cores = new TreeMap<>();
      run.cpu()
          .forEach(
              (p, d) ->
                  cores.put(
                      p,
                      (d.toMillis() - cpuBefore.getOrDefault(p, Duration.ZERO).toMillis())
                          / 1e3
                          / secs));
      List<Double> creates = run.createLatenciesMs();
      List<LogEntry> log = run.servicenow().requestLog();
      Step result =
          new Step(
              rate,
              startedNow / secs,
              endedNow / secs,
              run.started() - run.terminal(),
              run.durationsEndedBetween(from, to),
              servicenowTimes(log, from, to),
              servicenowConcurrency(log, from, to),
              Percentiles.of(creates.subList(createSamplesBefore, creates.size())),
              threads.activeMean(),
              cores,
              HarnessThreads.cores(threadsBefore, HarnessThreads.sample(), secs),
              MachineCpu.now().busySince(machineBefore));
      steps.add(result);
      run.progress(
          "ramp "
              + Percentiles.fmt(rate)
              + "/s: ended "
              + Percentiles.fmt(result.endedPerSecond())
              + "/s, backlog "
              + result.backlog()
              + ", job threads running "
              + result.executorActive()
              + ", CPU cores "
              + result.cpuCores()
              + " (harness "
              + result.harnessCores()
              + ")"
              + ", machine busy "
              + Math.round(result.machineBusy() * 100)
              + " %");
      if (result.saturated()) {
        break;
      }
    }
    run.loadEnded();
    run.awaitTerminal(Duration.ofSeconds(120));
    return steps;
  }

  /** How long the simulator took per API request without a fault (from reading it to answering). */
  private static Percentiles servicenowTimes(List<LogEntry> log, Instant from, Instant to) {
    List<Double> times = new ArrayList<>();
    for (LogEntry e : log) {
      if (e.completedAt() != null
          && e.fault() == null
          && !e.receivedAt().isBefore(from)
          && e.receivedAt().isBefore(to)) {
        times.add(Duration.between(e.receivedAt(), e.completedAt()).toNanos() / 1e6);
      }
    }
    return Percentiles.of(times);
  }

  /** The most requests the simulator was working on at the same moment. */
  private static int servicenowConcurrency(List<LogEntry> log, Instant from, Instant to) {
    List<long[]> events = new ArrayList<>();
    for (LogEntry e : log) {
      if (e.completedAt() != null
          && !e.receivedAt().isBefore(from)
          && e.receivedAt().isBefore(to)) {
        events.add(new long[] {micros(e.receivedAt()), 1});
        events.add(new long[] {micros(e.completedAt()), -1});
      }
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int max = 0;
    for (long[] e : events) {
      now += (int) e[1];
      max = Math.max(max, now);
    }
    return max;
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }
}
