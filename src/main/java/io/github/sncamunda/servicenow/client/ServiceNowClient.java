package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.auth.TokenCache;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way both connectors talk to ServiceNow: resolves the instance, authenticates (with a
 * JVM-wide token cache), sends over a shared connection pool, retries only what cannot duplicate
 * work, and turns every failure into a {@link ConnectorException} with a stable code.
 */
public final class ServiceNowClient implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceNowClient.class);
  private static final Duration TOKEN_SKEW = Duration.ofSeconds(60);

  /** Sleeps between attempts; replaceable in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static volatile ServiceNowClient shared;

  private final ClientSettings settings;
  private final HttpTransport transport;
  private final Authenticator authenticator;
  private final Clock clock;
  private final Sleeper sleeper;

  public ServiceNowClient(ClientSettings settings) {
    this(settings, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  ServiceNowClient(ClientSettings settings, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.transport = new HttpTransport(settings);
    this.authenticator = new Authenticator(new TokenCache(clock, TOKEN_SKEW), clock);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The JVM-wide client: one pool and one token cache for every connector invocation. */
  public static ServiceNowClient shared() {
    ServiceNowClient client = shared;
    if (client == null) {
      synchronized (ServiceNowClient.class) {
        client = shared;
        if (client == null) {
          client = new ServiceNowClient(ClientSettings.fromEnvironment());
          shared = client;
        }
      }
    }
    return client;
  }

  public ClientSettings settings() {
    return settings;
  }

  public ServiceNowResponse execute(
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      ServiceNowRequest request) {
    if (connection == null) {
      throw new ConnectorInputException("Instance name is required");
    }
    if (authentication == null) {
      throw new ConnectorInputException("Authentication is required");
    }
    ServiceNowEndpoint endpoint = connection.endpoint();
    authentication.validate();
    Duration timeout = connection.responseTimeout(settings.responseTimeout());
    URI uri = endpoint.uri(request.pathSegments(), request.query());
    String call = request.describe();
    PayloadLimits.checkDepth(request.body());
    byte[] body = request.body() == null ? null : Json.write(request.body());
    if (body != null) {
      PayloadLimits.checkSize(body);
    }
    Authenticator.TokenEndpoint tokenEndpoint =
        (tokenUrl, form, tokenCall) ->
            send(
                HttpMethod.POST,
                tokenUrl,
                Map.of("Accept", "application/json"),
                form,
                ContentType.APPLICATION_FORM_URLENCODED,
                timeout,
                tokenCall);

    Authenticator.Credential credential =
        authenticator.credential(endpoint, authentication, tokenEndpoint);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.putAll(request.headers());
    headers.put(credential.header(), credential.value());
    RawResponse response =
        send(request.method(), uri, headers, body, ContentType.APPLICATION_JSON, timeout, call);
    if (response.status() == 401 && credential.renewable()) {
      // a cached token revoked or expired early: a 401 proves nothing was processed, so one resend
      // is safe
      LOG.debug("{} got 401 with a cached OAuth token; renewing it once", call);
      authenticator.reject(credential);
      headers.remove(credential.header());
      credential = authenticator.credential(endpoint, authentication, tokenEndpoint);
      headers.put(credential.header(), credential.value());
      response =
          send(request.method(), uri, headers, body, ContentType.APPLICATION_JSON, timeout, call);
    }
    if (!response.successful()) {
      throw ServiceNowErrors.http(response, call);
    }
    return success(response, request, call);
  }

  /** Sends with the in-call retry rules; returns any HTTP answer that is final for this call. */
  private RawResponse send(
      HttpMethod method,
      URI uri,
      Map<String, String> headers,
      byte[] body,
      ContentType contentType,
      Duration timeout,
      String call) {
    RetryBudget budget =
        new RetryBudget(settings.retry(), ThreadLocalRandom.current(), System::nanoTime);
    while (true) {
      long started = System.nanoTime();
      RawResponse response;
      try {
        response =
            transport.send(
                method, uri, headers, body, contentType, timeout, settings.maxResponseBytes());
      } catch (TransportException e) {
        LOG.debug(
            "{} attempt {} failed: {} ({})", call, budget.attempts(), e.getMessage(), e.kind());
        if (e.retryable(method.idempotent())
            && budget.next(Optional.empty()) instanceof RetryBudget.Decision.Retry retry) {
          pause(retry.delay(), call);
          continue;
        }
        throw ServiceNowErrors.transport(e, call);
      }
      LOG.debug(
          "{} attempt {} -> {} in {} ms",
          call,
          budget.attempts(),
          response.status(),
          (System.nanoTime() - started) / 1_000_000);
      if (!retryableStatus(response.status(), method)) {
        return response;
      }
      RetryBudget.Decision decision = budget.next(RetryAfter.of(response, clock));
      if (decision instanceof RetryBudget.Decision.Retry retry) {
        pause(retry.delay(), call);
      } else if (decision instanceof RetryBudget.Decision.Defer defer) {
        throw ServiceNowErrors.deferred(response, call, defer.delay());
      } else {
        return response;
      }
    }
  }

  /**
   * 429 and 503 prove the request was not processed; 502 and 504 only allow resending what is
   * idempotent.
   */
  private static boolean retryableStatus(int status, HttpMethod method) {
    return status == 429
        || status == 503
        || (method.idempotent() && (status == 502 || status == 504));
  }

  private void pause(Duration delay, String call) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(
          ErrorCodes.CONNECTION_FAILED, call + " was interrupted while waiting to retry");
    }
  }

  private static ServiceNowResponse success(
      RawResponse response, ServiceNowRequest request, String call) {
    if (response.body().length == 0) {
      return new ServiceNowResponse(response.status(), response.headers(), null, null);
    }
    if (ServiceNowErrors.looksLikeHtml(response)) {
      throw ServiceNowErrors.invalidResponse(
          response,
          call,
          "an HTML page instead of JSON: the instance may be hibernating (developer instances sleep"
              + " when unused), under maintenance, or a proxy answered");
    }
    boolean declaredJson = response.contentType().contains("json");
    if (declaredJson || request.expectJson()) {
      try {
        return new ServiceNowResponse(
            response.status(), response.headers(), Json.parse(response.body()), null);
      } catch (IOException e) {
        if (declaredJson || request.expectJson()) {
          throw ServiceNowErrors.invalidResponse(
              response, call, "a body that is not valid JSON (truncated or malformed)");
        }
      }
    }
    return new ServiceNowResponse(
        response.status(),
        response.headers(),
        null,
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /** Connections currently taken from the pool; every call returns its connection. */
  int leasedConnections() {
    return transport.leasedConnections();
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
