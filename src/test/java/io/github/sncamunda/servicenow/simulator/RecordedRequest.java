package io.github.sncamunda.servicenow.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One request as the simulator received it: method, raw path (not decoded), decoded query
 * parameters (first value of each), headers with lower-case names (several values joined by ", "),
 * the body as UTF-8 text ("" when none, and for attachment uploads, which are streamed) and the
 * client's address as {@code host:port}.
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    String remoteAddress,
    Instant receivedAt) {

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
