package io.github.sncamunda.servicenow.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One prepared exchange, immutable: everything the later stages (authenticate, send under the retry
 * policy, interpret) need, validated and serialised once. The credential is not part of it: it is
 * chosen per attempt, so a renewed token can replace a refused one.
 *
 * @param endpoint the instance called (null for the token exchange)
 * @param call how messages name this exchange: method and path, never the query
 * @param query the query parameters, kept for log lines (which redact sensitive names)
 * @param replay who may send it again when its outcome is unknown
 * @param verification how a {@link Replay#LOOK_FIRST} exchange is checked, else null
 * @param acceptText whether a non-JSON success is an answer (a scripted REST API) or an error
 * @param emptyWhenNoRecord whether ServiceNow's 404 "No Record found" means "nothing matched"
 * @param sensitive whether bodies must never be logged (the token exchange)
 * @param download how a successful body is consumed as a stream, or null to read it into memory
 */
record Exchange(
    ServiceNowEndpoint endpoint,
    HttpMethod method,
    URI uri,
    Map<String, String> query,
    Map<String, String> headers,
    Body body,
    Duration timeout,
    String call,
    Replay replay,
    Verification verification,
    boolean acceptText,
    boolean emptyWhenNoRecord,
    boolean sensitive,
    Download<?> download) {

  static final String ACCEPT_JSON = "application/json";
  static final String JSON_BODY = "application/json; charset=UTF-8";
  // what HttpCore labels a form; the bytes are URL-encoded UTF-8, so plain ASCII either way
  static final String FORM_BODY = "application/x-www-form-urlencoded; charset=ISO-8859-1";

  /** A form POST to a token endpoint: no credential header, bodies never logged. */
  static Exchange tokenRequest(URI tokenUrl, byte[] form, Duration timeout, String call) {
    return new Exchange(
        null,
        HttpMethod.POST,
        tokenUrl,
        Map.of(),
        Map.of("Accept", ACCEPT_JSON),
        new Body.Bytes(form, FORM_BODY),
        timeout,
        call,
        Replay.BY_JOB_RETRY,
        null,
        false,
        false,
        true,
        null);
  }

  Exchange withDownload(Download<?> consumer) {
    return new Exchange(
        endpoint,
        method,
        uri,
        query,
        headers,
        body,
        timeout,
        call,
        replay,
        verification,
        acceptText,
        emptyWhenNoRecord,
        sensitive,
        consumer);
  }

  /** A successful body streamed to {@code consumer}, at most {@code limit} bytes. */
  record Download<T>(ContentConsumer<T> consumer, long limit) {}

  /** What a request sends. */
  sealed interface Body {

    /** No body (GET, DELETE, or a write without content). */
    record None() implements Body {}

    /** Bytes in memory: JSON or a form; can be sent again. */
    record Bytes(byte[] bytes, String contentType) implements Body {}

    /** Streamed from its source, opened afresh for each send. */
    record Stream(StreamContent content) implements Body {}
  }
}
