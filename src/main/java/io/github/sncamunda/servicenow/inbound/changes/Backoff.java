package io.github.sncamunda.servicenow.inbound.changes;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * When a poller polls next: every interval while ServiceNow answers; after failures exponentially
 * later (interval × 2^failures, capped, with jitter so replicas spread out), and never sooner than
 * a {@code Retry-After} asked for. An outage or a rate limit slows the poller down, it never
 * hammers.
 */
public final class Backoff {

  private final Duration interval;
  private final Duration max;
  private final Supplier<RandomGenerator> random;
  private int failures;

  public Backoff(Duration interval, Duration max, Supplier<RandomGenerator> random) {
    this.interval = interval;
    this.max = max.compareTo(interval) >= 0 ? max : interval;
    this.random = random;
  }

  public Duration afterSuccess() {
    failures = 0;
    return interval;
  }

  /** The wait after a failed poll; {@code requested} is a server's Retry-After, if any. */
  public Duration afterFailure(Optional<Duration> requested) {
    failures++;
    long base = interval.toMillis();
    long cap = Math.min(max.toMillis(), base << Math.min(failures, 20));
    // between half and all of the cap: always slower than polling, spread over replicas
    long delay = cap / 2 + random.get().nextLong(cap / 2 + 1);
    Duration wait = Duration.ofMillis(Math.max(delay, base));
    return requested.filter(r -> r.compareTo(wait) > 0).orElse(wait);
  }

  public int failures() {
    return failures;
  }
}
