package io.github.sncamunda.servicenow.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait a response asks for: {@code Retry-After} as seconds or an HTTP date, else ServiceNow's
 * {@code X-RateLimit-Reset} (epoch seconds) on a 429.
 */
final class RetryAfter {

  private RetryAfter() {}

  static Optional<Duration> of(RawResponse response, Clock clock) {
    Optional<Duration> retryAfter = parse(response.header("retry-after"), clock);
    if (retryAfter.isPresent() || response.status() != 429) {
      return retryAfter;
    }
    return epochSeconds(response.header("x-ratelimit-reset"), clock);
  }

  static Optional<Duration> parse(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Duration> epochSeconds(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(value.trim()));
      return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
