package io.github.sncamunda.servicenow.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP side: the JDK server on loopback, and per request the order of things — read, log,
 * fault, route, answer. Endpoints never see the socket.
 */
final class SimulatorServer {

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY a keep-alive client
    // on loopback can wait for delayed ACKs (read once per JVM when the first HttpServer starts)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  static final int VIRTUAL = -1;

  private final Router router;
  private final RequestLog log;
  private final FaultInjector faults;
  private final Supplier<Instant> now;
  private HttpServer server;
  private ExecutorService executor;
  private volatile String baseUrl;

  SimulatorServer(Router router, RequestLog log, FaultInjector faults, Supplier<Instant> now) {
    this.router = router;
    this.log = log;
    this.faults = faults;
    this.now = now;
  }

  /** {@code threads} workers; 0: the dispatcher thread; -1: a virtual thread per request. */
  synchronized void start(int port, int threads) {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
    }
    AtomicInteger n = new AtomicInteger();
    executor =
        switch (threads) {
          case 0 -> null;
          case VIRTUAL ->
              Executors.newThreadPerTaskExecutor(
                  Thread.ofVirtual().name("servicenow-sim-", 1).factory());
          default ->
              Executors.newFixedThreadPool(
                  threads, r -> daemon(r, "servicenow-sim-" + n.incrementAndGet()));
        };
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized boolean started() {
    return server != null;
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      if (executor != null) {
        executor.shutdownNow();
      }
      server = null;
    }
  }

  String baseUrl() {
    if (baseUrl == null) {
      throw new IllegalStateException("not started");
    }
    return baseUrl;
  }

  int port() {
    return server.getAddress().getPort();
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void handle(HttpExchange exchange) {
    Request request = null;
    RequestLog.Entry entry = null;
    Fault fault = null;
    boolean processed = false;
    try {
      request = new Request(exchange, now.get());
      if (!router.streamsBody(request)) {
        request.readBody();
      }
      entry = log.arrived(request);
      fault = faults.take(request.method, request.path);
      if (fault instanceof Fault.DropBeforeProcessing) {
        drop(exchange, entry, request, fault, false);
        return;
      }
      if (fault instanceof Fault.Delay delay) {
        Thread.sleep(delay.delay().toMillis());
      }
      Reply reply;
      if (fault instanceof Fault.Status status) {
        reply = status.reply();
      } else {
        reply = router.route(request);
        // refused by the endpoint (401 to a revoked token, 400, 404, …): nothing was committed
        processed = reply.status() < 400;
      }
      if (fault instanceof Fault.AnswerLate late) {
        Thread.sleep(late.delay().toMillis());
      }
      if (fault instanceof Fault.DropAfterProcessing) {
        drop(exchange, entry, request, fault, processed);
        return;
      }
      answer(exchange, entry, request, fault, processed, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drop(exchange, entry, request, fault, processed);
    } catch (Throwable t) {
      Reply failed = Reply.error(500, "Internal simulator error", String.valueOf(t));
      answer(exchange, entry, request, fault, processed, failed);
    }
  }

  /**
   * Writes the answer, logged first so that no client can see an answer its log entry does not show
   * yet; a client that has gone turns it into a drop.
   */
  private void answer(
      HttpExchange exchange,
      RequestLog.Entry entry,
      Request request,
      Fault fault,
      boolean processed,
      Reply reply) {
    if (request != null) {
      log.ended(
          entry, request, fault, LogEntry.Outcome.ANSWERED, reply.status(), processed, now.get());
    }
    try {
      write(exchange, reply);
    } catch (Throwable gone) {
      drop(exchange, entry, request, fault, processed);
    }
  }

  /** Closes without an answer (no response headers sent: the JDK server closes the socket). */
  private void drop(
      HttpExchange exchange,
      RequestLog.Entry entry,
      Request request,
      Fault fault,
      boolean processed) {
    if (request != null) {
      log.ended(entry, request, fault, LogEntry.Outcome.DROPPED, -1, processed, now.get());
    }
    exchange.close();
  }

  /**
   * Writes the reply. The JDK server always sets {@code Date} from the JVM's clock (it overwrites
   * any value given here), so a poller sees the simulator's clock in {@code Date} only while the
   * simulator runs on the system clock, its default: tests of pollers keep it.
   */
  private static void write(HttpExchange exchange, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    long length = reply.length();
    if (reply.contentType() != null && length > 0) {
      headers.set("Content-Type", reply.contentType());
    }
    reply.headers().forEach(headers::set);
    if (length == 0) {
      exchange.sendResponseHeaders(reply.status(), -1);
    } else {
      exchange.sendResponseHeaders(reply.status(), length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (reply.content() == null) {
          out.write(reply.body());
        } else {
          reply.content().writeTo(out);
        }
      }
    }
    exchange.close();
  }
}
