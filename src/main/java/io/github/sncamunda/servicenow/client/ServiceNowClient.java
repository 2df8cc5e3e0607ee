package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.Authenticator;
import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.auth.TokenReply;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way every connector talks to ServiceNow, in four stages: prepare (validate, serialise,
 * build the URI), authenticate (with a JVM-wide token cache), send under one retry policy over a
 * shared connection pool, and interpret the answer into a result or a {@link ConnectorException}
 * with a stable code. See ARCHITECTURE.md for the path of one call.
 */
public final class ServiceNowClient implements Closeable {

  private static volatile ServiceNowClient shared;

  private final ClientSettings settings;
  private final Preparer preparer;
  private final HttpTransport transport;
  private final Sender sender;
  private final Authenticator authenticator;

  public ServiceNowClient(ClientSettings settings) {
    this(settings, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
  }

  ServiceNowClient(ClientSettings settings, Clock clock, Sender.Sleeper sleeper) {
    this(settings, clock, sleeper, new HttpTransport(settings));
  }

  ServiceNowClient(
      ClientSettings settings, Clock clock, Sender.Sleeper sleeper, HttpTransport transport) {
    this.settings = settings;
    this.preparer = new Preparer(settings);
    this.transport = transport;
    RetryPolicy policy =
        new RetryPolicy(settings.retry(), clock, ThreadLocalRandom::current, System::nanoTime);
    this.sender = new Sender(transport, policy, sleeper);
    this.authenticator = new Authenticator(this::postToken, clock);
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
    Exchange exchange = preparer.prepare(connection, authentication, request);
    return Interpreter.interpret(exchange, authenticatedSend(exchange, authentication));
  }

  /**
   * Like {@link #execute}, but a successful body goes to {@code consumer} as a stream of at most
   * {@code limit} bytes (more fails with {@code ATTACHMENT_TOO_LARGE}); returns what it made.
   */
  @SuppressWarnings("unchecked")
  public <T> T download(
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      ServiceNowRequest request,
      long limit,
      ContentConsumer<T> consumer) {
    Exchange exchange =
        preparer
            .prepare(connection, authentication, request)
            .withDownload(new Exchange.Download<>(consumer, limit));
    RawResponse response = authenticatedSend(exchange, authentication);
    Interpreter.interpret(exchange, response);
    return (T) response.content();
  }

  private RawResponse authenticatedSend(
      Exchange exchange, ServiceNowAuthentication authentication) {
    Credential credential =
        authenticator.credential(
            authentication, exchange.endpoint().defaultTokenUrl(), exchange.timeout());
    RawResponse response = sender.send(exchange, credential);
    if (response.status() == 401) {
      // a 401 proves nothing was processed: one resend with a renewed token is safe
      Optional<Credential> renewed = authenticator.renewAfterUnauthorized(credential);
      if (renewed.isPresent()) {
        response = sender.send(exchange, renewed.get());
      }
    }
    return response;
  }

  /** The token exchange the authenticator was given: a form POST under the same retry rules. */
  private TokenReply postToken(URI tokenUrl, byte[] form, Duration timeout, String call) {
    RawResponse response = sender.send(Exchange.tokenRequest(tokenUrl, form, timeout, call), null);
    String reason = response.successful() ? "" : ServiceNowErrors.serviceNowReason(response);
    return new TokenReply(response.status(), response.body(), reason);
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
