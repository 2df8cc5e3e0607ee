package io.github.sncamunda.servicenow.client;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * JVM-wide settings of the shared client. Defaults suit ServiceNow (which cancels Table API
 * transactions after 60 s); each can be overridden with an environment variable or a system
 * property of the same name, e.g. {@code SERVICENOW_RESPONSE_TIMEOUT_SECONDS=90}. The forward proxy
 * comes from the connectors runtime's own {@code CONNECTOR_HTTPS_PROXY_*} settings (see {@link
 * ProxySettings}).
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration responseTimeout,
    long maxResponseBytes,
    long maxAttachmentBytes,
    int maxConnections,
    RetrySettings retry,
    ProxySettings proxy) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 50;

  public ClientSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(responseTimeout, "responseTimeout");
    if (maxResponseBytes <= 0
        || maxAttachmentBytes <= 0
        || maxConnections <= 0
        || retry == null
        || proxy == null) {
      throw new IllegalArgumentException(
          "maxResponseBytes, maxAttachmentBytes, maxConnections, retry and proxy are required");
    }
  }

  public static ClientSettings defaults() {
    return new ClientSettings(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RESPONSE_TIMEOUT,
        DEFAULT_MAX_RESPONSE_BYTES,
        DEFAULT_MAX_ATTACHMENT_BYTES,
        DEFAULT_MAX_CONNECTIONS,
        RetrySettings.defaults(),
        ProxySettings.none());
  }

  public static ClientSettings fromEnvironment() {
    return from(name -> System.getProperty(name, System.getenv(name)));
  }

  static ClientSettings from(Map<String, String> values) {
    return from(values::get);
  }

  static ClientSettings from(Function<String, String> lookup) {
    ClientSettings d = defaults();
    return new ClientSettings(
        seconds(lookup, "SERVICENOW_CONNECT_TIMEOUT_SECONDS", d.connectTimeout()),
        seconds(lookup, "SERVICENOW_RESPONSE_TIMEOUT_SECONDS", d.responseTimeout()),
        number(lookup, "SERVICENOW_MAX_RESPONSE_BYTES", d.maxResponseBytes()),
        number(lookup, "SERVICENOW_MAX_ATTACHMENT_BYTES", d.maxAttachmentBytes()),
        (int) number(lookup, "SERVICENOW_MAX_CONNECTIONS", d.maxConnections()),
        new RetrySettings(
            (int) number(lookup, "SERVICENOW_RETRY_MAX_ATTEMPTS", d.retry().maxAttempts()),
            seconds(lookup, "SERVICENOW_RETRY_BUDGET_SECONDS", d.retry().budget()),
            d.retry().baseDelay(),
            d.retry().maxDelay()),
        ProxySettings.from(lookup));
  }

  public ClientSettings withResponseTimeout(Duration timeout) {
    return new ClientSettings(
        connectTimeout,
        timeout,
        maxResponseBytes,
        maxAttachmentBytes,
        maxConnections,
        retry,
        proxy);
  }

  public ClientSettings withMaxResponseBytes(long bytes) {
    return new ClientSettings(
        connectTimeout, responseTimeout, bytes, maxAttachmentBytes, maxConnections, retry, proxy);
  }

  public ClientSettings withMaxAttachmentBytes(long bytes) {
    return new ClientSettings(
        connectTimeout, responseTimeout, maxResponseBytes, bytes, maxConnections, retry, proxy);
  }

  public ClientSettings withConnectTimeout(Duration timeout) {
    return new ClientSettings(
        timeout,
        responseTimeout,
        maxResponseBytes,
        maxAttachmentBytes,
        maxConnections,
        retry,
        proxy);
  }

  public ClientSettings withRetry(RetrySettings settings) {
    return new ClientSettings(
        connectTimeout,
        responseTimeout,
        maxResponseBytes,
        maxAttachmentBytes,
        maxConnections,
        settings,
        proxy);
  }

  public ClientSettings withProxy(ProxySettings settings) {
    return new ClientSettings(
        connectTimeout,
        responseTimeout,
        maxResponseBytes,
        maxAttachmentBytes,
        maxConnections,
        retry,
        settings);
  }

  private static Duration seconds(Function<String, String> lookup, String name, Duration fallback) {
    String raw = lookup.apply(name);
    return raw == null || raw.isBlank() ? fallback : Duration.ofSeconds(parse(name, raw));
  }

  private static long number(Function<String, String> lookup, String name, long fallback) {
    String raw = lookup.apply(name);
    return raw == null || raw.isBlank() ? fallback : parse(name, raw);
  }

  private static long parse(String name, String raw) {
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, was '" + raw + "'");
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * In-call retries for answers that prove ServiceNow did not process the request (429, 503) or for
   * idempotent requests after 502/504: at most {@code maxAttempts} sends and {@code budget} of
   * waiting in total; a longer wait is handed to Zeebe as a job retry instead of blocking a thread.
   */
  public record RetrySettings(
      int maxAttempts, Duration budget, Duration baseDelay, Duration maxDelay) {

    public static RetrySettings defaults() {
      return new RetrySettings(
          4, Duration.ofSeconds(8), Duration.ofMillis(250), Duration.ofSeconds(4));
    }

    public static RetrySettings none() {
      return new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
  }
}
