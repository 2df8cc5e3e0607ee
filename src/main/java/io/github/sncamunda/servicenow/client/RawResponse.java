package io.github.sncamunda.servicenow.client;

import java.util.Locale;
import java.util.Map;

/**
 * What came back on the wire: status, lower-cased headers (never Set-Cookie) and the body bytes,
 * or, for a streamed download, what the content consumer made of the body ({@code content}).
 */
record RawResponse(int status, Map<String, String> headers, byte[] body, Object content) {

  RawResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, headers, body, null);
  }

  String header(String name) {
    return headers.get(name);
  }

  String contentType() {
    String value = headers.get("content-type");
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }
}
