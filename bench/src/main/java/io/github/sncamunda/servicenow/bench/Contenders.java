package io.github.sncamunda.servicenow.bench;

import io.camunda.connector.http.rest.HttpJsonFunction;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.flow.FlowStarterFunction;
import io.github.sncamunda.servicenow.incident.IncidentHandlerFunction;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The three contenders, each making the same ServiceNow call against the same loopback server.
 *
 * <ul>
 *   <li><b>raw</b> — one shared, pooled Apache HttpClient 5 (pool size = ours, 50) with a
 *       precomputed {@code Authorization} header (OAuth: one token fetched up front). It sends the
 *       same method, URL, headers and body as ours and reads the answer into a {@code byte[]}; it
 *       does not parse JSON. This is the floor.
 *   <li><b>ours</b> — {@link FlowStarterFunction} / {@link IncidentHandlerFunction} on one
 *       {@link ServiceNowClient} (what {@code ServiceNowClient.shared()} is in the runtime), called
 *       with a fresh SDK context per call, as the runtime does per job: variables as the element
 *       template produces them, credentials as {@code {{secrets.…}}} references.
 *   <li><b>rest</b> — Camunda's REST connector {@code connector-http-json} 8.8.7
 *       ({@link HttpJsonFunction}), variables as Camunda's ServiceNow templates set them: URL built
 *       from instance + path, method, JSON body, timeouts 20/20, Basic auth (Incident template:
 *       {@code skipEncoding=true}); and with its OAuth client-credentials authentication.
 * </ul>
 */
public final class Contenders implements Closeable {

  public enum Auth { basic, oauth }

  public enum Op { flowStart, incidentCreate, incidentRead }

  /** One call of one contender; returns what the caller gets back. */
  @FunctionalInterface
  public interface Call {
    Object call() throws Exception;
  }

  static final String USER = "camunda.integration";
  static final String PASSWORD = "s3cr3t-P@ss word!";
  static final String CLIENT_ID = "bench-client-id";
  static final String CLIENT_SECRET = "bench-client-secret";
  static final String FLOW_PATH = "/api/x_bench/camunda/start_flow";
  static final String FLOW_BODY = "{\"short_description\":\"Disk full on db01\",\"caller\":\"abel.tuter\",\"priority\":\"1\"}";
  static final String INCIDENT_BODY = "{\"short_description\":\"Disk full on db01\",\"urgency\":\"1\",\"impact\":\"1\"}";
  /** What our search sends as sysparm_query; the server answers 50 MB for queries containing "big". */
  static final String BIG_QUERY_CHUNKED = "short_descriptionLIKEbig";
  static final String BIG_QUERY_DECLARED = "short_descriptionLIKEbig_declared";

  private final String base;
  private final Auth auth;
  private final CloseableHttpClient raw;
  private String rawAuthorization;
  private final ServiceNowClient client;
  private final FlowStarterFunction flowStarter;
  private final IncidentHandlerFunction incidentHandler;
  private final HttpJsonFunction rest = new HttpJsonFunction();

  public Contenders(int port, Auth auth) throws IOException {
    this(port, auth, ClientSettings.defaults());
  }

  public Contenders(int port, Auth auth, ClientSettings settings) throws IOException {
    this.base = "http://127.0.0.1:" + port;
    this.auth = auth;
    this.raw = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(ClientSettings.DEFAULT_MAX_CONNECTIONS)
            .setMaxConnPerRoute(ClientSettings.DEFAULT_MAX_CONNECTIONS)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .build();
    this.client = new ServiceNowClient(settings);
    this.flowStarter = new FlowStarterFunction(client);
    this.incidentHandler = new IncidentHandlerFunction(client);
  }

  public Call call(String contender, Op op) {
    return switch (contender) {
      case "raw" -> raw(op);
      case "ours" -> ours(op);
      case "rest" -> rest(op);
      default -> throw new IllegalArgumentException(contender);
    };
  }

  // ---------------------------------------------------------------- raw HttpClient 5 (the floor)

  /** Basic: the encoded header; OAuth: one token fetched now (the first time a raw call is made) and reused. */
  private synchronized String rawAuthorization() throws IOException {
    if (rawAuthorization == null) {
      rawAuthorization = auth == Auth.basic
          ? "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
          : "Bearer " + rawToken();
    }
    return rawAuthorization;
  }

  public Call raw(Op op) {
    try {
      rawAuthorization();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return switch (op) {
      case flowStart -> () -> rawExecute(post(FLOW_PATH, FLOW_BODY, true));
      case incidentCreate -> () -> rawExecute(post("/api/now/table/incident?sysparm_exclude_reference_link=true", INCIDENT_BODY, false));
      case incidentRead -> () -> rawExecute(get("/api/now/table/incident/" + LoopbackServiceNow.SYS_ID + "?sysparm_exclude_reference_link=true&sysparm_display_value=false"));
    };
  }

  /** The floor reading a 50 MB search answer: everything into one byte[]. */
  public Call rawBig(boolean declared) {
    raw(Op.incidentRead);
    return () -> rawExecute(get("/api/now/table/incident?sysparm_query=" + (declared ? BIG_QUERY_DECLARED : BIG_QUERY_CHUNKED)));
  }

  private ClassicHttpRequest post(String path, String json, boolean acceptText) {
    HttpPost post = new HttpPost(base + path);
    post.setHeader("Authorization", rawAuthorization);
    post.setHeader("Accept", acceptText ? "application/json, text/plain;q=0.9" : "application/json");
    post.setEntity(new ByteArrayEntity(json.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
    return post;
  }

  private ClassicHttpRequest get(String path) {
    HttpGet get = new HttpGet(base + path);
    get.setHeader("Authorization", rawAuthorization);
    get.setHeader("Accept", "application/json");
    return get;
  }

  private byte[] rawExecute(ClassicHttpRequest request) throws IOException {
    return raw.execute(request, response -> {
      if (response.getCode() >= 300) {
        throw new IOException("HTTP " + response.getCode());
      }
      return EntityUtils.toByteArray(response.getEntity());
    });
  }

  private String rawToken() throws IOException {
    HttpPost post = new HttpPost(base + "/oauth_token.do");
    post.setEntity(new ByteArrayEntity(("grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET)
        .getBytes(StandardCharsets.US_ASCII), ContentType.APPLICATION_FORM_URLENCODED));
    String json = new String(rawExecute(post), StandardCharsets.UTF_8);
    int start = json.indexOf("\"access_token\":\"") + 16;
    return json.substring(start, json.indexOf('"', start));
  }

  // ---------------------------------------------------------------- ours, through the SDK context

  private String oursConnection() {
    String authentication = auth == Auth.basic
        ? "{\"type\":\"basic\",\"username\":\"" + USER + "\",\"password\":\"{{secrets.SN_PWD}}\"}"
        : "{\"type\":\"oauth-client-credentials\",\"clientId\":\"{{secrets.SN_CLIENT_ID}}\","
            + "\"clientSecret\":\"{{secrets.SN_CLIENT_SECRET}}\",\"tokenUrl\":\"" + base + "/oauth_token.do\"}";
    return "\"connection\":{\"baseUrl\":\"" + base + "\"},\"authentication\":" + authentication;
  }

  public Call ours(Op op) {
    return switch (op) {
      case flowStart -> {
        String variables = "{" + oursConnection() + ",\"flow\":{\"path\":\"" + FLOW_PATH + "\",\"method\":\"POST\",\"body\":" + FLOW_BODY + "}}";
        var context = context(variables);
        yield () -> flowStarter.execute(context);
      }
      case incidentCreate -> {
        String variables = "{" + oursConnection() + ",\"operation\":{\"operation\":\"create\",\"payload\":" + INCIDENT_BODY + "}}";
        var context = context(variables);
        yield () -> incidentHandler.execute(context);
      }
      case incidentRead -> {
        String variables = "{" + oursConnection() + ",\"operation\":{\"operation\":\"read\",\"sysId\":\"" + LoopbackServiceNow.SYS_ID + "\"}}";
        var context = context(variables);
        yield () -> incidentHandler.execute(context);
      }
    };
  }

  /**
   * Only the SDK part of our Flow Starter call: {@code bindVariables} (serialize, replace secrets,
   * deserialize, validate) without any HTTP. Every connector pays this per job, the REST
   * connector included; it explains most of the distance between ours and the raw floor.
   */
  public Call bindOnly() {
    String variables = "{" + oursConnection() + ",\"flow\":{\"path\":\"" + FLOW_PATH + "\",\"method\":\"POST\",\"body\":" + FLOW_BODY + "}}";
    var context = context(variables);
    return () -> io.github.sncamunda.servicenow.flow.FlowStarterRequest.bind(context);
  }

  /** Our Incident Handler searching with a query the server answers with 50 MB. */
  public Call oursBig(boolean declared) {
    String variables = "{" + oursConnection() + ",\"operation\":{\"operation\":\"search\",\"query\":\""
        + (declared ? BIG_QUERY_DECLARED : BIG_QUERY_CHUNKED) + "\"}}";
    var context = context(variables);
    return () -> incidentHandler.execute(context);
  }

  // ---------------------------------------------------------------- Camunda's REST connector

  private String restAuthentication() {
    return auth == Auth.basic
        ? "{\"type\":\"basic\",\"username\":\"" + USER + "\",\"password\":\"{{secrets.SN_PWD}}\"}"
        : "{\"type\":\"oauth-client-credentials-flow\",\"oauthTokenEndpoint\":\"" + base + "/oauth_token.do\","
            + "\"clientId\":\"{{secrets.SN_CLIENT_ID}}\",\"clientSecret\":\"{{secrets.SN_CLIENT_SECRET}}\","
            + "\"clientAuthentication\":\"credentialsBody\"}";
  }

  private String restVariables(String method, String url, String body, boolean skipEncoding) {
    return "{\"method\":\"" + method + "\",\"url\":\"" + url + "\",\"authentication\":" + restAuthentication()
        + (body == null ? "" : ",\"body\":" + body)
        + (skipEncoding ? ",\"skipEncoding\":\"true\"" : "")
        + ",\"connectionTimeoutInSeconds\":\"20\",\"readTimeoutInSeconds\":\"20\"}";
  }

  public Call rest(Op op) {
    String variables = switch (op) {
      case flowStart -> restVariables("POST", base + FLOW_PATH, FLOW_BODY, false);
      case incidentCreate -> restVariables("POST", base + "/api/now/table/incident", INCIDENT_BODY, true);
      case incidentRead -> restVariables("GET", base + "/api/now/table/incident/" + LoopbackServiceNow.SYS_ID, null, true);
    };
    var context = context(variables);
    return () -> rest.execute(context);
  }

  /** The REST connector with the Incident template's "read" of a query answering 50 MB. */
  public Call restBig(boolean declared) {
    String variables = restVariables("GET", base + "/api/now/table/incident?sysparm_query="
        + (declared ? BIG_QUERY_DECLARED : BIG_QUERY_CHUNKED), null, true);
    var context = context(variables);
    return () -> rest.execute(context);
  }

  // ---------------------------------------------------------------- shared

  /**
   * One SDK context per contender and operation, reused for every call. Each call still does what
   * the runtime does per job — {@code bindVariables}: serialize the variables, replace
   * {@code {{secrets.…}}}, deserialize into the input record, validate — but the test builder's
   * one-off costs are paid once: its constructor creates a new ObjectMapper and discovers a Bean
   * Validation provider (~20 ms and ~1.9 MB per build), which the runtime does once per JVM, not
   * per job.
   */
  private static io.camunda.connector.api.outbound.OutboundConnectorContext context(String variables) {
    return OutboundConnectorContextBuilder.create()
        .variables(variables)
        .secret("SN_PWD", PASSWORD)
        .secret("SN_CLIENT_ID", CLIENT_ID)
        .secret("SN_CLIENT_SECRET", CLIENT_SECRET)
        .build();
  }

  @Override
  public void close() throws IOException {
    raw.close();
    client.close();
  }
}
