package io.github.sncamunda.servicenow.network;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small forward proxy on loopback, in the test JVM: {@code CONNECT host:port} tunnels (what HTTPS
 * through a corporate proxy uses) and absolute-form plain-http requests, with optional Basic proxy
 * authentication (a 407 challenge with {@code Proxy-Authenticate}, keeping the connection for the
 * retry, as real proxies do) and an optional refusal status. It counts what it did so tests can
 * prove which calls went through it.
 */
public final class ConnectProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "upgrade", "te", "trailer");

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "test-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tunnels = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger challenged = new AtomicInteger();
  private final AtomicInteger refusedCredentials = new AtomicInteger();
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private volatile String expectedAuthorization;
  private volatile int refuseWith;

  private ConnectProxy(ServerSocket server) {
    this.server = server;
    threads.execute(this::accept);
  }

  public static ConnectProxy start() {
    try {
      return new ConnectProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A proxy clients talk to over TLS (scheme https), with {@code tls}'s server certificate. */
  public static ConnectProxy startTls(javax.net.ssl.SSLContext tls) {
    try {
      return new ConnectProxy(
          tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Requires {@code Proxy-Authorization: Basic base64(user:password)} on every request. */
  public ConnectProxy requireBasic(String user, String password) {
    expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Answers every authenticated request with {@code status} instead of serving it. */
  public ConnectProxy refuseWith(int status) {
    refuseWith = status;
    return this;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Tunnels opened (CONNECT answered 200). */
  public int tunnels() {
    return tunnels.get();
  }

  /** Plain-http requests forwarded. */
  public int forwarded() {
    return forwarded.get();
  }

  /** 407 challenges sent for a missing {@code Proxy-Authorization}. */
  public int challenged() {
    return challenged.get();
  }

  /** Requests whose {@code Proxy-Authorization} was present but wrong. */
  public int refusedCredentials() {
    return refusedCredentials.get();
  }

  /** {@code host:port} of every tunnel and forwarded request, in order. */
  public List<String> targets() {
    return List.copyOf(targets);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      while (true) {
        Request request = Request.read(in);
        if (request == null) {
          return;
        }
        String authorization = request.headers.get("proxy-authorization");
        if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
          request.skipBody(in);
          if (authorization == null) {
            challenged.incrementAndGet();
          } else {
            refusedCredentials.incrementAndGet();
          }
          answer(
              out,
              "407 Proxy Authentication Required",
              "Proxy-Authenticate: Basic realm=\"test-proxy\"\r\n");
          continue;
        }
        if (refuseWith != 0) {
          request.skipBody(in);
          answer(out, refuseWith + " Refused by test proxy", "Connection: close\r\n");
          return;
        }
        if (request.method.equals("CONNECT")) {
          tunnel(client, in, out, request.target);
        } else {
          forward(in, out, request);
        }
        return;
      }
    } catch (IOException ignored) {
      // the client went away
    } finally {
      open.remove(client);
    }
  }

  private void tunnel(Socket client, InputStream in, OutputStream out, String authority)
      throws IOException {
    int colon = authority.lastIndexOf(':');
    try (Socket target =
        new Socket(
            authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
      open.add(target);
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      tunnels.incrementAndGet();
      targets.add(authority);
      threads.execute(() -> pipe(target, client));
      pipe(in, target.getOutputStream());
    } finally {
      client.close();
    }
  }

  private void forward(InputStream in, OutputStream out, Request request) throws IOException {
    URI uri = URI.create(request.target);
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    try (Socket target = new Socket(uri.getHost(), port)) {
      open.add(target);
      forwarded.incrementAndGet();
      targets.add(uri.getHost() + ":" + port);
      StringBuilder head = new StringBuilder();
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      head.append(request.method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.headers.forEach(
          (name, value) -> {
            // hop-by-hop headers stay with this hop (HttpClient offers "Upgrade: TLS/1.2")
            if (!name.startsWith("proxy-") && !HOP_BY_HOP.contains(name)) {
              head.append(name).append(": ").append(value).append("\r\n");
            }
          });
      head.append("connection: close\r\n\r\n");
      OutputStream toTarget = target.getOutputStream();
      toTarget.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      toTarget.write(request.body(in));
      toTarget.flush();
      target.getInputStream().transferTo(out);
      out.flush();
    }
  }

  private void pipe(Socket from, Socket to) {
    try {
      pipe(from.getInputStream(), to.getOutputStream());
    } catch (IOException ignored) {
      // closed
    } finally {
      try {
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void pipe(InputStream from, OutputStream to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      int read;
      while ((read = from.read(buffer)) >= 0) {
        to.write(buffer, 0, read);
        to.flush();
      }
    } catch (IOException ignored) {
      // one side closed
    }
  }

  private static void answer(OutputStream out, String status, String headers) throws IOException {
    out.write(
        ("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket socket : new ArrayList<>(open)) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "ConnectProxy[" + new InetSocketAddress(server.getInetAddress(), port()) + "]";
  }

  private record Request(String method, String target, Map<String, String> headers) {

    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String[] parts = line.split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).strip());
      }
      return new Request(parts[0], parts[1], headers);
    }

    byte[] body(InputStream in) throws IOException {
      String length = headers.get("content-length");
      return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    void skipBody(InputStream in) throws IOException {
      body(in);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          String text = bytes.toString(StandardCharsets.ISO_8859_1);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        bytes.write(b);
      }
      return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
