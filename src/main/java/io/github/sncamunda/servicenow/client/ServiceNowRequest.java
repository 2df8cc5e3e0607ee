package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to ServiceNow. Path segments are raw values, encoded once by the client; query and
 * headers keep their order. {@code acceptText} lets a non-JSON success through as text (a scripted
 * REST API may answer text; the Table API always answers JSON, so there it is an {@code
 * INVALID_RESPONSE}). {@code emptyWhenNoRecord} makes ServiceNow's 404 "No Record found" an empty
 * outcome instead of an error (a query that matched nothing). {@code content} streams the body from
 * its source instead (an attachment upload). {@code replay} says who may send it again when its
 * outcome is unknown (see {@link Replay}); by default reads and idempotent writes may be resent,
 * other writes never. {@code verification} is how a {@link Replay#LOOK_FIRST} request is checked.
 */
public record ServiceNowRequest(
    HttpMethod method,
    List<String> pathSegments,
    Map<String, String> query,
    Map<String, String> headers,
    JsonNode body,
    StreamContent content,
    boolean acceptText,
    boolean emptyWhenNoRecord,
    Replay replay,
    Verification verification) {

  public ServiceNowRequest {
    Objects.requireNonNull(replay, "replay");
    if ((replay == Replay.LOOK_FIRST) != (verification != null)) {
      throw new IllegalArgumentException(
          "a request looks first exactly when it has a verification");
    }
    pathSegments = List.copyOf(pathSegments);
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    if ((body != null || content != null) && !method.allowsBody()) {
      throw new IllegalArgumentException(method + " requests carry no body");
    }
    if (body != null && content != null) {
      throw new IllegalArgumentException("a request carries JSON or streamed content, not both");
    }
  }

  public static Builder builder(HttpMethod method, String... pathSegments) {
    return new Builder(method, List.of(pathSegments));
  }

  /** The path for logs and messages: segments only, never the query (it may hold user data). */
  public String describe() {
    return method + " /" + String.join("/", pathSegments);
  }

  public static final class Builder {
    private final HttpMethod method;
    private final List<String> segments;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode body;
    private StreamContent content;
    private boolean acceptText;
    private boolean emptyWhenNoRecord;
    private Replay replay;
    private Verification verification;

    private Builder(HttpMethod method, List<String> segments) {
      this.method = method;
      this.replay = Replay.of(method);
      this.segments = new ArrayList<>(segments);
    }

    public Builder segment(String segment) {
      segments.add(segment);
      return this;
    }

    public Builder query(String name, String value) {
      if (value != null) {
        query.put(name, value);
      }
      return this;
    }

    public Builder queries(Map<String, String> values) {
      values.forEach(this::query);
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder headers(Map<String, String> values) {
      headers.putAll(values);
      return this;
    }

    public Builder body(JsonNode value) {
      body = value;
      return this;
    }

    /** Streams the body from its source instead of sending JSON. */
    public Builder content(StreamContent value) {
      content = value;
      return this;
    }

    public Builder acceptText() {
      acceptText = true;
      return this;
    }

    /** ServiceNow's 404 "No Record found" is an empty result here, not an error. */
    public Builder emptyWhenNoRecord() {
      emptyWhenNoRecord = true;
      return this;
    }

    /** Who may send it again when its outcome is unknown; see {@link Replay}. */
    public Builder replay(Replay value) {
      replay = value;
      verification = null;
      return this;
    }

    /** After an unknown outcome, look with {@code value} before sending it again. */
    public Builder lookFirst(Verification value) {
      replay = Replay.LOOK_FIRST;
      verification = Objects.requireNonNull(value, "verification");
      return this;
    }

    public ServiceNowRequest build() {
      return new ServiceNowRequest(
          method,
          segments,
          query,
          headers,
          body,
          content,
          acceptText,
          emptyWhenNoRecord,
          replay,
          verification);
    }
  }
}
