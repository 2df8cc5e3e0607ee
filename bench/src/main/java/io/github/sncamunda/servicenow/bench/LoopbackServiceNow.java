package io.github.sncamunda.servicenow.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately small HTTP/1.1 server on loopback that answers like ServiceNow with canned bytes.
 *
 * <p>Why not the JDK {@code HttpServer} or the test-scope simulator: we need the exact number of
 * accepted TCP connections, and a server that costs next to nothing per request. So this is a
 * blocking {@link ServerSocket}: one accept loop counts every {@code accept()}, and each connection
 * is served by its own virtual thread (keep-alive, HTTP/1.1, {@code Content-Length} bodies only).
 * Answers are precomputed byte arrays; the request body is read and discarded.
 *
 * <ul>
 *   <li>{@code POST /oauth_token.do} → {@code {"access_token":…,"expires_in":1800}} (counted)
 *   <li>{@code POST /api/now/table/incident} → 201 with one incident record
 *   <li>{@code GET /api/now/table/incident/<sys_id>} → 200 with the same record
 *   <li>{@code GET /api/now/table/incident?big=…} → a 50 MB {@code {"result":[…]}} (chunked, or with
 *       {@code Content-Length} when the query contains {@code declared})
 *   <li>any other {@code /api/…} (a flow REST trigger) → 200 {@code {"result":{"executionId":…}}}
 * </ul>
 * Every request except the token endpoint must carry an {@code Authorization} header, else 401.
 */
public final class LoopbackServiceNow implements Closeable {

  public static final String SYS_ID = "46d44e2ba9fe1981009d6a8c4e2f7a76";
  public static final String TOKEN = "bench-access-token-0123456789abcdef";
  public static final long BIG_BYTES = 50L * 1024 * 1024;

  static final String RECORD = "{\"sys_id\":\"" + SYS_ID + "\",\"number\":\"INC0010042\","
      + "\"short_description\":\"Disk full on db01\",\"priority\":\"1\",\"impact\":\"1\",\"urgency\":\"1\","
      + "\"state\":\"1\",\"active\":\"true\",\"correlation_id\":\"\","
      + "\"caller_id\":\"6816f79cc0a8016401c5a33be04be441\",\"assignment_group\":\"\","
      + "\"sys_created_on\":\"2026-05-01 10:15:00\",\"sys_updated_on\":\"2026-05-01 10:15:00\"}";

  private static final byte[] CREATED = response(201, "Created", "{\"result\":" + RECORD + "}");
  private static final byte[] READ = response(200, "OK", "{\"result\":" + RECORD + "}");
  private static final byte[] FLOW =
      response(200, "OK", "{\"result\":{\"executionId\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"}}");
  private static final byte[] TOKEN_ANSWER = response(200, "OK",
      "{\"access_token\":\"" + TOKEN + "\",\"refresh_token\":\"bench-refresh\",\"scope\":\"useraccount\","
          + "\"token_type\":\"Bearer\",\"expires_in\":1800}");
  private static final byte[] UNAUTHORIZED = response(401, "Unauthorized",
      "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}");
  private static final byte[] NOT_FOUND = response(404, "Not Found", "{\"error\":{\"message\":\"Not found\"}}");

  private final ServerSocket serverSocket;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread acceptor;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong tokenRequests = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean running = true;

  public LoopbackServiceNow() throws IOException {
    serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    acceptor = Thread.ofPlatform().daemon().name("loopback-servicenow-accept").start(this::acceptLoop);
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** TCP connections accepted since start or the last {@link #reset()}. */
  public long acceptedConnections() {
    return accepted.get();
  }

  public long tokenRequests() {
    return tokenRequests.get();
  }

  public long requests() {
    return requests.get();
  }

  public void reset() {
    accepted.set(0);
    tokenRequests.set(0);
    requests.set(0);
  }

  private void acceptLoop() {
    while (running) {
      try {
        Socket socket = serverSocket.accept();
        accepted.incrementAndGet();
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!running) {
          return;
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(120_000);
      Input in = new Input(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] line = new byte[8 * 1024];
      while (true) {
        int n = readLine(in, line);
        if (n < 0) {
          return;
        }
        if (n == 0) {
          continue;
        }
        String requestLine = new String(line, 0, n, StandardCharsets.ISO_8859_1);
        long contentLength = 0;
        boolean authorized = false;
        boolean close = false;
        boolean chunkedRequest = false;
        while ((n = readLine(in, line)) > 0) {
          if (startsWithIgnoreCase(line, n, "content-length:")) {
            contentLength = Long.parseLong(new String(line, 15, n - 15, StandardCharsets.ISO_8859_1).trim());
          } else if (startsWithIgnoreCase(line, n, "authorization:")) {
            authorized = true;
          } else if (startsWithIgnoreCase(line, n, "connection:")) {
            close = new String(line, 11, n - 11, StandardCharsets.ISO_8859_1).trim().equalsIgnoreCase("close");
          } else if (startsWithIgnoreCase(line, n, "transfer-encoding:")) {
            chunkedRequest = true;
          }
        }
        if (n < 0) {
          return;
        }
        if (chunkedRequest) {
          skipChunked(in, line);
        } else {
          in.skipNBytes(contentLength);
        }
        requests.incrementAndGet();
        answer(requestLine, authorized, out);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // client went away (or aborted a 50 MB answer on purpose)
    }
  }

  private void answer(String requestLine, boolean authorized, OutputStream out) throws IOException {
    int sp1 = requestLine.indexOf(' ');
    int sp2 = requestLine.indexOf(' ', sp1 + 1);
    String method = requestLine.substring(0, sp1);
    String target = requestLine.substring(sp1 + 1, sp2 < 0 ? requestLine.length() : sp2);
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);

    if (path.equals("/oauth_token.do")) {
      tokenRequests.incrementAndGet();
      out.write(TOKEN_ANSWER);
      return;
    }
    if (!authorized) {
      out.write(UNAUTHORIZED);
      return;
    }
    if (path.equals("/api/now/table/incident")) {
      if (method.equals("POST")) {
        out.write(CREATED);
      } else if (query.contains("big")) {
        writeBig(out, query.contains("declared"));
      } else {
        out.write(NOT_FOUND);
      }
    } else if (path.startsWith("/api/now/table/incident/")) {
      out.write(READ);
    } else if (path.startsWith("/api/")) {
      out.write(FLOW);
    } else {
      out.write(NOT_FOUND);
    }
  }

  /** 50 MB of {@code {"result":[record,record,…]}} from one reused buffer: the server allocates ~nothing. */
  private static void writeBig(OutputStream out, boolean declared) throws IOException {
    byte[] head = "{\"result\":[".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "]}".getBytes(StandardCharsets.US_ASCII);
    byte[] one = (RECORD + ",").getBytes(StandardCharsets.US_ASCII);
    byte[] last = RECORD.getBytes(StandardCharsets.US_ASCII);
    int perChunk = 64 * 1024 / one.length;
    byte[] chunk = new byte[perChunk * one.length];
    for (int i = 0; i < perChunk; i++) {
      System.arraycopy(one, 0, chunk, i * one.length, one.length);
    }
    long chunks = (BIG_BYTES - head.length - tail.length - last.length) / chunk.length;
    long total = head.length + chunks * chunk.length + last.length + tail.length;
    String headers = "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n"
        + (declared ? "Content-Length: " + total + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
    out.write(headers.getBytes(StandardCharsets.US_ASCII));
    writePart(out, head, declared);
    for (long i = 0; i < chunks; i++) {
      writePart(out, chunk, declared);
    }
    writePart(out, last, declared);
    writePart(out, tail, declared);
    if (!declared) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void writePart(OutputStream out, byte[] bytes, boolean declared) throws IOException {
    if (!declared) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes);
    if (!declared) {
      out.write('\r');
      out.write('\n');
    }
  }

  private static void skipChunked(Input in, byte[] line) throws IOException {
    while (true) {
      int n = readLine(in, line);
      if (n < 0) {
        throw new SocketException("eof in chunked body");
      }
      String size = new String(line, 0, n, StandardCharsets.ISO_8859_1);
      int semi = size.indexOf(';');
      long length = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      if (length == 0) {
        while (readLine(in, line) > 0) {
          // trailers
        }
        return;
      }
      in.skipNBytes(length);
      readLine(in, line);
    }
  }

  /** Reads one CRLF-terminated line into {@code buf}; returns its length, or -1 at end of stream. */
  private static int readLine(Input in, byte[] buf) throws IOException {
    int n = 0;
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
      }
      if (n < buf.length) {
        buf[n++] = (byte) b;
      }
    }
    return n == 0 ? -1 : n;
  }

  /** An unsynchronized buffered reader: one per connection, no per-byte locking. */
  private static final class Input {
    private final InputStream in;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    void skipNBytes(long n) throws IOException {
      while (n > 0) {
        if (pos == limit && !fill()) {
          throw new SocketException("eof in body");
        }
        int step = (int) Math.min(n, limit - pos);
        pos += step;
        n -= step;
      }
    }

    private boolean fill() throws IOException {
      int r = in.read(buf, 0, buf.length);
      if (r <= 0) {
        return false;
      }
      pos = 0;
      limit = r;
      return true;
    }
  }

  private static boolean startsWithIgnoreCase(byte[] line, int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase(line[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] response(int status, String reason, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json;charset=UTF-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  /**
   * Runs the server in its own JVM, so its threads and allocations never show up in the
   * benchmark JVM's numbers. Prints {@code PORT <http> ADMIN <admin>}; the admin port answers one
   * line per command: {@code STATS} → {@code <accepted> <tokenRequests> <requests>}, {@code RESET}.
   */
  public static void main(String[] args) throws IOException {
    LoopbackServiceNow server = new LoopbackServiceNow();
    ServerSocket admin = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    System.out.println("PORT " + server.port() + " ADMIN " + admin.getLocalPort());
    System.out.flush();
    while (true) {
      try (Socket s = admin.accept()) {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        String command = reader.readLine();
        String reply;
        if ("RESET".equals(command)) {
          server.reset();
          reply = "OK";
        } else if ("STOP".equals(command)) {
          s.getOutputStream().write("OK\n".getBytes(StandardCharsets.US_ASCII));
          server.close();
          return;
        } else {
          reply = server.acceptedConnections() + " " + server.tokenRequests() + " " + server.requests();
        }
        s.getOutputStream().write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    serverSocket.close();
    connections.shutdownNow();
  }
}
