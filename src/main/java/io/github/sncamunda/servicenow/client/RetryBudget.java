package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.client.ClientSettings.RetrySettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Tracks one call's attempts and waiting time and decides how long to wait before the next send.
 */
final class RetryBudget {

  /** What to do after a retryable failure. */
  sealed interface Decision {
    record Retry(Duration delay) implements Decision {}

    /** The server wants a longer pause than this call may block: hand it to Zeebe. */
    record Defer(Duration delay) implements Decision {}

    record GiveUp() implements Decision {}
  }

  private final RetrySettings settings;
  private final RandomGenerator random;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private int attempts = 1;

  RetryBudget(RetrySettings settings, RandomGenerator random, LongSupplier nanoTime) {
    this.settings = settings;
    this.random = random;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  Decision next(Optional<Duration> requested) {
    Duration remaining = settings.budget().minusNanos(nanoTime.getAsLong() - startNanos);
    if (requested.isPresent() && requested.get().compareTo(remaining) > 0) {
      return new Decision.Defer(requested.get());
    }
    if (attempts >= settings.maxAttempts()) {
      return new Decision.GiveUp();
    }
    Duration delay = requested.orElseGet(this::jitteredBackoff);
    if (delay.compareTo(remaining) > 0) {
      return new Decision.GiveUp();
    }
    attempts++;
    return new Decision.Retry(delay);
  }

  int attempts() {
    return attempts;
  }

  /** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
  private Duration jitteredBackoff() {
    long base = settings.baseDelay().toMillis();
    long cap = Math.min(settings.maxDelay().toMillis(), base << Math.min(attempts - 1, 20));
    return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
  }
}
