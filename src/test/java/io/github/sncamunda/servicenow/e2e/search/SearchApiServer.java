package io.github.sncamunda.servicenow.e2e.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.ActiveElement;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.Definition;
import io.github.sncamunda.servicenow.e2e.search.EngineRecordIndex.RootVariable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four calls of Camunda's REST v2 API that the connectors runtime's inbound side makes, served
 * over HTTP from {@link EngineRecordIndex}: for runtime replicas in JVMs of their own, which cannot
 * see the engine's records but can be pointed at this with {@code camunda.client.rest-address}.
 * Same answers as {@link RecordStreamSearchQueryClient}: everything on the first page, an empty
 * page after any cursor, and a non-blank end cursor. Keys are JSON strings, as in the real API.
 *
 * <ul>
 *   <li>{@code POST /v2/process-definitions/search} (the runtime filters on isLatestVersion)
 *   <li>{@code GET /v2/process-definitions/{key}/xml}
 *   <li>{@code POST /v2/element-instances/search} (processDefinitionKey, elementId, state ACTIVE)
 *   <li>{@code POST /v2/variables/search} (processInstanceKey = scopeKey: the root scope)
 * </ul>
 *
 * Anything else is a 404 and is counted under its path, so a test sees a call nobody expected.
 */
public final class SearchApiServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern XML = Pattern.compile("/v2/process-definitions/(\\d+)/xml");

  private final EngineRecordIndex index;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

  private SearchApiServer(EngineRecordIndex index) {
    this.index = index;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("search-api-", 1).factory());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public static SearchApiServer start(EngineRecordIndex index) {
    SearchApiServer s = new SearchApiServer(index);
    s.server.start();
    return s;
  }

  /** What to set {@code camunda.client.rest-address} to, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Calls so far by {@code METHOD path} (keys shown as {key}): which searches the replicas made.
   */
  public Map<String, Long> calls() {
    Map<String, Long> out = new java.util.TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Matcher xml = XML.matcher(path);
      String route = method + " " + (xml.matches() ? "/v2/process-definitions/{key}/xml" : path);
      calls.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
      JsonNode query =
          method.equals("POST") ? JSON.readTree(exchange.getRequestBody()) : NODES.objectNode();
      switch (route) {
        case "POST /v2/process-definitions/search" ->
            json(exchange, page(query, index.latestDefinitions(), SearchApiServer::definition));
        case "GET /v2/process-definitions/{key}/xml" -> {
          Optional<Definition> d = index.definition(Long.parseLong(xml.group(1)));
          if (d.isPresent()) {
            send(exchange, 200, "text/xml", d.get().resource());
          } else {
            problem(exchange, 404, "no process definition with key " + xml.group(1));
          }
        }
        case "POST /v2/element-instances/search" -> {
          JsonNode filter = query.path("filter");
          List<ActiveElement> active =
              state(filter).equals("ACTIVE")
                  ? index.activeElements(
                      Long.parseLong(value(filter, "processDefinitionKey")),
                      value(filter, "elementId"))
                  : List.of();
          json(exchange, page(query, active, SearchApiServer::element));
        }
        case "POST /v2/variables/search" -> {
          JsonNode filter = query.path("filter");
          long instance = Long.parseLong(value(filter, "processInstanceKey"));
          String scope = value(filter, "scopeKey");
          List<RootVariable> variables =
              scope == null || Long.parseLong(scope) == instance
                  ? index.rootVariables(instance)
                  : List.of();
          json(exchange, page(query, variables, SearchApiServer::variable));
        }
        default -> problem(exchange, 404, "not served by the test search API: " + route);
      }
    } catch (RuntimeException e) {
      problem(exchange, 400, e.toString());
    }
  }

  /** A filter field as the client sends it: a plain value or an advanced {"$eq": value}. */
  private static String value(JsonNode filter, String field) {
    JsonNode v = filter.path(field);
    if (v.isObject()) {
      v = v.path("$eq");
    }
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    return v.asText();
  }

  private static String state(JsonNode filter) {
    String s = value(filter, "state");
    return s == null ? "ACTIVE" : s;
  }

  private static <T> ObjectNode page(JsonNode query, List<T> all, Function<T, ObjectNode> item) {
    boolean later = !query.path("page").path("after").isMissingNode();
    List<T> items = later ? List.of() : all;
    ObjectNode body = NODES.objectNode();
    ArrayNode array = body.putArray("items");
    items.forEach(i -> array.add(item.apply(i)));
    ObjectNode page = body.putObject("page");
    page.put("totalItems", items.size());
    page.put("hasMoreTotalItems", false);
    page.put("startCursor", RecordStreamSearchQueryClient.END);
    page.put("endCursor", RecordStreamSearchQueryClient.END);
    return body;
  }

  private static ObjectNode definition(Definition d) {
    ObjectNode n = NODES.objectNode();
    n.put("processDefinitionKey", Long.toString(d.key()));
    n.put("processDefinitionId", d.bpmnProcessId());
    n.put("name", d.bpmnProcessId());
    n.put("resourceName", d.resourceName());
    n.put("version", d.version());
    n.put("versionTag", d.versionTag());
    n.put("tenantId", d.tenantId());
    n.put("hasStartForm", false);
    return n;
  }

  private static ObjectNode element(ActiveElement e) {
    ObjectNode n = NODES.objectNode();
    n.put("elementInstanceKey", Long.toString(e.key()));
    n.put("processDefinitionKey", Long.toString(e.processDefinitionKey()));
    n.put("processDefinitionId", e.bpmnProcessId());
    n.put("processInstanceKey", Long.toString(e.processInstanceKey()));
    n.put("elementId", e.elementId());
    n.put("elementName", e.elementId());
    n.put("type", e.elementType());
    n.put("state", "ACTIVE");
    n.put("hasIncident", false);
    n.put("tenantId", e.tenantId());
    return n;
  }

  private static ObjectNode variable(RootVariable v) {
    ObjectNode n = NODES.objectNode();
    n.put("variableKey", Long.toString(v.key()));
    n.put("name", v.name());
    n.put("value", v.value());
    n.put("scopeKey", Long.toString(v.processInstanceKey()));
    n.put("processInstanceKey", Long.toString(v.processInstanceKey()));
    n.put("tenantId", v.tenantId());
    n.put("isTruncated", false);
    return n;
  }

  private static void json(HttpExchange exchange, JsonNode body) throws IOException {
    send(exchange, 200, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    ObjectNode p = NODES.objectNode();
    p.put("type", "about:blank");
    p.put("title", status == 404 ? "NOT_FOUND" : "INVALID_ARGUMENT");
    p.put("status", status);
    p.put("detail", detail);
    send(
        exchange,
        status,
        "application/problem+json",
        JSON.writeValueAsString(p).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
