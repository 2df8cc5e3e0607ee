package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.client.ClientSettings.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The one place that decides, after every attempt, what happens next: send again now or after a
 * delay, hand a long wait to Zeebe, or stop. The write-safety rule: a request is sent again only
 * when the outcome proves ServiceNow did not process it (429, 503, no connection made), or when
 * repeating it is harmless (GET, PUT, DELETE after 502, 504 or a broken connection). A timeout, a
 * cut-off or oversized answer is never retried here.
 */
final class RetryPolicy {

  /** What to do after an attempt. */
  sealed interface Decision {

    /** This outcome is final for the call: return the answer, or fail with the error. */
    record Stop() implements Decision {}

    record Retry(Duration delay) implements Decision {}

    /** The server wants a longer pause than a call may block a thread: hand it to Zeebe. */
    record Defer(Duration delay) implements Decision {}
  }

  private static final Decision STOP = new Decision.Stop();

  private final RetrySettings settings;
  private final Clock clock;
  private final Supplier<RandomGenerator> random;
  private final LongSupplier nanoTime;

  RetryPolicy(
      RetrySettings settings,
      Clock clock,
      Supplier<RandomGenerator> random,
      LongSupplier nanoTime) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.nanoTime = nanoTime;
  }

  /** The attempts of one exchange. */
  Attempts start(boolean repeatable) {
    return new Attempts(repeatable, nanoTime.getAsLong());
  }

  /** One exchange's attempts so far and the waiting budget left. */
  final class Attempts {
    private final boolean repeatable;
    private final long startNanos;
    private int number = 1;

    private Attempts(boolean repeatable, long startNanos) {
      this.repeatable = repeatable;
      this.startNanos = startNanos;
    }

    /** The attempt that just ran (1 for the first send). */
    int number() {
      return number;
    }

    int maxAttempts() {
      return settings.maxAttempts();
    }

    Decision after(RawResponse response) {
      int status = response.status();
      boolean notProcessed = status == 429 || status == 503;
      boolean gatewayFailed = status == 502 || status == 504;
      if (!notProcessed && !(gatewayFailed && repeatable)) {
        return STOP;
      }
      return schedule(RetryAfter.of(response, clock));
    }

    Decision after(TransportException failure) {
      boolean safe =
          switch (failure.kind()) {
            // a refused tunnel (502 from a busy proxy, …) never reached ServiceNow either
            case CONNECT_FAILED, PROXY_REFUSED -> true;
            case NO_RESPONSE -> repeatable;
            // credentials and certificates do not heal within a call, nor files shrink
            case TIMEOUT,
                BROKEN_RESPONSE,
                TOO_LARGE,
                CONTENT_TOO_LARGE,
                PROXY_AUTHENTICATION,
                TLS ->
                false;
          };
      return safe ? schedule(Optional.empty()) : STOP;
    }

    private Decision schedule(Optional<Duration> requested) {
      Duration remaining = settings.budget().minusNanos(nanoTime.getAsLong() - startNanos);
      if (requested.isPresent() && requested.get().compareTo(remaining) > 0) {
        return new Decision.Defer(requested.get());
      }
      if (number >= settings.maxAttempts()) {
        return STOP;
      }
      Duration delay = requested.orElseGet(this::jitteredBackoff);
      if (delay.compareTo(remaining) > 0) {
        return STOP;
      }
      number++;
      return new Decision.Retry(delay);
    }

    /** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
    private Duration jitteredBackoff() {
      long base = settings.baseDelay().toMillis();
      long cap = Math.min(settings.maxDelay().toMillis(), base << Math.min(number - 1, 20));
      return Duration.ofMillis(cap <= 0 ? 0 : random.get().nextLong(cap + 1));
    }
  }
}
