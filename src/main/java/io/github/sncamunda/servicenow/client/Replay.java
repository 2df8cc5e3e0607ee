package io.github.sncamunda.servicenow.client;

/**
 * Who may send a request again when its outcome is unknown (it was sent, and the connection broke,
 * the answer timed out or a gateway answered 502/504): ServiceNow may or may not have done it.
 */
public enum Replay {
  /** Repeating it cannot duplicate work (a read, a PUT, a DELETE): the client itself may resend. */
  ANY,
  /**
   * The request carries a {@link Verification}: after an unknown outcome the client looks in
   * ServiceNow for what it would have done, reports it when found and sends it again only when not
   * (a journal entry, a marked create, a catalog order).
   */
  LOOK_FIRST,
  /**
   * The client does not resend it, but a retried job may: the operation looks before it writes (a
   * Correlation ID, an attachment of the same name and size), or repeating it is harmless across
   * calls (a token request).
   */
  BY_JOB_RETRY,
  /**
   * Nothing sends it again: a retried job would repeat the work (a journal entry appends, a flow
   * starts again, an order is placed twice), so the job fails without retries and says why.
   */
  NEVER;

  /** The default for a method: reads and idempotent writes may be resent, other writes never. */
  static Replay of(HttpMethod method) {
    return method.idempotent() ? ANY : NEVER;
  }
}
