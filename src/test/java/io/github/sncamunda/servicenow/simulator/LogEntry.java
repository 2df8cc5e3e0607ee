package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * What happened to one request: when it came, who it authenticated as, which fault it suffered and
 * how it ended. Enough for a checker to prove, after a load test, that no write was sent again
 * after an ambiguous failure and that no record was created twice.
 *
 * @param sequence arrival order, from 1
 * @param principal the authenticated user (the OAuth client on {@code /oauth_token.do}); null when
 *     the request never got that far
 * @param fault the fault injected, or null
 * @param status the status answered, or -1 when there was no answer
 * @param processed whether the endpoint ran and accepted it (answered below 400), so that a write
 *     may have been committed; a request it refused (a revoked token's 401) changed nothing
 * @param requestBytes body bytes read (streamed uploads included)
 * @param completedAt when the answer went out or the connection was dropped; null while pending
 * @param request method, path, query, headers and body (empty for streamed uploads)
 */
public record LogEntry(
    long sequence,
    Instant receivedAt,
    String principal,
    Fault fault,
    Outcome outcome,
    int status,
    boolean processed,
    long requestBytes,
    Instant completedAt,
    RecordedRequest request) {

  public enum Outcome {
    /** Still being handled. */
    PENDING,
    /** A status line and body went out. */
    ANSWERED,
    /** The connection was closed without an answer (by a fault, or the client had gone). */
    DROPPED
  }

  public String method() {
    return request.method();
  }

  public String path() {
    return request.path();
  }

  public Map<String, String> query() {
    return request.query();
  }

  /**
   * Whether the client cannot know if the request took effect: no answer came, or a delay fault may
   * have outlasted its timeout.
   */
  public boolean ambiguous() {
    return outcome == Outcome.DROPPED
        || fault instanceof Fault.Delay
        || fault instanceof Fault.AnswerLate;
  }

  /** A top-level member of a JSON body as text (e.g. {@code correlation_id}), or null. */
  public String bodyField(String name) {
    String body = request.body();
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode value = SimJson.MAPPER.readTree(body).get(name);
      return value == null || value.isNull() ? null : SimJson.text(value);
    } catch (IOException e) {
      return null;
    }
  }
}
