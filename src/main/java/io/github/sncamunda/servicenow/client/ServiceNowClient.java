package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.Authenticator;
import io.github.sncamunda.servicenow.auth.ClientCertificateAuthentication;
import io.github.sncamunda.servicenow.auth.Credential;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.auth.TokenReply;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one way every connector talks to ServiceNow, in four stages: prepare (validate, serialise,
 * build the URI), authenticate (with a JVM-wide token cache), send under one retry policy over a
 * shared connection pool, and interpret the answer into a result or a {@link ConnectorException}
 * with a stable code. See ARCHITECTURE.md for the path of one call.
 */
public final class ServiceNowClient implements Closeable {

  private static final ReentrantLock SHARED_LOCK = new ReentrantLock();
  private static volatile ServiceNowClient shared;

  private final ClientSettings settings;
  private final Preparer preparer;
  private final Routes routes;

  public ServiceNowClient(ClientSettings settings) {
    this(settings, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
  }

  ServiceNowClient(ClientSettings settings, Clock clock, Sender.Sleeper sleeper) {
    this(settings, clock, sleeper, new HttpTransport(settings));
  }

  /**
   * {@code transport} serves connections without TLS settings of their own; each client certificate
   * or CA bundle gets a transport, sender and token cache of its own, so token requests always
   * travel the way the calls they serve do (same proxy, same TLS identity).
   */
  ServiceNowClient(
      ClientSettings settings, Clock clock, Sender.Sleeper sleeper, HttpTransport transport) {
    this.settings = settings;
    this.preparer = new Preparer(settings);
    RetryPolicy policy =
        new RetryPolicy(settings.retry(), clock, ThreadLocalRandom::current, System::nanoTime);
    Function<Sender, Authenticator> authenticator =
        sender ->
            new Authenticator(
                (tokenUrl, form, timeout, call) -> postToken(sender, tokenUrl, form, timeout, call),
                clock);
    this.routes =
        new Routes(
            new Routes.Route(
                TlsIdentity.DEFAULT,
                transport,
                new Sender(transport, policy, sleeper, clock),
                authenticator),
            identity -> {
              HttpTransport own = new HttpTransport(settings, identity);
              return new Routes.Route(
                  identity, own, new Sender(own, policy, sleeper, clock), authenticator);
            },
            clock);
  }

  /** The JVM-wide client: one pool and one token cache for every connector invocation. */
  public static ServiceNowClient shared() {
    ServiceNowClient client = shared;
    if (client == null) {
      // a lock, not a monitor: building the client reads trust stores, and on JDK 21 virtual
      // threads blocked on a monitor hold their carriers
      SHARED_LOCK.lock();
      try {
        client = shared;
        if (client == null) {
          client = new ServiceNowClient(ClientSettings.fromEnvironment());
          shared = client;
        }
      } finally {
        SHARED_LOCK.unlock();
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
    return Interpreter.interpret(exchange, send(exchange, connection, authentication));
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
    Sender.Reply reply = send(exchange, connection, authentication);
    Interpreter.interpret(exchange, reply);
    return (T) reply.raw().content();
  }

  /**
   * Authenticates and sends over the route of the connection's TLS identity; the sender may ask the
   * authenticator once for a renewed credential after a 401.
   */
  private Sender.Reply send(
      Exchange exchange, ServiceNowConnection connection, ServiceNowAuthentication authentication) {
    Routes.Route route = routes.enter(connection);
    try {
      requireCertificateFor(authentication, route);
      Authenticator authenticator = route.authenticator();
      Credential credential =
          authenticator.credential(
              authentication, exchange.endpoint().defaultTokenUrl(), exchange.timeout());
      return route.sender().send(exchange, credential, authenticator::renewAfterUnauthorized);
    } finally {
      routes.leave(route);
    }
  }

  private static void requireCertificateFor(
      ServiceNowAuthentication authentication, Routes.Route route) {
    if (authentication instanceof ClientCertificateAuthentication
        && !route.identity().presentsClientCertificate()) {
      throw new ConnectorInputException(
          "Authentication 'Client certificate only' needs a client certificate in the"
              + " connection settings: 'Client certificate (PEM)' with its private key, or a"
              + " client keystore (PKCS#12)");
    }
  }

  /** The token exchange an authenticator was given: a form POST under the same retry rules. */
  private static TokenReply postToken(
      Sender sender, URI tokenUrl, byte[] form, Duration timeout, String call) {
    RawResponse response =
        sender
            .send(Exchange.tokenRequest(tokenUrl, form, timeout, call), null, Sender.Renewal.NONE)
            .raw();
    String reason = response.successful() ? "" : ServiceNowErrors.structuredReason(response);
    return new TokenReply(response.status(), response.body(), reason);
  }

  /** Connections currently taken from the pools; every call returns its connection. */
  int leasedConnections() {
    return routes.leasedConnections();
  }

  /** Connection pools kept for TLS identities of their own (client certificates, CA bundles). */
  int tlsIdentities() {
    return routes.identities();
  }

  @Override
  public void close() throws IOException {
    routes.close();
  }
}
