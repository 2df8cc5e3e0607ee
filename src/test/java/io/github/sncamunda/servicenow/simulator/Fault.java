package io.github.sncamunda.servicenow.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A failure the simulator injects instead of (or around) normal processing; see {@link
 * ServiceNowSimulator#failNext}.
 */
public sealed interface Fault {

  /** Answers {@code status} with {@code body} (not processed). */
  record Status(int status, String contentType, String body, Map<String, String> headers)
      implements Fault {
    public Status {
      headers = Map.copyOf(headers);
    }

    Reply reply() {
      return new Reply(
          status,
          contentType,
          body == null ? Reply.EMPTY : body.getBytes(StandardCharsets.UTF_8),
          headers);
    }
  }

  /**
   * Processes the request normally (e.g. creates the incident), then closes the connection without
   * any response.
   */
  record DropAfterProcessing() implements Fault {}

  /** Closes the connection without processing the request or answering. */
  record DropBeforeProcessing() implements Fault {}

  /** Waits, then processes and answers normally. */
  record Delay(Duration delay) implements Fault {}

  /**
   * Processes the request (a write is committed), then waits before answering: a client with a
   * shorter timeout gives up on a write that happened.
   */
  record AnswerLate(Duration delay) implements Fault {}

  /**
   * A stable text for this fault (the same in every JVM, unlike {@code toString()} of a map), used
   * to order a fault mix reproducibly.
   */
  default String describe() {
    return switch (this) {
      case Status s ->
          "status "
              + s.status()
              + " "
              + s.contentType()
              + " "
              + new TreeMap<>(s.headers())
              + " "
              + s.body();
      case DropAfterProcessing d -> "drop after processing";
      case DropBeforeProcessing d -> "drop before processing";
      case Delay d -> "delay " + d.delay().toMillis();
      case AnswerLate a -> "answer late " + a.delay().toMillis();
    };
  }

  static Fault status(int status, String json) {
    return new Status(status, ServiceNowSimulator.JSON, json, Map.of());
  }

  static Fault status(int status, String contentType, String body, Map<String, String> headers) {
    return new Status(status, contentType, body, headers);
  }

  /** ServiceNow's rate-limit answer: 429, {@code Retry-After} in seconds and the error envelope. */
  static Fault tooManyRequests(int retryAfterSeconds) {
    return new Status(
        429,
        ServiceNowSimulator.JSON,
        SimJson.envelope(
            "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded"),
        Map.of("Retry-After", Integer.toString(retryAfterSeconds), "X-RateLimit-Limit", "100"));
  }

  /** 500 with the error envelope. */
  static Fault serverError() {
    return new Status(
        500,
        ServiceNowSimulator.JSON,
        SimJson.envelope(
            "Internal Server Error", "Transaction cancelled: maximum execution time exceeded"),
        Map.of());
  }

  /** 503 with an HTML page, as a hibernating instance or a proxy answers. */
  static Fault serviceUnavailableHtml() {
    return new Status(
        503,
        "text/html;charset=UTF-8",
        "<html><head><title>Instance Hibernating page</title></head><body>Your instance is"
            + " hibernating</body></html>",
        Map.of());
  }

  static Fault dropAfterProcessing() {
    return new DropAfterProcessing();
  }

  static Fault dropBeforeProcessing() {
    return new DropBeforeProcessing();
  }

  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  static Fault answerLate(Duration delay) {
    return new AnswerLate(delay);
  }
}
