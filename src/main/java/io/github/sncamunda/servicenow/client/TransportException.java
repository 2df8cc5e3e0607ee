package io.github.sncamunda.servicenow.client;

import java.io.IOException;

/** A failure below HTTP, classified by whether the request can have reached ServiceNow. */
final class TransportException extends Exception {

  enum Kind {
    /** No connection was made: the request never left this process. */
    CONNECT_FAILED,
    /**
     * Connected, but the connection broke before a response: the request may have been processed.
     */
    NO_RESPONSE,
    /** No response within the response timeout: the request may have been processed. */
    TIMEOUT,
    /** The response was cut off or malformed. */
    BROKEN_RESPONSE,
    /** The response is larger than allowed. */
    TOO_LARGE,
    /** Streamed content (an attachment, either way) went past its limit. */
    CONTENT_TOO_LARGE,
    /** The forward proxy wants credentials or refused them (407): nothing reached ServiceNow. */
    PROXY_AUTHENTICATION,
    /** The forward proxy refused the tunnel (403, 502, …): nothing reached ServiceNow. */
    PROXY_REFUSED,
    /** The TLS handshake failed: certificates, trust or host name; nothing was processed. */
    TLS
  }

  private final Kind kind;

  TransportException(Kind kind, String message, IOException cause) {
    super(message, cause);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
