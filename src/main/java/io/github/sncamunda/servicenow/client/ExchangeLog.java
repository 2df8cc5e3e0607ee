package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.common.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person debugging sees, under the logger {@value #NAME}: at DEBUG one line per attempt
 * (method, URL, attempt, status or failure, duration, ServiceNow's transaction id and rate-limit
 * headers, what happens next, and the other headers with every sensitive one shown as {@value
 * SensitiveNames#REDACTED}); at TRACE also a bounded, escaped prefix of the request and response
 * bodies, except for the token exchange, whose bodies are credentials.
 */
final class ExchangeLog {

  static final String NAME = "io.github.sncamunda.servicenow.http";
  static final int BODY_PREFIX_CODE_POINTS = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(NAME);
  private static final List<String> SERVICENOW_HEADERS =
      List.of(
          "x-transaction-id",
          "x-ratelimit-limit",
          "x-ratelimit-reset",
          "x-ratelimit-rule",
          "retry-after");

  void answered(
      Exchange exchange,
      Credential credential,
      int attempt,
      int maxAttempts,
      RawResponse response,
      long startedNanos,
      RetryPolicy.Decision next) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder line = start(exchange, attempt, maxAttempts);
    line.append(" -> ").append(response.status());
    took(line, startedNanos);
    for (String name : SERVICENOW_HEADERS) {
      String value = response.header(name);
      if (value != null) {
        line.append(", ").append(name).append('=').append(SafeText.escape(value));
      }
    }
    line.append("; next: ").append(describe(next));
    headers(line.append("; request headers "), requestHeaders(exchange, credential));
    headers(line.append("; response headers "), response.headers());
    LOG.debug(line.toString());
    if (LOG.isTraceEnabled() && !exchange.sensitive()) {
      if (exchange.body() instanceof Exchange.Body.Bytes bytes) {
        LOG.trace("{} request body: {}", exchange.call(), prefix(bytes.bytes()));
      }
      if (exchange.download() == null) {
        LOG.trace("{} response body: {}", exchange.call(), prefix(response.body()));
      }
    }
  }

  void failed(
      Exchange exchange,
      Credential credential,
      int attempt,
      int maxAttempts,
      TransportException failure,
      long startedNanos,
      RetryPolicy.Decision next) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder line = start(exchange, attempt, maxAttempts);
    line.append(" -> ")
        .append(failure.kind())
        .append(" (")
        .append(failure.getMessage())
        .append(')');
    took(line, startedNanos);
    line.append("; next: ").append(describe(next));
    headers(line.append("; request headers "), requestHeaders(exchange, credential));
    LOG.debug(line.toString());
  }

  private static StringBuilder start(Exchange exchange, int attempt, int maxAttempts) {
    StringBuilder line = new StringBuilder(256);
    line.append(exchange.method()).append(' ').append(url(exchange));
    line.append(" attempt ").append(attempt).append('/').append(maxAttempts);
    return line;
  }

  private static void took(StringBuilder line, long startedNanos) {
    line.append(" in ").append((System.nanoTime() - startedNanos) / 1_000_000).append(" ms");
  }

  /** The URL with sensitive query values hidden; other values escaped. */
  private static String url(Exchange exchange) {
    String uri = exchange.uri().toString();
    int queryStart = uri.indexOf('?');
    if (queryStart < 0) {
      return uri;
    }
    StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, queryStart);
    char separator = '?';
    for (Map.Entry<String, String> parameter : exchange.query().entrySet()) {
      out.append(separator).append(SafeText.escape(parameter.getKey())).append('=');
      out.append(
          SensitiveNames.sensitive(parameter.getKey())
              ? SensitiveNames.REDACTED
              : SafeText.escape(parameter.getValue(), 500));
      separator = '&';
    }
    return out.toString();
  }

  private static Map<String, String> requestHeaders(Exchange exchange, Credential credential) {
    Map<String, String> headers = new LinkedHashMap<>(exchange.headers());
    switch (exchange.body()) {
      case Exchange.Body.Bytes bytes -> headers.put("Content-Type", bytes.contentType());
      case Exchange.Body.Stream stream -> {
        headers.put("Content-Type", stream.content().contentType());
        headers.put("Content-Length", String.valueOf(stream.content().length()));
      }
      case Exchange.Body.None none -> {}
    }
    if (credential != null) {
      headers.put(credential.header(), SensitiveNames.REDACTED);
    }
    return headers;
  }

  private static void headers(StringBuilder line, Map<String, String> headers) {
    line.append('{');
    String separator = "";
    for (Map.Entry<String, String> header : headers.entrySet()) {
      line.append(separator).append(SafeText.escape(header.getKey())).append('=');
      line.append(
          SensitiveNames.sensitive(header.getKey())
              ? SensitiveNames.REDACTED
              : SafeText.escape(header.getValue(), 200));
      separator = ", ";
    }
    line.append('}');
  }

  private static String describe(RetryPolicy.Decision next) {
    return switch (next.action()) {
      case ANSWER, ANSWER_AS_DELETED -> "done";
      case RETRY -> "send again in " + next.delay().toMillis() + " ms";
      case RENEW -> "send again with a renewed credential";
      case LOOK -> "look whether ServiceNow did it before sending again";
      case DEFER -> "wait of " + next.delay().toSeconds() + " s handed to Zeebe as a job retry";
      case FAIL_WITH_JOB_RETRIES -> "fail; the job may be retried";
      case FAIL_WITHOUT_JOB_RETRIES -> "fail without job retries";
    };
  }

  private static String prefix(byte[] body) {
    if (body.length == 0) {
      return "(empty)";
    }
    // decode a little more than shown, so a cut multi-byte character never garbles the end
    int decode = Math.min(body.length, BODY_PREFIX_CODE_POINTS * 4);
    String text = new String(Arrays.copyOf(body, decode), StandardCharsets.UTF_8);
    return "(" + body.length + " bytes) " + SafeText.escape(text, BODY_PREFIX_CODE_POINTS);
  }
}
