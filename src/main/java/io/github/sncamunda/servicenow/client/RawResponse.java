package io.github.sncamunda.servicenow.client;

import java.util.Map;

/**
 * What came back on the wire: status, lower-cased headers (never Set-Cookie) and the body bytes.
 */
record RawResponse(int status, Map<String, String> headers, byte[] body) {

  String header(String name) {
    return headers.get(name);
  }

  String contentType() {
    String value = headers.get("content-type");
    return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
  }

  boolean successful() {
    return status >= 200 && status < 300;
  }
}
