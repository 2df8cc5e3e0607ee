package io.github.sncamunda.servicenow.inbound.webhook;

/** What {@link SignatureVerifier} decided about one call. */
public sealed interface Verdict {

  /** The signature is good and the timestamp inside the window. */
  record Accepted(long timestamp) implements Verdict {}

  /**
   * Refused. The reason is for the runtime's own log and the tests; the caller only ever gets a
   * bare 401, so it cannot tell a stale call from a wrong secret.
   */
  record Rejected(Reason reason) implements Verdict {}

  enum Reason {
    MISSING_HEADER,
    MALFORMED_TIMESTAMP,
    MALFORMED_SIGNATURE,
    TOO_OLD,
    TOO_NEW,
    MISMATCH
  }
}
