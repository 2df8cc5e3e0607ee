package io.github.sncamunda.servicenow.simulator;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An in-process, stateful stand-in for a ServiceNow instance on loopback, for end-to-end tests,
 * demos, benchmarks and load tests. Speaks
 *
 * <ul>
 *   <li>the Table API ({@code /api/now/[v1|v2/]table/<table>}) for {@code incident}, the tables
 *       added with {@link #table(String)} or {@link #standardTables()}, and {@code
 *       sys_journal_field} (journal rows, read-only), with paging ({@code Link}, {@code
 *       X-Total-Count}) and simulated ACL filtering ({@link #aclHides});
 *   <li>the Attachment API ({@code /api/now/attachment…}, uploads read as a stream);
 *   <li>the Service Catalog's {@code order_now} for items added with {@link #catalogItem};
 *   <li>the OAuth token endpoint {@code /oauth_token.do} (client credentials, password, refresh
 *       token, JWT bearer);
 *   <li>Flow Designer REST triggers ({@code /api/<scope>/<flow>[/…]}).
 * </ul>
 *
 * It authenticates every API call (Basic, Bearer token it issued, {@code x-sn-apikey}), injects
 * faults (targeted with {@link #failNext}, or at a rate with {@link #faultMix}) and logs how every
 * request went ({@link #requestLog()}).
 *
 * <p>This class is the facade; the work is done by one class per concern (see package-info).
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

  public static final String JSON = "application/json;charset=UTF-8";
  public static final String DEFAULT_USER = "admin";
  public static final String DEFAULT_PASSWORD = "pw";
  public static final String DEFAULT_CLIENT_ID = "sim-client";
  public static final String DEFAULT_CLIENT_SECRET = "sim-secret";
  public static final String DEFAULT_API_KEY = "sim-api-key";

  private volatile Clock clock = Clock.systemUTC();
  private final Accounts accounts = new Accounts();
  private final TokenStore tokens = new TokenStore(clock);
  private final JwtBearerGrant jwt = new JwtBearerGrant(accounts);
  private final TokenEndpoint tokenEndpoint =
      new TokenEndpoint(accounts, tokens, jwt, () -> clock.instant());
  private final Tables tables = new Tables(clock);
  private final ServiceCatalog catalog = new ServiceCatalog(tables);
  private final AttachmentStore attachments = new AttachmentStore(clock, this::baseUrl);
  private final FlowTriggers flows = new FlowTriggers();
  private final FaultInjector faults = new FaultInjector();
  private final RequestLog log = new RequestLog();
  private final SimulatorServer server;
  private int threads = 8;

  public ServiceNowSimulator() {
    Router router =
        new Router(
            tokenEndpoint,
            new Authenticator(accounts, tokens),
            new TableApi(tables, this::baseUrl),
            new AttachmentApi(attachments, tables, this::baseUrl),
            catalog,
            flows);
    server = new SimulatorServer(router, log, faults, () -> clock.instant());
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts on 127.0.0.1 with a free port. */
  public ServiceNowSimulator start() {
    return start(0);
  }

  public synchronized ServiceNowSimulator start(int port) {
    server.start(port, threads);
    flows.start();
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, no trailing slash. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public int port() {
    return server.port();
  }

  @Override
  public synchronized void close() {
    server.stop();
    flows.stop();
  }

  // ---------------------------------------------------------------- configuration

  /** Adds (or replaces) a user for Basic auth and the OAuth password grant. */
  public ServiceNowSimulator user(String name, String password) {
    accounts.user(name, password);
    return this;
  }

  /** Adds (or replaces) an OAuth application registry entry. */
  public ServiceNowSimulator oauthClient(String clientId, String clientSecret) {
    accounts.oauthClient(clientId, clientSecret);
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
    accounts.apiKey(key, user);
    return this;
  }

  /** Removes the default credentials (admin/pw, sim-client, sim-api-key). */
  public ServiceNowSimulator withoutDefaultCredentials() {
    accounts.removeDefaults();
    return this;
  }

  /** {@code expires_in} of issued access tokens (default 1799); they stop working after it. */
  public ServiceNowSimulator accessTokenExpiresIn(int seconds) {
    tokens.accessTokenExpiresIn(seconds);
    return this;
  }

  public ServiceNowSimulator refreshTokenExpiresIn(long seconds) {
    tokens.refreshTokenExpiresIn(seconds);
    return this;
  }

  /** Clock for timestamps and token expiry. */
  public ServiceNowSimulator clock(Clock clock) {
    this.clock = clock;
    tokens.clock(clock);
    tables.clock(clock);
    attachments.clock(clock);
    return this;
  }

  /** Delay before {@link FlowCallback}s run (default 200 ms). */
  public ServiceNowSimulator flowCallbackDelay(Duration delay) {
    flows.callbackDelay(delay);
    return this;
  }

  /**
   * Whether to keep every request for {@link #requests()}, {@link #requestLog()} and {@link
   * #flowCalls()} (default true; turn off for long benchmarks and load tests: then only counters
   * are kept, so memory grows with the data written, not with the requests).
   */
  public ServiceNowSimulator recordRequests(boolean record) {
    log.recording(record);
    flows.recording(record);
    return this;
  }

  /**
   * When true, unregistered {@code /api/<scope>/<flow>} paths answer 400 like an instance without
   * that flow.
   */
  public ServiceNowSimulator strictFlows(boolean strict) {
    flows.strict(strict);
    return this;
  }

  /**
   * Worker threads of the HTTP server (default 8); only before {@link #start()}. 0 runs requests on
   * the server's single dispatcher thread (no hand-off, but a {@link Fault.Delay} then stalls every
   * connection).
   */
  public synchronized ServiceNowSimulator threads(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("threads must be 0 or more: " + count);
    }
    return workers(count);
  }

  /**
   * Runs every request on its own virtual thread (only before {@link #start()}): for load tests
   * with many concurrent clients and slow-answer faults, which then hold no pool thread.
   */
  public ServiceNowSimulator virtualThreads() {
    return workers(SimulatorServer.VIRTUAL);
  }

  private synchronized ServiceNowSimulator workers(int count) {
    if (server.started()) {
      throw new IllegalStateException("set threads before start()");
    }
    threads = count;
    return this;
  }

  // ---------------------------------------------------------------- tokens

  /** Revokes every access and refresh token: Bearer calls get 401, refresh grants fail. */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  /** Revokes access tokens only, so clients must use their refresh token (or a new grant). */
  public void revokeAccessTokens() {
    tokens.revokeAccessTokens();
  }

  /** Revokes one access or refresh token. */
  public void revokeToken(String token) {
    tokens.revoke(token);
  }

  /** Access tokens currently valid (issued, unrevoked, unexpired). */
  public Set<String> activeAccessTokens() {
    return tokens.activeAccessTokens();
  }

  /**
   * Lets {@code clientId} use the JWT bearer grant ({@code
   * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}, {@code assertion}, {@code client_id},
   * {@code client_secret}) with RS256 assertions signed by the key of {@code publicKey}: {@code
   * iss} must be the client id, {@code sub} an existing user (see {@link #user}), {@code aud}
   * {@code audience} (or a list holding it), {@code iat} present, {@code exp} in the future and at
   * most {@link #jwtMaxLifetime} away; a {@code jti} may be used once. The client must exist
   * ({@link #oauthClient}). Several keys per client are allowed.
   */
  public ServiceNowSimulator jwtVerifier(String clientId, PublicKey publicKey, String audience) {
    jwt.verifier(clientId, publicKey, audience, null);
    return this;
  }

  /**
   * Like {@link #jwtVerifier(String, PublicKey, String)}; the JWT header's {@code kid} must match.
   */
  public ServiceNowSimulator jwtVerifier(
      String clientId, PublicKey publicKey, String audience, String kid) {
    jwt.verifier(clientId, publicKey, audience, kid);
    return this;
  }

  /** How far in the future a JWT assertion's {@code exp} may be (default 1 hour). */
  public ServiceNowSimulator jwtMaxLifetime(Duration lifetime) {
    jwt.maxLifetime(lifetime);
    return this;
  }

  /**
   * Why recent token requests were refused (the last 100, oldest first): the client only ever sees
   * 401 {@code access_denied}, as on ServiceNow, whose real reason is in the instance log.
   */
  public List<String> tokenRejections() {
    return tokenEndpoint.rejections();
  }

  /** Calls to {@code /oauth_token.do}, successful or not. */
  public long tokenRequests() {
    return tokenEndpoint.requests();
  }

  // ---------------------------------------------------------------- flows

  /**
   * Answers {@code path} (e.g. {@code /api/x_camun_camunda/start_order}) and every path below it.
   */
  public ServiceNowSimulator registerFlow(String path, FlowHandler handler) {
    flows.register(path, handler);
    return this;
  }

  /**
   * Runs {@code callback} on the callback thread {@link #flowCallbackDelay} after each successful
   * trigger.
   */
  public ServiceNowSimulator onFlowTriggered(FlowCallback callback) {
    flows.onTriggered(callback);
    return this;
  }

  public List<FlowCall> flowCalls() {
    return flows.calls();
  }

  /** Removes every {@link FlowCallback}, e.g. between tests sharing one simulator. */
  public ServiceNowSimulator clearFlowCallbacks() {
    flows.clearCallbacks();
    return this;
  }

  public List<Throwable> callbackFailures() {
    return flows.failures();
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
    faults.failNext(count, method, pathPrefix, fault);
    return this;
  }

  /**
   * Every request (token endpoint included) suffers a fault drawn at the given rates from a random
   * seeded with {@code seed}, e.g. {@code Map.of(Fault.tooManyRequests(1), 0.05,
   * Fault.dropAfterProcessing(), 0.01)}; rates add up to at most 1, the rest get no fault. The same
   * seed gives the same sequence of draws (which request gets which then depends only on arrival
   * order). {@link #failNext} rules come first.
   */
  public ServiceNowSimulator faultMix(long seed, Map<Fault, Double> rates) {
    return faultMix(seed, null, null, rates);
  }

  /**
   * Like {@link #faultMix(long, Map)} for requests with this method (null: any) whose raw path
   * starts with {@code pathPrefix} (null: any). Mixes are tried in the order added; the first that
   * matches decides.
   */
  public ServiceNowSimulator faultMix(
      long seed, String method, String pathPrefix, Map<Fault, Double> rates) {
    faults.mix(seed, method, pathPrefix, rates);
    return this;
  }

  /** Removes {@link #failNext} rules and fault mixes. */
  public void clearFaults() {
    faults.clear();
  }

  /** {@link #failNext} faults still to be injected. */
  public int pendingFaults() {
    return faults.pending();
  }

  // ---------------------------------------------------------------- records

  /**
   * Adds a table to the instance (before or after start; adding it again changes nothing). Known
   * names get their columns, references and numbering: {@code incident} (INC), {@code problem}
   * (PRB), {@code change_request} (CHG), {@code change_task} (CTASK), {@code sc_request} (REQ),
   * {@code sc_req_item} (RITM), {@code sc_task} (SCTASK), {@code cmdb_ci}, {@code sys_user}, {@code
   * sys_user_group}. Any other valid name, e.g. a scoped {@code x_acme_app_item}, becomes a custom
   * table without numbers that stores any column written to it. Tables not added answer 400
   * "Invalid table"; only {@code incident} exists from the start.
   */
  public ServiceNowSimulator table(String name) {
    tables.add(StandardTables.named(name));
    return this;
  }

  /**
   * Adds a custom table that extends task: numbered {@code <numberPrefix>0010001…}, with journals,
   * {@code correlation_id} and the other task columns, and any further column written to it.
   */
  public ServiceNowSimulator table(String name, String numberPrefix) {
    tables.add(StandardTables.customTask(name, numberPrefix));
    return this;
  }

  /** Adds every table {@link #table(String)} knows by name. */
  public ServiceNowSimulator standardTables() {
    StandardTables.ALL.forEach(tables::add);
    return this;
  }

  /**
   * Simulates ACLs that deny the caller the rows matching {@code hidden} on reads: a GET of such a
   * row answers 404, and lists drop them after {@code sysparm_limit} was applied (as ServiceNow
   * does), so a page can come back short while {@code Link} still has {@code rel="next"}; {@code
   * X-Total-Count} counts them. Replaces an earlier rule for the table.
   */
  public ServiceNowSimulator aclHides(String table, Predicate<Map<String, String>> hidden) {
    tables.get(table);
    tables.aclHides(table, hidden);
    return this;
  }

  /** Records of a table in creation order, each an immutable map of field → string value. */
  public List<Map<String, String>> records(String table) {
    return tables.get(table).list();
  }

  public Optional<Map<String, String>> record(String table, String sysId) {
    return Optional.ofNullable(tables.get(table).get(sysId));
  }

  /** Records of a table whose {@code field} equals {@code value}. */
  public List<Map<String, String>> recordsWhere(String table, String field, String value) {
    return records(table).stream().filter(r -> value.equals(r.get(field))).toList();
  }

  /**
   * Creates a record directly, as if {@link #DEFAULT_USER} had (fields as in a POST body; journal
   * fields become journal entries, business rules and numbering apply).
   */
  public Map<String, String> seed(String table, Map<String, ?> fields) {
    return tables.get(table).insert(SimJson.MAPPER.valueToTree(fields), DEFAULT_USER);
  }

  /**
   * Changes a record directly, as if {@link #DEFAULT_USER} had worked on it in ServiceNow (fields
   * as in a PATCH body; journal fields become journal entries, business rules apply): what an
   * engineer resolving an incident or a fulfiller delivering an item does while a process waits for
   * it.
   */
  public Map<String, String> update(String table, String sysId, Map<String, ?> fields) {
    Map<String, String> updated =
        tables.get(table).update(sysId, SimJson.MAPPER.valueToTree(fields), DEFAULT_USER);
    if (updated == null) {
      throw new IllegalArgumentException("no " + table + " record with sys_id " + sysId);
    }
    return updated;
  }

  /**
   * An update whose transaction began at {@code stampedAt} and commits only now: it becomes visible
   * with a stamp older than changes already visible, as a slow ServiceNow transaction does.
   */
  public Map<String, String> commitLate(
      String table, String sysId, Map<String, ?> fields, java.time.Instant stampedAt) {
    return tables
        .get(table)
        .update(sysId, SimJson.MAPPER.valueToTree(fields), DEFAULT_USER, stampedAt);
  }

  /**
   * Runs {@code hook} with the table's name before each Table API list read is answered, e.g. to
   * write records while a poll pages through them; replaces an earlier hook.
   */
  public ServiceNowSimulator beforeEachList(java.util.function.Consumer<String> hook) {
    tables.beforeList = hook;
    return this;
  }

  /**
   * Incidents in creation order, each an immutable map of field → string value (journals excluded).
   */
  public List<Map<String, String>> incidents() {
    return records("incident");
  }

  public Optional<Map<String, String>> incident(String sysId) {
    return record("incident", sysId);
  }

  /** Incidents whose {@code field} equals {@code value}. */
  public List<Map<String, String>> incidentsWhere(String field, String value) {
    return recordsWhere("incident", field, value);
  }

  /**
   * Work notes and comments written to a record of any table, oldest first (its {@code
   * sys_journal_field} rows).
   */
  public List<JournalEntry> journal(String sysId) {
    return tables.journal().of(sysId).stream()
        .map(
            r ->
                new JournalEntry(
                    r.get("element"),
                    r.get("value"),
                    r.get("sys_created_on"),
                    r.get("sys_created_by")))
        .toList();
  }

  public record JournalEntry(String field, String value, String createdOn, String createdBy) {}

  /** Creates an incident directly, as if a user had (fields as in a POST body). */
  public Map<String, String> seedIncident(Map<String, ?> fields) {
    return seed("incident", fields);
  }

  // ---------------------------------------------------------------- service catalog

  /**
   * Registers a catalog item that {@code POST /api/sn_sc/servicecatalog/items/<sysId>/order_now}
   * can order (adds {@code sc_request} and {@code sc_req_item}); unknown items answer 400.
   */
  public ServiceNowSimulator catalogItem(String sysId, String name) {
    catalog.item(sysId, name);
    return this;
  }

  /** Orders taken, oldest first. */
  public List<CatalogOrder> catalogOrders() {
    return catalog.orders();
  }

  // ---------------------------------------------------------------- attachments

  /**
   * How many bytes of each uploaded attachment stay in memory (default 1 MiB): uploads up to this
   * size are kept whole and can be downloaded; bigger ones keep only their first bytes, with size
   * and SHA-256 of the whole (their download answers 500). 0 keeps none.
   */
  public ServiceNowSimulator attachmentBytesKept(long maxBytes) {
    attachments.bytesKept(maxBytes);
    return this;
  }

  /** Every attachment, oldest first. */
  public List<Attachment> attachments() {
    return attachments.list();
  }

  public Optional<Attachment> attachment(String sysId) {
    return Optional.ofNullable(attachments.get(sysId));
  }

  /** Attachments of one record, oldest first. */
  public List<Attachment> attachmentsOf(String table, String recordSysId) {
    return attachments.list().stream()
        .filter(a -> table.equals(a.tableName()) && recordSysId.equals(a.tableSysId()))
        .toList();
  }

  /** Attaches {@code content} to a record as {@link #DEFAULT_USER} would (no checks). */
  public Attachment seedAttachment(
      String table, String recordSysId, String fileName, String contentType, byte[] content) {
    return attachments.seed(
        seededUpload(table, recordSysId, fileName, contentType),
        AttachmentContent.of(content.clone()));
  }

  /**
   * Attaches {@code size} pseudo-random bytes (the same for the same {@code seed}) that are
   * generated while downloaded, never held in memory: for download tests of big files.
   */
  public Attachment seedGeneratedAttachment(
      String table, String recordSysId, String fileName, String contentType, long size, long seed) {
    return attachments.seed(
        seededUpload(table, recordSysId, fileName, contentType),
        AttachmentContent.generated(size, seed));
  }

  private static AttachmentStore.Upload seededUpload(
      String table, String recordSysId, String fileName, String contentType) {
    return new AttachmentStore.Upload(
        table, recordSysId, fileName, contentType, DEFAULT_USER, -1, false);
  }

  // ---------------------------------------------------------------- observation

  /** Every request received (when recording is on), in arrival order. */
  public List<RecordedRequest> requests() {
    return log.requests();
  }

  /**
   * How every request (when recording is on) went, in arrival order: time, principal, fault,
   * outcome (answered with a status, or dropped), whether it was processed. See {@link LogEntry}.
   */
  public List<LogEntry> requestLog() {
    return log.entries();
  }

  /** Requests with exactly this method and raw path. */
  public long requestCount(String method, String path) {
    return log.count(method, path);
  }

  /** Requests with this method (null: any) whose raw path starts with {@code prefix}. */
  public long requestCountByPrefix(String method, String prefix) {
    return log.countByPrefix(method, prefix);
  }

  /** "METHOD /raw/path" → count. */
  public Map<String, Long> requestCounts() {
    return log.counts();
  }

  public long totalRequests() {
    return log.total();
  }

  /** Distinct client address:port pairs that sent a request; see the class comment. */
  public int acceptedConnections() {
    return log.connections();
  }

  /**
   * Clears records, journals, attachments, orders, counters, flow calls, faults and tokens (not
   * credentials, tables, catalog items, flows or callbacks); numbering restarts.
   */
  public void reset() {
    tables.clear();
    log.clear();
    flows.reset();
    catalog.reset();
    attachments.clear();
    faults.clear();
    tokenEndpoint.reset();
    revokeAllTokens();
  }

  /**
   * Starts a simulator for demos: {@code [port [user password]]}; prints the base URL and runs
   * until killed.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    ServiceNowSimulator simulator = new ServiceNowSimulator().standardTables();
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
