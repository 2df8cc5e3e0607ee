package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns failures into {@link ConnectorException}s a BPMN {@code errorExpression} can match: {@code
 * error.code} is the HTTP status or a named code from {@link ErrorCodes}, the message carries
 * ServiceNow's {@code error.message}/{@code detail} and what to check, and {@code
 * error.variables.response} holds status, safe headers and body. Request headers and credentials
 * are never part of any of it.
 */
final class ServiceNowErrors {

  private static final int MAX_TEXT = 2000;

  private ServiceNowErrors() {}

  static ConnectorException http(RawResponse response, String call) {
    String reason = serviceNowReason(response);
    String message =
        "ServiceNow answered "
            + response.status()
            + " to "
            + call
            + (reason.isEmpty() ? "" : ": " + reason)
            + hint(response.status());
    return new ConnectorExceptionBuilder()
        .errorCode(String.valueOf(response.status()))
        .message(message)
        .errorVariables(Map.of("response", responseVariables(response)))
        .build();
  }

  static ConnectorException invalidResponse(RawResponse response, String call, String problem) {
    return new ConnectorExceptionBuilder()
        .errorCode(ErrorCodes.INVALID_RESPONSE)
        .message("ServiceNow answered " + response.status() + " to " + call + " with " + problem)
        .errorVariables(Map.of("response", responseVariables(response)))
        .build();
  }

  static ConnectorException transport(TransportException e, String call) {
    String code =
        switch (e.kind()) {
          case CONNECT_FAILED, NO_RESPONSE -> ErrorCodes.CONNECTION_FAILED;
          case TIMEOUT -> ErrorCodes.TIMEOUT;
          case BROKEN_RESPONSE -> ErrorCodes.INVALID_RESPONSE;
          case TOO_LARGE -> ErrorCodes.RESPONSE_TOO_LARGE;
          case CONTENT_TOO_LARGE -> ErrorCodes.ATTACHMENT_TOO_LARGE;
          case PROXY_AUTHENTICATION -> ErrorCodes.PROXY_AUTHENTICATION_FAILED;
          case PROXY_REFUSED -> ErrorCodes.PROXY_REFUSED;
          case TLS -> ErrorCodes.TLS_FAILED;
        };
    String advice =
        switch (e.kind()) {
          case CONNECT_FAILED ->
              " Check the instance name or base URL and that the instance is reachable from the"
                  + " connectors runtime (firewall, proxy, VPN).";
          case NO_RESPONSE -> " The request may have reached ServiceNow; it was not sent again.";
          case TIMEOUT ->
              " The request may still complete on ServiceNow's side; raise the response timeout or"
                  + " narrow the request.";
          case BROKEN_RESPONSE -> "";
          case TOO_LARGE ->
              " Narrow the request (sysparm_fields, sysparm_limit) or raise"
                  + " SERVICENOW_MAX_RESPONSE_BYTES.";
          case CONTENT_TOO_LARGE ->
              " Raise the task's Maximum size or the runtime's SERVICENOW_MAX_ATTACHMENT_BYTES if"
                  + " the file is expected to be this large.";
          case PROXY_AUTHENTICATION ->
              " Check CONNECTOR_HTTPS_PROXY_USER and CONNECTOR_HTTPS_PROXY_PASSWORD (or"
                  + " CONNECTOR_HTTP_PROXY_* for http) of the connectors runtime; nothing reached"
                  + " ServiceNow.";
          case PROXY_REFUSED ->
              " The proxy may not allow this host or port, or cannot reach it; check the proxy's"
                  + " rules, or list the host in CONNECTOR_HTTP_NON_PROXY_HOSTS if it must be"
                  + " reached directly. Nothing reached ServiceNow.";
          case TLS -> "";
        };
    if (e.kind() == TransportException.Kind.CONTENT_TOO_LARGE) {
      // the same file will be as large next time: no retries, but a code a BPMN error can match
      return ConnectorRetryException.builder()
          .errorCode(code)
          .message(call + " failed: " + e.getMessage() + "." + advice)
          .retries(0)
          .build();
    }
    // the cause is dropped on purpose: low-level messages can echo URLs or hosts we do not control
    return new ConnectorExceptionBuilder()
        .errorCode(code)
        .message(
            call
                + " failed: "
                + e.getMessage()
                + (e.getMessage().endsWith(".") ? "" : ".")
                + advice)
        .build();
  }

  /**
   * The final error of a request that must not run twice ({@link Replay#NEVER}) when ServiceNow may
   * have done it: the same code and message, but no job retries, since a retried job would send it
   * again.
   */
  static ConnectorException unknownOutcome(ConnectorException error) {
    if (error instanceof ConnectorRetryException) {
      return error; // already final (a file too large)
    }
    return withoutJobRetries(
        error,
        "ServiceNow may have done it, so the job is not retried either (that would do it twice):"
            + " check ServiceNow, then retry the job or handle error code "
            + error.getErrorCode()
            + " in the process.");
  }

  /** {@code error} with the same code, {@code why} added to its message, and no job retries. */
  static ConnectorRetryException withoutJobRetries(ConnectorException error, String why) {
    return ConnectorRetryException.builder()
        .errorCode(error.getErrorCode())
        .message(error.getMessage() + " " + why)
        .retries(0)
        .build();
  }

  static ConnectorRetryException deferred(
      RawResponse response, Exchange exchange, Duration backoff) {
    String call = exchange.call();
    String reason = exchange.sensitive() ? structuredReason(response) : serviceNowReason(response);
    return ConnectorRetryException.builder()
        .errorCode(String.valueOf(response.status()))
        .message(
            "ServiceNow answered "
                + response.status()
                + " to "
                + call
                + (reason.isEmpty() ? "" : ": " + reason)
                + "; it asks to wait "
                + backoff.toSeconds()
                + " s, so the job is retried after that")
        .backoffDuration(
            backoff.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : backoff)
        .build();
  }

  /**
   * ServiceNow's {@code error.message} and {@code error.detail}, or OAuth's error fields, or a text
   * snippet.
   */
  static String serviceNowReason(RawResponse response) {
    return reason(response, true);
  }

  /**
   * For answers of a token endpoint: only the structured error fields. A raw body is never quoted,
   * since a gateway or identity provider in front of it may echo the form with its secrets.
   */
  static String structuredReason(RawResponse response) {
    return reason(response, false);
  }

  private static String reason(RawResponse response, boolean snippetOfText) {
    JsonNode json = tryJson(response.body());
    if (json != null && json.isObject()) {
      JsonNode error = json.get("error");
      if (error != null && error.isObject()) {
        String message = text(error.get("message"));
        String detail = text(error.get("detail"));
        return join(message, detail);
      }
      if (error != null && error.isTextual()) {
        return join(error.asText(), text(json.get("error_description")));
      }
    }
    if (response.body().length == 0) {
      return "";
    }
    if (looksLikeHtml(response)) {
      return "an HTML page instead of JSON (the instance may be hibernating, under maintenance, or"
          + " behind a proxy)";
    }
    return snippetOfText ? snippet(new String(response.body(), StandardCharsets.UTF_8)) : "";
  }

  static Map<String, Object> responseVariables(RawResponse response) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", response.status());
    out.put("headers", response.headers());
    JsonNode json = tryJson(response.body());
    if (json != null) {
      out.put("body", Json.toPlain(json));
    } else if (response.body().length > 0) {
      out.put("body", snippet(new String(response.body(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  static boolean looksLikeHtml(RawResponse response) {
    if (response.contentType().contains("html")) {
      return true;
    }
    String start =
        new String(response.body(), 0, Math.min(64, response.body().length), StandardCharsets.UTF_8)
            .stripLeading()
            .toLowerCase(java.util.Locale.ROOT);
    return start.startsWith("<!doctype html") || start.startsWith("<html");
  }

  static JsonNode tryJson(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (Exception notJson) {
      return null;
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 ->
          ". Check the credentials. Basic authentication is refused for interactive users on recent"
              + " ServiceNow releases: use a web-service-access-only user or OAuth.";
      case 403 ->
          ". The user lacks a role, or an ACL, business rule or data policy denies the operation.";
      case 404 ->
          ". The record does not exist or an ACL hides it; for a flow, check the REST API trigger"
              + " path and that the flow is active.";
      case 429 -> ". ServiceNow's rate limit was reached; the job will be retried.";
      default -> "";
    };
  }

  private static String join(String message, String detail) {
    if (message.isEmpty()) {
      return detail;
    }
    if (detail.isEmpty() || detail.equals(message)) {
      return message;
    }
    return message + " (" + detail + ")";
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull()
        ? ""
        : snippet(node.isTextual() ? node.asText() : node.toString());
  }

  private static String snippet(String value) {
    String oneLine = value.strip();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
  }
}
