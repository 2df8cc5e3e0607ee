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
    return to(HttpMethod.POST, tokenUrl, call)
        .headers(Map.of("Accept", ACCEPT_JSON))
        .body(new Body.Bytes(form, FORM_BODY))
        .timeout(timeout)
        .replay(Replay.BY_JOB_RETRY, null)
        .sensitive()
        .build();
  }

  /** The first step of building an exchange: what is called, and how messages name it. */
  static Builder to(HttpMethod method, URI uri, String call) {
    return new Builder(method, uri, call);
  }

  Exchange withDownload(Download<?> consumer) {
    Builder copy =
        to(method, uri, call)
            .endpoint(endpoint)
            .query(query)
            .headers(headers)
            .body(body)
            .timeout(timeout)
            .replay(replay, verification)
            .acceptText(acceptText)
            .emptyWhenNoRecord(emptyWhenNoRecord)
            .download(consumer);
    return (sensitive ? copy.sensitive() : copy).build();
  }

  /** Builds an {@link Exchange} step by named step; unset parts are empty or off. */
  static final class Builder {
    private final HttpMethod method;
    private final URI uri;
    private final String call;
    private ServiceNowEndpoint endpoint;
    private Map<String, String> query = Map.of();
    private Map<String, String> headers = Map.of();
    private Body body = new Body.None();
    private Duration timeout;
    private Replay replay;
    private Verification verification;
    private boolean acceptText;
    private boolean emptyWhenNoRecord;
    private boolean sensitive;
    private Download<?> download;

    private Builder(HttpMethod method, URI uri, String call) {
      this.method = method;
      this.uri = uri;
      this.call = call;
      this.replay = Replay.of(method);
    }

    Builder endpoint(ServiceNowEndpoint value) {
      endpoint = value;
      return this;
    }

    Builder query(Map<String, String> value) {
      query = value;
      return this;
    }

    Builder headers(Map<String, String> value) {
      headers = value;
      return this;
    }

    Builder body(Body value) {
      body = value;
      return this;
    }

    Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    Builder replay(Replay value, Verification check) {
      replay = value;
      verification = check;
      return this;
    }

    Builder acceptText(boolean value) {
      acceptText = value;
      return this;
    }

    Builder emptyWhenNoRecord(boolean value) {
      emptyWhenNoRecord = value;
      return this;
    }

    /** Bodies are never logged (the token exchange). */
    Builder sensitive() {
      sensitive = true;
      return this;
    }

    Builder download(Download<?> value) {
      download = value;
      return this;
    }

    Exchange build() {
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
          download);
    }
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
