package io.github.sncamunda.servicenow.common;

/**
 * Stable {@code error.code} values a BPMN {@code errorExpression} can match. HTTP failures use the
 * status as a string ("404", "429", …), the convention of Camunda's REST-based templates.
 */
public final class ErrorCodes {

  /** No response within the response timeout; the request may or may not have been processed. */
  public static final String TIMEOUT = "TIMEOUT";

  /** No connection could be made, or it broke before a complete response arrived. */
  public static final String CONNECTION_FAILED = "CONNECTION_FAILED";

  /** A response ServiceNow's APIs never give: HTML instead of JSON, truncated or malformed. */
  public static final String INVALID_RESPONSE = "INVALID_RESPONSE";

  /** The response body is larger than the configured cap; it was not read. */
  public static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

  /**
   * An attachment is larger than the allowed maximum size; checked before an upload from the
   * document's size and while streaming either way, so the rest is never transferred.
   */
  public static final String ATTACHMENT_TOO_LARGE = "ATTACHMENT_TOO_LARGE";

  /** The OAuth token endpoint refused the credentials or could not be used. */
  public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";

  private ErrorCodes() {}
}
