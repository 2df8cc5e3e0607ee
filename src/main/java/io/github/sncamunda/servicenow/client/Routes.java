package io.github.sncamunda.servicenow.client;

import io.github.sncamunda.servicenow.auth.Authenticator;
import io.github.sncamunda.servicenow.common.Fingerprint;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Route} per TLS identity: connections without TLS settings of their own share the
 * default route; each distinct client certificate or CA bundle gets a route of its own (a TLS
 * context cannot be chosen per request on a shared pool). At most {@link #MAX_IDENTITIES} are kept;
 * the least recently used one beyond that is retired and closed once its last call has returned.
 */
final class Routes implements Closeable {

  static final int MAX_IDENTITIES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeLog.NAME);

  private final Route defaultRoute;
  private final Function<TlsIdentity, Route> factory;
  private final Clock clock;
  private final LinkedHashMap<Fingerprint, Route> byIdentity = new LinkedHashMap<>(16, 0.75f, true);
  // a lock, not a monitor: a new route builds a TLS context and a pool while holding it, and on
  // JDK 21 a virtual thread blocked on a monitor holds its carrier (MonitorsCallNothingTest)
  private final ReentrantLock lock = new ReentrantLock();

  Routes(Route defaultRoute, Function<TlsIdentity, Route> factory, Clock clock) {
    this.defaultRoute = defaultRoute;
    this.factory = factory;
    this.clock = clock;
  }

  /**
   * The route for {@code connection}, entered: call {@link #leave} when the call is over. Reads and
   * checks the TLS inputs the first time (input errors), and the client certificate's validity on
   * every call ({@code TLS_FAILED} when expired), before anything is sent.
   */
  Route enter(ServiceNowConnection connection) {
    Fingerprint key = TlsIdentity.keyOf(connection);
    if (key == null) {
      return defaultRoute;
    }
    Route route;
    lock.lock();
    try {
      route = byIdentity.get(key);
      if (route != null) {
        route.enter();
      }
    } finally {
      lock.unlock();
    }
    if (route == null) {
      TlsIdentity identity = TlsIdentity.of(connection, key);
      identity.checkValidAt(clock.instant());
      List<Route> retired = new ArrayList<>();
      lock.lock();
      try {
        route = byIdentity.get(key);
        if (route == null) {
          route = factory.apply(identity);
          byIdentity.put(key, route);
          LOG.debug("New connection pool for TLS identity: {}", identity.describe());
          Iterator<Map.Entry<Fingerprint, Route>> oldest = byIdentity.entrySet().iterator();
          while (byIdentity.size() > MAX_IDENTITIES) {
            retired.add(oldest.next().getValue());
            oldest.remove();
          }
        }
        route.enter();
      } finally {
        lock.unlock();
      }
      retired.forEach(Route::retire);
    }
    try {
      route.identity().checkValidAt(clock.instant());
    } catch (RuntimeException expired) {
      leave(route);
      throw expired;
    }
    return route;
  }

  void leave(Route route) {
    if (route != defaultRoute) {
      route.leave();
    }
  }

  /** Connections leased from every pool. */
  int leasedConnections() {
    int leased = defaultRoute.transport().leasedConnections();
    lock.lock();
    try {
      for (Route route : byIdentity.values()) {
        leased += route.transport().leasedConnections();
      }
    } finally {
      lock.unlock();
    }
    return leased;
  }

  /** Pools kept for TLS identities of their own (the default one not counted). */
  int identities() {
    lock.lock();
    try {
      return byIdentity.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    List<Route> all;
    lock.lock();
    try {
      all = new ArrayList<>(byIdentity.values());
      byIdentity.clear();
    } finally {
      lock.unlock();
    }
    all.forEach(Route::retire);
    defaultRoute.transport().close();
  }

  /** One TLS identity's transport, with the sender and token cache that use it. */
  static final class Route {
    private final TlsIdentity identity;
    private final HttpTransport transport;
    private final Sender sender;
    private final Authenticator authenticator;
    // guarded by this Route's monitor, held only to count: nothing is called under it
    private int inFlight;
    private boolean retired;

    Route(
        TlsIdentity identity,
        HttpTransport transport,
        Sender sender,
        Function<Sender, Authenticator> authenticator) {
      this.identity = identity;
      this.transport = transport;
      this.sender = sender;
      this.authenticator = authenticator.apply(sender);
    }

    TlsIdentity identity() {
      return identity;
    }

    HttpTransport transport() {
      return transport;
    }

    Sender sender() {
      return sender;
    }

    Authenticator authenticator() {
      return authenticator;
    }

    private synchronized void enter() {
      inFlight++;
    }

    private void leave() {
      boolean close;
      synchronized (this) {
        inFlight--;
        close = retired && inFlight == 0;
      }
      if (close) {
        closeQuietly();
      }
    }

    private void retire() {
      boolean close;
      synchronized (this) {
        retired = true;
        close = inFlight == 0;
      }
      if (close) {
        closeQuietly();
      }
    }

    private void closeQuietly() {
      try {
        transport.close();
      } catch (IOException e) {
        LOG.debug("Closing a retired connection pool failed: {}", e.getClass().getSimpleName());
      }
    }
  }
}
