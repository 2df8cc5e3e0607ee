package io.github.sncamunda.servicenow.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Capacity: a closed loop that keeps a fixed number of process instances in flight (a new one for
 * each that ends), so the replicas always have work, and measures how many instances end per second
 * once that number is stable.
 *
 * <p>Warm-up: completions are counted in 5 s windows until three windows in a row stay within ±10 %
 * of their mean (after at least {@code minWarmup}, at most {@code maxWarmup}); the report says
 * which happened. Then one measurement window of {@code measure}.
 */
final class CapacityProbe {

  /** One warm-up window. */
  record Window(double seconds, int ended, double perSecond) {}

  /** What the measurement window saw. */
  record Capacity(
      int inFlight,
      List<Window> warmup,
      String stability,
      double measureSeconds,
      int ended,
      double instancesPerSecond,
      double apiRequestsPerSecond,
      Map<String, Double> jobsPerSecondByReplica,
      Percentiles durationMs,
      Map<String, Double> cpuSecondsByProcess,
      Map<String, Double> executorActiveByReplica) {}

  private CapacityProbe() {}

  static Capacity run(
      ScaleRun run, int inFlight, Duration minWarmup, Duration maxWarmup, Duration measure) {
    run.loadStarting();
    List<Window> windows = new ArrayList<>();
    long begin = System.nanoTime();
    String stability = "not stable within " + maxWarmup.toSeconds() + " s; measured anyway";
    while (true) {
      long windowStart = System.nanoTime();
      int before = run.terminal();
      keepInFlight(run, inFlight, Duration.ofSeconds(5), null);
      int done = run.terminal() - before;
      double secs = (System.nanoTime() - windowStart) / 1e9;
      windows.add(new Window(secs, done, done / secs));
      run.progress("warm-up window " + windows.size() + ": " + Percentiles.fmt(done / secs) + "/s");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
      if (windows.size() >= 3 && elapsed.compareTo(minWarmup) >= 0) {
        List<Window> last = windows.subList(windows.size() - 3, windows.size());
        double mean = last.stream().mapToDouble(Window::perSecond).average().orElse(0);
        double spread =
            last.stream().mapToDouble(w -> Math.abs(w.perSecond() - mean) / mean).max().orElse(1);
        if (mean > 0 && spread <= 0.10) {
          stability =
              "stable after "
                  + windows.size()
                  + " windows of 5 s ("
                  + elapsed.toSeconds()
                  + " s): the last three within ±"
                  + Math.round(spread * 100)
                  + " % of their mean, "
                  + Percentiles.fmt(mean)
                  + "/s";
          break;
        }
      }
      if (elapsed.compareTo(maxWarmup) >= 0) {
        break;
      }
    }
    Map<String, Double> jobsBefore = run.jobsHandledByReplica();
    Map<String, Duration> cpuBefore = run.cpu();
    long apiBefore = run.apiRequests();
    Instant from = Instant.now();
    long measureBegin = System.nanoTime();
    int before = run.terminal();
    ThreadSamples threads = new ThreadSamples();
    keepInFlight(run, inFlight, measure, threads);
    double secs = (System.nanoTime() - measureBegin) / 1e9;
    int ended = run.terminal() - before;
    Instant to = Instant.now();
    Map<String, Double> jobsPerSecond = new TreeMap<>();
    run.jobsHandledByReplica()
        .forEach((r, n) -> jobsPerSecond.put(r, (n - jobsBefore.getOrDefault(r, 0.0)) / secs));
    Map<String, Double> cpuSeconds = new TreeMap<>();
    run.cpu()
        .forEach(
            (p, d) ->
                cpuSeconds.put(
                    p, (d.toMillis() - cpuBefore.getOrDefault(p, Duration.ZERO).toMillis()) / 1e3));
    Capacity capacity =
        new Capacity(
            inFlight,
            windows,
            stability,
            secs,
            ended,
            ended / secs,
            (run.apiRequests() - apiBefore) / secs,
            jobsPerSecond,
            run.durationsEndedBetween(from, to),
            cpuSeconds,
            threads.activeMean());
    run.loadEnded();
    run.awaitTerminal(Duration.ofSeconds(60));
    return capacity;
  }

  /** Tops up to {@code inFlight} running instances until {@code time} has passed. */
  private static void keepInFlight(
      ScaleRun run, int inFlight, Duration time, ThreadSamples threads) {
    long end = System.nanoTime() + time.toNanos();
    long nextSample = System.nanoTime();
    while (System.nanoTime() < end) {
      int running = run.started() - run.terminal();
      for (int i = running; i < inFlight; i++) {
        run.startOne();
      }
      if (threads != null && System.nanoTime() >= nextSample) {
        threads.sample(run.replicas());
        nextSample += 1_000_000_000L;
      }
      Replica.sleep(20);
    }
  }
}
