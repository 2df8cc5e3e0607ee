package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process, stateful stand-in for a ServiceNow instance on loopback, for end-to-end tests,
 * demos and benchmarks. Speaks the Table API for {@code incident} ({@code /api/now/table/incident},
 * also {@code /api/now/v1|v2/table/incident}), the OAuth token endpoint {@code /oauth_token.do},
 * and Flow Designer REST triggers ({@code /api/<scope>/<flow>[/…]}), authenticates every API call
 * (Basic, Bearer token it issued, {@code x-sn-apikey}), injects faults and records what it saw.
 *
 * <p>Defaults: user {@code admin}/{@code pw}, OAuth client {@code sim-client}/{@code sim-secret},
 * API key {@code sim-api-key}; add more with {@link #user}, {@link #oauthClient}, {@link #apiKey}.
 * Configuration methods may be called before or after {@link #start()}.
 *
 * <p>{@link #acceptedConnections()} counts distinct client {@code address:port} pairs seen on
 * requests: the JDK server offers no accept hook, and a pooled keep-alive connection keeps its
 * port, so this equals the TCP connections that carried at least one request (an ephemeral port
 * reused later by a new connection would be counted once; connections that never sent a complete
 * request are not counted).
 */
public final class ServiceNowSimulator implements AutoCloseable {

  static {
    // the JDK server writes headers and body separately; without TCP_NODELAY a keep-alive client
    // on loopback can wait for delayed ACKs (read once per JVM when the first HttpServer starts)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  public static final String JSON = "application/json;charset=UTF-8";
  public static final String DEFAULT_USER = "admin";
  public static final String DEFAULT_PASSWORD = "pw";
  public static final String DEFAULT_CLIENT_ID = "sim-client";
  public static final String DEFAULT_CLIENT_SECRET = "sim-secret";
  public static final String DEFAULT_API_KEY = "sim-api-key";

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] EMPTY = new byte[0];
  private static final String TABLE_PREFIX = "/api/now/table/";
  private static final String OAUTH_FAILED =
      "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}";

  private final Map<String, String> users =
      new ConcurrentHashMap<>(Map.of(DEFAULT_USER, DEFAULT_PASSWORD));
  private final Map<String, String> clients =
      new ConcurrentHashMap<>(Map.of(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET));
  private final Map<String, String> apiKeys =
      new ConcurrentHashMap<>(Map.of(DEFAULT_API_KEY, DEFAULT_USER));
  private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, IssuedToken> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, FlowHandler> flows = new ConcurrentHashMap<>();
  private final List<FlowCallback> callbacks = new CopyOnWriteArrayList<>();
  private final List<FlowCall> flowCalls = new CopyOnWriteArrayList<>();
  private final List<Throwable> callbackFailures = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<FaultRule> faults = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder totalRequests = new LongAdder();
  private final IncidentTable incidents;

  private volatile Clock clock = Clock.systemUTC();
  private volatile int expiresIn = 1799;
  private volatile long refreshExpiresIn = 8_640_000;
  private volatile Duration callbackDelay = Duration.ofMillis(200);
  private volatile boolean recordRequests = true;
  private volatile boolean strictFlows;
  private int threads = 8;

  private HttpServer server;
  private ExecutorService executor;
  private ScheduledExecutorService callbackThread;
  private volatile String baseUrl;

  public ServiceNowSimulator() {
    incidents = new IncidentTable(clock);
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts on 127.0.0.1 with a free port. */
  public ServiceNowSimulator start() {
    return start(0);
  }

  public synchronized ServiceNowSimulator start(int port) {
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
        threads == 0
            ? null
            : Executors.newFixedThreadPool(
                threads, r -> daemon(r, "servicenow-sim-" + n.incrementAndGet()));
    callbackThread =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "servicenow-sim-callbacks"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    return this;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash. */
  public String baseUrl() {
    if (baseUrl == null) {
      throw new IllegalStateException("not started");
    }
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      if (executor != null) {
        executor.shutdownNow();
      }
      callbackThread.shutdownNow();
      server = null;
    }
  }

  // ---------------------------------------------------------------- configuration

  /** Adds (or replaces) a user for Basic auth and the OAuth password grant. */
  public ServiceNowSimulator user(String name, String password) {
    users.put(name, password);
    return this;
  }

  /** Adds (or replaces) an OAuth application registry entry. */
  public ServiceNowSimulator oauthClient(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
    return this;
  }

  /**
   * Adds an API key (header or query parameter {@code x-sn-apikey}) acting as {@link
   * #DEFAULT_USER}.
   */
  public ServiceNowSimulator apiKey(String key) {
    return apiKey(key, DEFAULT_USER);
  }

  public ServiceNowSimulator apiKey(String key, String user) {
    apiKeys.put(key, user);
    return this;
  }

  /** Removes the default credentials (admin/pw, sim-client, sim-api-key). */
  public ServiceNowSimulator withoutDefaultCredentials() {
    users.remove(DEFAULT_USER, DEFAULT_PASSWORD);
    clients.remove(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    apiKeys.remove(DEFAULT_API_KEY);
    return this;
  }

  /** {@code expires_in} of issued access tokens (default 1799); they stop working after it. */
  public ServiceNowSimulator accessTokenExpiresIn(int seconds) {
    expiresIn = seconds;
    return this;
  }

  public ServiceNowSimulator refreshTokenExpiresIn(long seconds) {
    refreshExpiresIn = seconds;
    return this;
  }

  /** Clock for timestamps and token expiry. */
  public ServiceNowSimulator clock(Clock clock) {
    this.clock = clock;
    incidents.clock(clock);
    return this;
  }

  /** Delay before {@link FlowCallback}s run (default 200 ms). */
  public ServiceNowSimulator flowCallbackDelay(Duration delay) {
    callbackDelay = delay;
    return this;
  }

  /**
   * Whether to keep every request for {@link #requests()} (default true; turn off for long
   * benchmarks).
   */
  public ServiceNowSimulator recordRequests(boolean record) {
    recordRequests = record;
    return this;
  }

  /**
   * When true, unregistered {@code /api/<scope>/<flow>} paths answer 400 like an instance without
   * that flow.
   */
  public ServiceNowSimulator strictFlows(boolean strict) {
    strictFlows = strict;
    return this;
  }

  /**
   * Worker threads of the HTTP server (default 8); only before {@link #start()}. 0 runs requests on
   * the server's single dispatcher thread (no hand-off, but a {@link Fault.Delay} then stalls every
   * connection).
   */
  public synchronized ServiceNowSimulator threads(int count) {
    if (server != null) {
      throw new IllegalStateException("set threads before start()");
    }
    threads = count;
    return this;
  }

  // ---------------------------------------------------------------- tokens

  /** Revokes every access and refresh token: Bearer calls get 401, refresh grants fail. */
  public void revokeAllTokens() {
    accessTokens.clear();
    refreshTokens.clear();
  }

  /** Revokes access tokens only, so clients must use their refresh token (or a new grant). */
  public void revokeAccessTokens() {
    accessTokens.clear();
  }

  /** Revokes one access or refresh token. */
  public void revokeToken(String token) {
    accessTokens.remove(token);
    refreshTokens.remove(token);
  }

  /** Access tokens currently valid (issued, unrevoked, unexpired). */
  public Set<String> activeAccessTokens() {
    Instant now = clock.instant();
    Set<String> out = new HashSet<>();
    accessTokens.forEach(
        (token, issued) -> {
          if (issued.expiresAt().isAfter(now)) {
            out.add(token);
          }
        });
    return out;
  }

  /** Calls to {@code /oauth_token.do}, successful or not. */
  public long tokenRequests() {
    return tokenRequests.sum();
  }

  // ---------------------------------------------------------------- flows

  /**
   * Answers {@code path} (e.g. {@code /api/x_camun_camunda/start_order}) and every path below it.
   */
  public ServiceNowSimulator registerFlow(String path, FlowHandler handler) {
    flows.put(stripSlash(path), handler);
    return this;
  }

  /**
   * Runs {@code callback} on the callback thread {@link #flowCallbackDelay} after each successful
   * trigger.
   */
  public ServiceNowSimulator onFlowTriggered(FlowCallback callback) {
    callbacks.add(callback);
    return this;
  }

  public List<FlowCall> flowCalls() {
    return List.copyOf(flowCalls);
  }

  /** Removes every {@link FlowCallback}, e.g. between tests sharing one simulator. */
  public ServiceNowSimulator clearFlowCallbacks() {
    callbacks.clear();
    return this;
  }

  public List<Throwable> callbackFailures() {
    return List.copyOf(callbackFailures);
  }

  // ---------------------------------------------------------------- faults

  /** The next {@code count} requests of any kind (token endpoint included) suffer {@code fault}. */
  public ServiceNowSimulator failNext(int count, Fault fault) {
    return failNext(count, null, null, fault);
  }

  /**
   * The next {@code count} requests with this method (null: any) whose raw path starts with {@code
   * pathPrefix} (null: any) suffer {@code fault}. Rules are used in the order added.
   */
  public ServiceNowSimulator failNext(int count, String method, String pathPrefix, Fault fault) {
    faults.add(
        new FaultRule(
            method == null ? null : method.toUpperCase(Locale.ROOT),
            pathPrefix,
            fault,
            new AtomicInteger(count)));
    return this;
  }

  public void clearFaults() {
    faults.clear();
  }

  /** Faults still to be injected. */
  public int pendingFaults() {
    int sum = 0;
    for (FaultRule rule : faults) {
      sum += Math.max(0, rule.remaining().get());
    }
    return sum;
  }

  // ---------------------------------------------------------------- observation

  /**
   * Records in creation order, each an immutable map of field → string value (journals excluded).
   */
  public List<Map<String, String>> incidents() {
    return incidents.list();
  }

  public Optional<Map<String, String>> incident(String sysId) {
    return Optional.ofNullable(incidents.get(sysId));
  }

  /** Incidents whose {@code field} equals {@code value}. */
  public List<Map<String, String>> incidentsWhere(String field, String value) {
    return incidents.list().stream().filter(r -> value.equals(r.get(field))).toList();
  }

  /** Work notes and comments written to an incident, oldest first. */
  public List<JournalEntry> journal(String sysId) {
    return incidents.journal(sysId).stream()
        .map(e -> new JournalEntry(e.field(), e.value(), e.createdOn(), e.createdBy()))
        .toList();
  }

  public record JournalEntry(String field, String value, String createdOn, String createdBy) {}

  /** Creates an incident directly, as if a user had (fields as in a POST body). */
  public Map<String, String> seedIncident(Map<String, ?> fields) {
    return incidents.insert(MAPPER.valueToTree(fields), DEFAULT_USER);
  }

  /** Every request received (when recording is on), in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(recorded);
  }

  /** Requests with exactly this method and raw path. */
  public long requestCount(String method, String path) {
    LongAdder adder = counts.get(method.toUpperCase(Locale.ROOT) + ' ' + path);
    return adder == null ? 0 : adder.sum();
  }

  /** Requests with this method (null: any) whose raw path starts with {@code prefix}. */
  public long requestCountByPrefix(String method, String prefix) {
    long sum = 0;
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      int space = e.getKey().indexOf(' ');
      if ((method == null || e.getKey().substring(0, space).equalsIgnoreCase(method))
          && e.getKey().startsWith(prefix, space + 1)) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }

  /** "METHOD /raw/path" → count. */
  public Map<String, Long> requestCounts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long totalRequests() {
    return totalRequests.sum();
  }

  /** Distinct client address:port pairs that sent a request; see the class comment. */
  public int acceptedConnections() {
    return connections.size();
  }

  /**
   * Clears records, counters, calls, faults and tokens (not credentials, flows or callbacks);
   * numbering restarts.
   */
  public void reset() {
    incidents.clear();
    recorded.clear();
    counts.clear();
    connections.clear();
    flowCalls.clear();
    callbackFailures.clear();
    faults.clear();
    tokenRequests.reset();
    totalRequests.reset();
    revokeAllTokens();
  }

  // ---------------------------------------------------------------- HTTP

  private record FaultRule(String method, String prefix, Fault fault, AtomicInteger remaining) {
    boolean matches(String m, String path) {
      return (method == null || method.equals(m)) && (prefix == null || path.startsWith(prefix));
    }
  }

  private record IssuedToken(
      String user, String clientId, Instant expiresAt, String refreshToken) {}

  private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int status, byte[] body) {
      return new Reply(status, JSON, body, Map.of());
    }

    static Reply json(int status, String body) {
      return json(status, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** One request being handled. */
  private final class Request {
    final HttpExchange exchange;
    final String method;
    final String path;
    final String rawQuery;
    final byte[] body;
    Map<String, String> query;
    RecordedRequest record;

    Request(HttpExchange exchange, String method, String path, String rawQuery, byte[] body) {
      this.exchange = exchange;
      this.method = method;
      this.path = path;
      this.rawQuery = rawQuery;
      this.body = body;
    }

    Map<String, String> query() {
      if (query == null) {
        query = decodeQuery(rawQuery);
      }
      return query;
    }

    String param(String name) {
      return rawQuery == null ? null : query().get(name);
    }

    String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    RecordedRequest record() {
      if (record == null) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange
            .getRequestHeaders()
            .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        record =
            new RecordedRequest(
                method,
                path,
                Collections.unmodifiableMap(query()),
                Collections.unmodifiableMap(headers),
                new String(body, StandardCharsets.UTF_8),
                exchange.getRemoteAddress().getAddress().getHostAddress()
                    + ":"
                    + exchange.getRemoteAddress().getPort(),
                clock.instant());
      }
      return record;
    }
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = exchange.getRequestMethod();
      String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
      if (override != null && method.equals("POST")) {
        method = override.toUpperCase(Locale.ROOT);
      }
      String path = exchange.getRequestURI().getRawPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Request request =
          new Request(exchange, method, path, exchange.getRequestURI().getRawQuery(), body);
      connections.add(exchange.getRemoteAddress());
      totalRequests.increment();
      counts.computeIfAbsent(method + ' ' + path, k -> new LongAdder()).increment();
      if (recordRequests) {
        recorded.add(request.record());
      }
      Fault fault = takeFault(method, path);
      if (fault instanceof Fault.DropBeforeProcessing) {
        exchange.close();
        return;
      }
      if (fault instanceof Fault.Delay delay) {
        Thread.sleep(delay.delay().toMillis());
      }
      if (fault instanceof Fault.Status status) {
        write(
            exchange,
            new Reply(
                status.status(),
                status.contentType(),
                status.body() == null ? EMPTY : status.body().getBytes(StandardCharsets.UTF_8),
                status.headers()));
        return;
      }
      Reply reply = route(request);
      if (fault instanceof Fault.DropAfterProcessing) {
        exchange.close(); // no response headers sent: the JDK server closes the socket
        return;
      }
      write(exchange, reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (Throwable t) {
      try {
        write(exchange, Reply.json(500, envelope("Internal simulator error", String.valueOf(t))));
      } catch (Throwable ignored) {
        exchange.close();
      }
    }
  }

  private Fault takeFault(String method, String path) {
    if (faults.isEmpty()) {
      return null;
    }
    for (FaultRule rule : faults) {
      if (rule.matches(method, path)) {
        int left = rule.remaining().getAndDecrement();
        if (left > 0) {
          if (left == 1) {
            faults.remove(rule);
          }
          return rule.fault();
        }
        faults.remove(rule);
      }
    }
    return null;
  }

  private static void write(HttpExchange exchange, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    if (reply.contentType() != null && reply.body().length > 0) {
      headers.set("Content-Type", reply.contentType());
    }
    reply.headers().forEach(headers::set);
    if (reply.body().length == 0) {
      exchange.sendResponseHeaders(reply.status(), -1);
    } else {
      exchange.sendResponseHeaders(reply.status(), reply.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
    exchange.close();
  }

  private Reply route(Request request) throws IOException {
    String path = request.path;
    if (path.equals("/oauth_token.do")) {
      return token(request);
    }
    if (!path.startsWith("/api/")) {
      return Reply.json(400, envelope("Requested URI does not represent any resource", null));
    }
    String user = authenticate(request);
    if (user == null) {
      return new Reply(
          401,
          JSON,
          envelope("User Not Authenticated", "Required to provide Auth information")
              .getBytes(StandardCharsets.UTF_8),
          Map.of("WWW-Authenticate", "BASIC realm=\"Service-now\""));
    }
    if (path.startsWith("/api/now/")) {
      String rest;
      boolean v1 = false;
      if (path.startsWith(TABLE_PREFIX)) {
        rest = path.substring(TABLE_PREFIX.length());
      } else if (path.startsWith("/api/now/v1/table/") || path.startsWith("/api/now/v2/table/")) {
        v1 = path.charAt(10) == '1';
        rest = path.substring("/api/now/v1/table/".length());
      } else {
        return Reply.json(400, envelope("Requested URI does not represent any resource", null));
      }
      return table(request, rest, v1, user);
    }
    return flow(request);
  }

  // ---------------------------------------------------------------- authentication

  private String authenticate(Request request) {
    String authorization = request.header("Authorization");
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        String[] pair = basic(authorization);
        return pair != null && pair[1].equals(users.get(pair[0])) ? pair[0] : null;
      }
      if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        IssuedToken token = accessTokens.get(authorization.substring(7).trim());
        return token != null && token.expiresAt().isAfter(clock.instant()) ? token.user() : null;
      }
      return null;
    }
    String key = request.header("x-sn-apikey");
    if (key == null) {
      key = request.param("x-sn-apikey");
    }
    return key == null ? null : apiKeys.get(key);
  }

  private static String[] basic(String authorization) {
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Reply token(Request request) throws IOException {
    tokenRequests.increment();
    if (!request.method.equals("POST")) {
      return Reply.json(405, envelope("Method not Supported", null));
    }
    Map<String, String> form = decodeQuery(new String(request.body, StandardCharsets.UTF_8));
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String authorization = request.header("Authorization");
    if (clientId == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] pair = basic(authorization);
      if (pair != null) {
        clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
        clientSecret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
      }
    }
    if (clientId == null || clientSecret == null || !clientSecret.equals(clients.get(clientId))) {
      return Reply.json(401, OAUTH_FAILED);
    }
    String grant = String.valueOf(form.get("grant_type"));
    String user;
    switch (grant) {
      case "client_credentials" -> user = DEFAULT_USER; // the OAuth Application User
      case "password" -> {
        String name = form.get("username");
        String password = form.get("password");
        if (name == null || password == null || !password.equals(users.get(name))) {
          return Reply.json(401, OAUTH_FAILED);
        }
        user = name;
      }
      case "refresh_token" -> {
        String refresh = form.get("refresh_token");
        IssuedToken issued = refresh == null ? null : refreshTokens.get(refresh);
        if (issued == null
            || !issued.clientId().equals(clientId)
            || !issued.expiresAt().isAfter(clock.instant())) {
          return Reply.json(401, OAUTH_FAILED);
        }
        return issue(issued.user(), clientId, refresh);
      }
      default -> {
        return Reply.json(401, OAUTH_FAILED);
      }
    }
    String refresh = randomToken();
    refreshTokens.put(
        refresh,
        new IssuedToken(user, clientId, clock.instant().plusSeconds(refreshExpiresIn), null));
    return issue(user, clientId, refresh);
  }

  private Reply issue(String user, String clientId, String refresh) throws IOException {
    String access = randomToken();
    int lifetime = expiresIn;
    accessTokens.put(
        access, new IssuedToken(user, clientId, clock.instant().plusSeconds(lifetime), refresh));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("access_token", access);
      g.writeStringField("refresh_token", refresh);
      g.writeStringField("scope", "useraccount");
      g.writeStringField("token_type", "Bearer");
      g.writeNumberField("expires_in", lifetime);
      g.writeEndObject();
    }
    return Reply.json(200, out.toByteArray());
  }

  private static String randomToken() {
    byte[] bytes = new byte[64];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---------------------------------------------------------------- table API

  private enum Display {
    FALSE,
    TRUE,
    ALL
  }

  private record Render(Set<String> fields, Display display, boolean excludeLink, String base) {}

  private Render render(Request request) {
    Set<String> fields = null;
    String wanted = request.param("sysparm_fields");
    if (wanted != null && !wanted.isBlank()) {
      fields = new java.util.LinkedHashSet<>();
      for (String f : wanted.split(",")) {
        if (!f.isBlank()) {
          fields.add(f.trim());
        }
      }
    }
    String dv = request.param("sysparm_display_value");
    Display display =
        dv == null
            ? Display.FALSE
            : dv.equalsIgnoreCase("true")
                ? Display.TRUE
                : dv.equalsIgnoreCase("all") ? Display.ALL : Display.FALSE;
    return new Render(
        fields,
        display,
        "true".equalsIgnoreCase(request.param("sysparm_exclude_reference_link")),
        baseUrl);
  }

  private Reply table(Request request, String rest, boolean v1, String user) throws IOException {
    int slash = rest.indexOf('/');
    String table = slash < 0 ? rest : rest.substring(0, slash);
    String sysId =
        slash < 0 ? null : URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
    if (!table.equals("incident")) {
      return Reply.json(400, envelope("Invalid table " + table, null));
    }
    if (sysId != null && (sysId.isEmpty() || sysId.indexOf('/') >= 0)) {
      return Reply.json(400, envelope("Requested URI does not represent any resource", null));
    }
    boolean noBody = "true".equalsIgnoreCase(request.header("X-no-response-body"));
    switch (request.method) {
      case "GET" -> {
        if (sysId == null) {
          return list(request, v1);
        }
        Map<String, String> record = incidents.get(sysId);
        return record == null ? notFound() : Reply.json(200, single(record, render(request)));
      }
      case "POST" -> {
        if (sysId != null) {
          return Reply.json(
              405, envelope("Method not Supported", "POST method not supported for API"));
        }
        JsonNode body = body(request);
        if (body == null) {
          return invalidJson();
        }
        Map<String, String> record = incidents.insert(body, user);
        Map<String, String> headers =
            Map.of("Location", baseUrl + TABLE_PREFIX + "incident/" + record.get("sys_id"));
        return new Reply(201, JSON, noBody ? EMPTY : single(record, render(request)), headers);
      }
      case "PUT", "PATCH" -> {
        if (sysId == null) {
          return Reply.json(
              405,
              envelope("Method not Supported", request.method + " method not supported for API"));
        }
        JsonNode body = body(request);
        if (body == null) {
          return invalidJson();
        }
        Map<String, String> record = incidents.update(sysId, body, user);
        if (record == null) {
          return notFound();
        }
        return noBody
            ? new Reply(200, JSON, EMPTY, Map.of())
            : Reply.json(200, single(record, render(request)));
      }
      case "DELETE" -> {
        if (sysId == null) {
          return Reply.json(
              405, envelope("Method not Supported", "DELETE method not supported for API"));
        }
        return incidents.delete(sysId) ? new Reply(204, null, EMPTY, Map.of()) : notFound();
      }
      default -> {
        return Reply.json(405, envelope("Method not Supported", null));
      }
    }
  }

  /**
   * The body as JSON (first element of an array, as ServiceNow processes only one record); null
   * when invalid.
   */
  private static JsonNode body(Request request) {
    if (request.body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(request.body);
      if (node != null && node.isArray()) {
        node = node.isEmpty() ? MAPPER.createObjectNode() : node.get(0);
      }
      return node == null || !node.isObject() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static Reply invalidJson() {
    return Reply.json(
        400, envelope("Exception while reading request", "The payload is not valid JSON."));
  }

  private static Reply notFound() {
    return Reply.json(
        404,
        envelope("No Record found", "Record doesn't exist or ACL restricts the record retrieval"));
  }

  private Reply list(Request request, boolean v1) throws IOException {
    EncodedQuery query =
        EncodedQuery.parse(request.param("sysparm_query"), incidents.queryableFields());
    List<Map<String, String>> matching = new ArrayList<>();
    for (Map<String, String> record : incidents.list()) {
      if (query.matches(record)) {
        matching.add(record);
      }
    }
    Comparator<Map<String, String>> order = query.comparator();
    if (order != null) {
      matching.sort(order);
    }
    int total = matching.size();
    int limit = intParam(request.param("sysparm_limit"), 10000);
    int offset = intParam(request.param("sysparm_offset"), 0);
    int from = Math.min(offset, total);
    int to = (int) Math.min((long) from + limit, total);
    if (v1 && total == 0) {
      return notFound();
    }
    Render render = render(request);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (to - from) * 1024);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("result");
      for (int i = from; i < to; i++) {
        writeRecord(g, matching.get(i), render);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Total-Count", Integer.toString(total));
    String link = links(request, total, limit, offset);
    if (link != null) {
      headers.put("Link", link);
    }
    return new Reply(200, JSON, out.toByteArray(), headers);
  }

  private String links(Request request, int total, int limit, int offset) {
    if (limit <= 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(link(request, 0, limit, "first"));
    if (offset > 0) {
      parts.add(link(request, Math.max(0, offset - limit), limit, "prev"));
    }
    if ((long) offset + limit < total) {
      parts.add(link(request, offset + limit, limit, "next"));
    }
    parts.add(link(request, total == 0 ? 0 : ((total - 1) / limit) * limit, limit, "last"));
    return String.join(",", parts);
  }

  private String link(Request request, int offset, int limit, String rel) {
    Map<String, String> params = new LinkedHashMap<>(request.query());
    params.put("sysparm_offset", Integer.toString(offset));
    params.put("sysparm_limit", Integer.toString(limit));
    StringBuilder url = new StringBuilder(baseUrl).append(request.path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      url.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      sep = '&';
    }
    return "<" + url + ">;rel=\"" + rel + "\"";
  }

  private static int intParam(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static byte[] single(Map<String, String> record, Render render) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName("result");
      writeRecord(g, record, render);
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeRecord(JsonGenerator g, Map<String, String> record, Render render)
      throws IOException {
    g.writeStartObject();
    if (render.fields() == null) {
      for (Map.Entry<String, String> e : record.entrySet()) {
        writeField(g, e.getKey(), e.getValue(), render);
      }
    } else {
      for (String field : render.fields()) {
        String value = record.get(field);
        if (value != null) { // invalid or dot-walked names are ignored like ServiceNow does
          writeField(g, field, value, render);
        }
      }
    }
    g.writeEndObject();
  }

  private static void writeField(JsonGenerator g, String field, String value, Render render)
      throws IOException {
    if (IncidentTable.JOURNAL.contains(field)) {
      value = ""; // write-only journal fields read back empty
    }
    g.writeFieldName(field);
    String table = IncidentTable.REFERENCES.get(field);
    if (table != null && !value.isEmpty()) {
      String link = render.base() + TABLE_PREFIX + table + "/" + value;
      switch (render.display()) {
        case FALSE -> {
          if (render.excludeLink()) {
            g.writeString(value);
          } else {
            g.writeStartObject();
            g.writeStringField("link", link);
            g.writeStringField("value", value);
            g.writeEndObject();
          }
        }
        case TRUE -> {
          if (render.excludeLink()) {
            g.writeString(value);
          } else {
            g.writeStartObject();
            g.writeStringField("display_value", value);
            g.writeStringField("link", link);
            g.writeEndObject();
          }
        }
        case ALL -> {
          g.writeStartObject();
          g.writeStringField("display_value", value);
          if (!render.excludeLink()) {
            g.writeStringField("link", link);
          }
          g.writeStringField("value", value);
          g.writeEndObject();
        }
      }
      return;
    }
    switch (render.display()) {
      case FALSE -> g.writeString(value);
      case TRUE -> g.writeString(IncidentTable.display(field, value));
      case ALL -> {
        g.writeStartObject();
        g.writeStringField("display_value", IncidentTable.display(field, value));
        g.writeStringField("value", value);
        g.writeEndObject();
      }
    }
  }

  // ---------------------------------------------------------------- flows

  private Reply flow(Request request) {
    String path = stripSlash(request.path);
    FlowHandler handler = null;
    for (String candidate = path; candidate.length() > "/api".length(); ) {
      handler = flows.get(candidate);
      if (handler != null) {
        break;
      }
      int slash = candidate.lastIndexOf('/');
      if (slash <= 0) {
        break;
      }
      candidate = candidate.substring(0, slash);
    }
    String[] segments = path.substring(1).split("/");
    if (segments.length < 3 || (handler == null && strictFlows)) {
      return Reply.json(400, envelope("Requested URI does not represent any resource", null));
    }
    String executionId = IncidentTable.newSysId();
    FlowCall call = new FlowCall(executionId, request.record());
    flowCalls.add(call);
    FlowResponse response =
        handler == null ? FlowResponse.executionId(executionId) : handler.handle(call);
    if (response.successful()) {
      for (FlowCallback callback : callbacks) {
        callbackThread.schedule(
            () -> {
              try {
                callback.onTriggered(call);
              } catch (Throwable t) {
                callbackFailures.add(t);
              }
            },
            callbackDelay.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
    return new Reply(
        response.status(),
        response.contentType(),
        response.body() == null ? EMPTY : response.body().getBytes(StandardCharsets.UTF_8),
        response.headers());
  }

  // ---------------------------------------------------------------- helpers

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static Map<String, String> decodeQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }

  /** ServiceNow's error envelope {@code {"error":{"message","detail"},"status":"failure"}}. */
  static String envelope(String message, String detail) {
    var root = MAPPER.createObjectNode();
    var error = root.putObject("error");
    error.put("message", message);
    error.put("detail", detail);
    root.put("status", "failure");
    return root.toString();
  }

  /**
   * Starts a simulator for demos: {@code [port [user password]]}; prints the base URL and runs
   * until killed.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    ServiceNowSimulator simulator = new ServiceNowSimulator();
    if (args.length > 2) {
      simulator.user(args[1], args[2]);
    }
    simulator.onFlowTriggered(
        call ->
            System.out.println(
                "flow "
                    + call.method()
                    + " "
                    + call.path()
                    + " executionId="
                    + call.executionId()
                    + " body="
                    + call.request().body()));
    simulator.start(port);
    System.out.println("ServiceNow simulator listening on " + simulator.baseUrl());
    System.out.println(
        "Basic "
            + DEFAULT_USER
            + "/"
            + DEFAULT_PASSWORD
            + ", OAuth client "
            + DEFAULT_CLIENT_ID
            + "/"
            + DEFAULT_CLIENT_SECRET
            + ", API key "
            + DEFAULT_API_KEY);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    Thread.currentThread().join();
  }
}
