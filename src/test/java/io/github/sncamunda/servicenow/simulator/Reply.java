package io.github.sncamunda.servicenow.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One answer: status, content type, extra headers and a body that is either bytes or, for
 * attachment downloads, written as a stream so that big files never sit in memory.
 */
record Reply(
    int status, String contentType, byte[] body, Map<String, String> headers, Content content) {

  static final byte[] EMPTY = new byte[0];

  /** A body written straight to the socket. */
  interface Content {
    long length();

    void writeTo(OutputStream out) throws IOException;
  }

  Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, headers, null);
  }

  static Reply json(int status, byte[] body) {
    return new Reply(status, ServiceNowSimulator.JSON, body, Map.of());
  }

  static Reply json(int status, String body) {
    return json(status, body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply empty(int status) {
    return new Reply(status, null, EMPTY, Map.of());
  }

  static Reply error(int status, String message, String detail) {
    return json(status, SimJson.envelope(message, detail));
  }

  static Reply notFound() {
    return error(
        404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
  }

  static Reply noSuchResource() {
    return error(400, "Requested URI does not represent any resource", null);
  }

  static Reply methodNotSupported(String detail) {
    return error(405, "Method not Supported", detail);
  }

  static Reply invalidJson() {
    return error(400, "Exception while reading request", "The payload is not valid JSON.");
  }

  Reply withHeaders(Map<String, String> extra) {
    return new Reply(status, contentType, body, extra, content);
  }

  long length() {
    return content == null ? body.length : content.length();
  }
}
