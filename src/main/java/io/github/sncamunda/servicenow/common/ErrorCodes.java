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

  /**
   * The forward proxy answered 407 to the tunnel request: it wants credentials, or refused the ones
   * in {@code CONNECTOR_HTTPS_PROXY_USER}/{@code CONNECTOR_HTTPS_PROXY_PASSWORD}.
   */
  public static final String PROXY_AUTHENTICATION_FAILED = "PROXY_AUTHENTICATION_FAILED";

  /** The forward proxy refused to open a tunnel to ServiceNow (403, 502, …); nothing was sent. */
  public static final String PROXY_REFUSED = "PROXY_REFUSED";

  /**
   * The TLS handshake failed: a server certificate that is not trusted, expired or for another
   * host, or a client certificate that is missing, expired or refused.
   */
  public static final String TLS_FAILED = "TLS_FAILED";

  private ErrorCodes() {}
}
