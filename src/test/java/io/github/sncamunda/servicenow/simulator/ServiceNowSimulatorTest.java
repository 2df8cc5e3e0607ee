package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthPasswordAuthentication;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceNowSimulatorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BasicAuthentication BASIC = new BasicAuthentication("admin", "pw");

  private ServiceNowSimulator sim;
  private ServiceNowClient client;
  private ServiceNowConnection connection;
  private HttpClient http;

  @BeforeEach
  void setUp() {
    sim = new ServiceNowSimulator().flowCallbackDelay(Duration.ofMillis(50)).start();
    client = new ServiceNowClient(ClientSettings.defaults());
    connection = ServiceNowConnection.baseUrl(sim.baseUrl());
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    sim.close();
  }

  // ------------------------------------------------------------------ helpers

  private static ServiceNowRequest.Builder incidents(HttpMethod method) {
    return ServiceNowRequest.builder(method, "api", "now", "table", "incident");
  }

  private ServiceNowResponse call(ServiceNowAuthentication auth, ServiceNowRequest request) {
    return client.execute(connection, auth, request);
  }

  private JsonNode create(Map<String, ?> fields) {
    return call(BASIC, incidents(HttpMethod.POST).body(MAPPER.valueToTree(fields)).build())
        .result();
  }

  private HttpResponse<String> send(
      String method, String pathAndQuery, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basicHeader(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return MAPPER.readTree(response.body());
  }

  private static String errorCode(Runnable call) {
    try {
      call.run();
    } catch (ConnectorException e) {
      return e.getErrorCode();
    }
    throw new AssertionError("expected a ConnectorException");
  }

  // ------------------------------------------------------------------ Table API

  @Test
  void crudLifecycleWithSequentialNumbersDefaultsReferencesAndJournal() {
    ServiceNowResponse created =
        call(
            BASIC,
            incidents(HttpMethod.POST)
                .body(
                    MAPPER.valueToTree(
                        Map.of(
                            "short_description",
                            "Disk full",
                            "caller_id",
                            "6816f79cc0a8016401c5a33be04be441",
                            "impact",
                            2,
                            "correlation_id",
                            "order-1")))
                .build());
    JsonNode first = created.result();
    JsonNode second = create(Map.of("short_description", "Second"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(first.get("number").asText()).isEqualTo("INC0010001");
    assertThat(second.get("number").asText()).isEqualTo("INC0010002");
    String sysId = first.get("sys_id").asText();
    assertThat(sysId).matches("[0-9a-f]{32}");
    assertThat(created.header("Location"))
        .isEqualTo(sim.baseUrl() + "/api/now/table/incident/" + sysId);
    assertThat(created.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    assertThat(first.get("state").asText()).isEqualTo("1");
    assertThat(first.get("impact").asText()).isEqualTo("2"); // numbers come back as strings
    assertThat(first.get("impact").isTextual()).isTrue();
    assertThat(first.get("urgency").asText()).isEqualTo("3");
    assertThat(first.get("priority").asText()).isEqualTo("4");
    assertThat(first.get("active").asText()).isEqualTo("true");
    assertThat(first.get("correlation_id").asText()).isEqualTo("order-1");
    assertThat(first.get("sys_created_on").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(first.get("caller_id").get("value").asText())
        .isEqualTo("6816f79cc0a8016401c5a33be04be441");
    assertThat(first.get("caller_id").get("link").asText())
        .isEqualTo(sim.baseUrl() + "/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441");
    assertThat(first.get("assignment_group").asText()).isEmpty(); // empty reference is ""

    JsonNode read = call(BASIC, incidents(HttpMethod.GET).segment(sysId).build()).result();
    assertThat(read).isEqualTo(first);

    JsonNode updated =
        call(
                BASIC,
                incidents(HttpMethod.PATCH)
                    .segment(sysId)
                    .query("sysparm_exclude_reference_link", "true")
                    .body(
                        MAPPER.valueToTree(
                            Map.of(
                                "urgency",
                                "1",
                                "impact",
                                "1",
                                "state",
                                "2",
                                "work_notes",
                                "Looking into it")))
                    .build())
            .result();
    assertThat(updated.get("priority").asText()).isEqualTo("1");
    assertThat(updated.get("state").asText()).isEqualTo("2");
    assertThat(updated.get("caller_id").asText()).isEqualTo("6816f79cc0a8016401c5a33be04be441");
    assertThat(updated.get("work_notes").asText()).isEmpty(); // write-only journal field
    assertThat(updated.get("sys_mod_count").asText()).isEqualTo("1");
    assertThat(sim.journal(sysId))
        .singleElement()
        .satisfies(
            e -> assertThat(e.field() + ":" + e.value()).isEqualTo("work_notes:Looking into it"));
    assertThat(sim.incident(sysId).orElseThrow().get("short_description")).isEqualTo("Disk full");

    ServiceNowResponse deleted = call(BASIC, incidents(HttpMethod.DELETE).segment(sysId).build());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.json()).isNull();
    assertThat(errorCode(() -> call(BASIC, incidents(HttpMethod.GET).segment(sysId).build())))
        .isEqualTo("404");
    assertThat(errorCode(() -> call(BASIC, incidents(HttpMethod.DELETE).segment(sysId).build())))
        .isEqualTo("404");
    assertThat(
            errorCode(
                () ->
                    call(
                        BASIC,
                        incidents(HttpMethod.PATCH)
                            .segment(sysId)
                            .body(MAPPER.createObjectNode().put("state", "2"))
                            .build())))
        .isEqualTo("404");
    assertThat(sim.incidents()).hasSize(1);
  }

  @Test
  void priorityFollowsTheImpactUrgencyLookup() {
    String[][] expected = {
      {"1", "1", "1"},
      {"1", "2", "2"},
      {"2", "1", "2"},
      {"1", "3", "3"},
      {"2", "2", "3"},
      {"3", "1", "3"},
      {"2", "3", "4"},
      {"3", "2", "4"},
      {"3", "3", "5"}
    };
    for (String[] row : expected) {
      JsonNode created = create(Map.of("impact", row[0], "urgency", row[1], "priority", "1"));
      assertThat(created.get("priority").asText())
          .as("impact %s urgency %s", row[0], row[1])
          .isEqualTo(row[2]);
    }
    assertThat(create(Map.of()).get("priority").asText()).isEqualTo("5");
  }

  @Test
  void errorEnvelopesAndContentTypeAsServiceNowAnswers() throws Exception {
    String auth = basicHeader("admin", "pw");
    HttpResponse<String> missing =
        send(
            "GET",
            "/api/now/table/incident/0123456789abcdef0123456789abcdef",
            null,
            "Authorization",
            auth);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
    assertThat(json(missing))
        .isEqualTo(
            MAPPER.readTree(
                "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist or"
                    + " ACL restricts the record retrieval\"},\"status\":\"failure\"}"));

    for (String[] attempt :
        new String[][] {
          {},
          {"Authorization", basicHeader("admin", "wrong")},
          {"Authorization", "Bearer not-issued"},
          {"x-sn-apikey", "wrong"}
        }) {
      HttpResponse<String> denied = send("POST", "/api/now/table/incident", "{}", attempt);
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(json(denied))
          .isEqualTo(
              MAPPER.readTree(
                  "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to"
                      + " provide Auth information\"},\"status\":\"failure\"}"));
    }
    assertThat(sim.incidents()).isEmpty();

    HttpResponse<String> badJson =
        send("POST", "/api/now/table/incident", "{not json", "Authorization", auth);
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(json(badJson).at("/status").asText()).isEqualTo("failure");

    HttpResponse<String> otherTable =
        send("GET", "/api/now/table/problem", null, "Authorization", auth);
    assertThat(otherTable.statusCode()).isEqualTo(400);
    assertThat(json(otherTable).at("/error/message").asText()).isEqualTo("Invalid table problem");
  }

  @Test
  void encodedQueriesAsTheClientSendsThem() {
    create(Map.of("short_description", "Disk full & slow on db1", "impact", "1", "urgency", "1"));
    create(
        Map.of(
            "short_description",
            "disk FULL & SLOW on web2",
            "impact",
            "3",
            "urgency",
            "3",
            "category",
            "hardware"));
    create(
        Map.of(
            "short_description",
            "Printer jam",
            "impact",
            "1",
            "urgency",
            "1",
            "assigned_to",
            "u1"));
    create(
        Map.of(
            "short_description", "VPN down", "impact", "2", "urgency", "1", "category", "network"));

    assertThat(numbers(query("short_descriptionLIKEdisk full & slow^priority=1")))
        .containsExactly("INC0010001");
    assertThat(numbers(query("short_descriptionLIKEdisk full & slow")))
        .containsExactly("INC0010001", "INC0010002");
    assertThat(numbers(query("priority=1^ORcategory=network")))
        .containsExactly("INC0010001", "INC0010003", "INC0010004");
    assertThat(numbers(query("short_descriptionSTARTSWITHdisk^short_descriptionENDSWITHweb2")))
        .containsExactly("INC0010002");
    assertThat(numbers(query("categoryISEMPTY"))).containsExactly("INC0010001", "INC0010003");
    assertThat(numbers(query("categoryISNOTEMPTY^ORDERBYDESCnumber")))
        .containsExactly("INC0010004", "INC0010002");
    assertThat(numbers(query("priority!=1^ORDERBYpriority")))
        .containsExactly("INC0010004", "INC0010002");
    assertThat(numbers(query("assigned_to=u1"))).containsExactly("INC0010003");
    assertThat(numbers(query("priorityIN2,5"))).containsExactly("INC0010002", "INC0010004");
    // unknown fields are ignored like ServiceNow does (glide.invalid_query.returns_no_rows=false)
    assertThat(numbers(query("no_such_field=x^priority=1")))
        .containsExactly("INC0010001", "INC0010003");
    assertThat(numbers(query("no_such_field=x"))).hasSize(4);
    assertThat(numbers(query("priority=9"))).isEmpty();
  }

  private JsonNode query(String encodedQuery) {
    return call(BASIC, incidents(HttpMethod.GET).query("sysparm_query", encodedQuery).build())
        .result();
  }

  private static List<String> numbers(JsonNode result) {
    List<String> numbers = new ArrayList<>();
    result.forEach(r -> numbers.add(r.get("number").asText()));
    return numbers;
  }

  @Test
  void pagingTotalCountFieldsAndDisplayValues() {
    for (int i = 0; i < 25; i++) {
      sim.seedIncident(Map.of("short_description", "item " + i, "assignment_group", "g" + (i % 2)));
    }
    ServiceNowResponse page =
        call(
            BASIC,
            incidents(HttpMethod.GET)
                .query("sysparm_query", "assignment_group=g0^ORDERBYnumber")
                .query("sysparm_limit", "5")
                .query("sysparm_offset", "10")
                .query("sysparm_fields", "number,short_description,bogus")
                .build());
    assertThat(page.header("X-Total-Count")).isEqualTo("13");
    assertThat(page.result()).hasSize(3);
    assertThat(page.result().get(0).get("number").asText()).isEqualTo("INC0010021");
    assertThat(fieldNames(page.result().get(0))).containsExactly("number", "short_description");
    assertThat(page.header("Link"))
        .contains("rel=\"first\"", "rel=\"prev\"", "rel=\"last\"")
        .doesNotContain("rel=\"next\"");

    JsonNode all = call(BASIC, incidents(HttpMethod.GET).build()).result();
    assertThat(all).hasSize(25);

    String sysId = all.get(0).get("sys_id").asText();
    JsonNode display =
        call(
                BASIC,
                incidents(HttpMethod.GET)
                    .segment(sysId)
                    .query("sysparm_display_value", "true")
                    .query("sysparm_fields", "assignment_group,priority,state")
                    .build())
            .result();
    assertThat(display.get("priority").asText()).isEqualTo("5 - Planning");
    assertThat(display.get("state").asText()).isEqualTo("New");
    assertThat(display.get("assignment_group").get("display_value").asText()).isEqualTo("g0");
    JsonNode both =
        call(
                BASIC,
                incidents(HttpMethod.GET)
                    .segment(sysId)
                    .query("sysparm_display_value", "all")
                    .query("sysparm_fields", "assignment_group,priority")
                    .build())
            .result();
    assertThat(both.get("priority").get("value").asText()).isEqualTo("5");
    assertThat(both.get("priority").get("display_value").asText()).isEqualTo("5 - Planning");
    assertThat(fieldNames(both.get("assignment_group")))
        .containsExactly("display_value", "link", "value");

    JsonNode patched =
        call(
                BASIC,
                incidents(HttpMethod.PATCH)
                    .segment(sysId)
                    .query("sysparm_fields", "sys_id,urgency")
                    .body(MAPPER.createObjectNode().put("urgency", 1))
                    .build())
            .result();
    assertThat(fieldNames(patched)).containsExactly("sys_id", "urgency");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void concurrentCreatesGetUniqueSequentialNumbers() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    create(Map.of("short_description", "parallel"));
                  }
                }));
      }
      for (var f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    List<String> numbers = sim.incidents().stream().map(r -> r.get("number")).sorted().toList();
    assertThat(numbers).hasSize(400).doesNotHaveDuplicates();
    assertThat(numbers.get(0)).isEqualTo("INC0010001");
    assertThat(numbers.get(399)).isEqualTo("INC0010400");
    assertThat(sim.acceptedConnections()).isBetween(1, 8);
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void oauthGrantsRefreshAndRevocationThroughTheTokenEndpoint() throws Exception {
    sim.oauthClient("cid", "s3cret").user("svc", "svc-pw").accessTokenExpiresIn(900);
    String form = "Content-Type";
    HttpResponse<String> cc =
        send(
            "POST",
            "/oauth_token.do",
            "grant_type=client_credentials&client_id=cid&client_secret=s3cret",
            form,
            "application/x-www-form-urlencoded");
    assertThat(cc.statusCode()).isEqualTo(200);
    JsonNode token = json(cc);
    assertThat(token.get("scope").asText()).isEqualTo("useraccount");
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("expires_in").asInt()).isEqualTo(900);
    assertThat(token.get("access_token").asText()).isNotBlank();

    HttpResponse<String> pw =
        send(
            "POST",
            "/oauth_token.do",
            "grant_type=password&client_id=cid&client_secret=s3cret&username=svc&password=svc-pw",
            form,
            "application/x-www-form-urlencoded");
    assertThat(pw.statusCode()).isEqualTo(200);
    String refresh = json(pw).get("refresh_token").asText();
    HttpResponse<String> refreshed =
        send(
            "POST",
            "/oauth_token.do",
            "grant_type=refresh_token&client_id=cid&client_secret=s3cret&refresh_token=" + refresh,
            form,
            "application/x-www-form-urlencoded");
    assertThat(refreshed.statusCode()).isEqualTo(200);
    String access = json(refreshed).get("access_token").asText();

    HttpResponse<String> created =
        send(
            "POST",
            "/api/now/table/incident",
            "{\"short_description\":\"via token\"}",
            "Authorization",
            "Bearer " + access);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).at("/result/opened_by/value").asText()).isEqualTo("svc");

    for (String bad :
        List.of(
            "grant_type=client_credentials&client_id=cid&client_secret=nope",
            "grant_type=password&client_id=cid&client_secret=s3cret&username=svc&password=nope",
            "grant_type=refresh_token&client_id=cid&client_secret=s3cret&refresh_token=unknown",
            "grant_type=authorization_code&client_id=cid&client_secret=s3cret")) {
      HttpResponse<String> refused =
          send("POST", "/oauth_token.do", bad, form, "application/x-www-form-urlencoded");
      assertThat(refused.statusCode()).as(bad).isEqualTo(401);
      assertThat(json(refused))
          .isEqualTo(
              MAPPER.readTree(
                  "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}"));
    }
    assertThat(sim.tokenRequests()).isEqualTo(7);

    sim.revokeAllTokens();
    assertThat(
            send("GET", "/api/now/table/incident", null, "Authorization", "Bearer " + access)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            send(
                    "POST",
                    "/oauth_token.do",
                    "grant_type=refresh_token&client_id=cid&client_secret=s3cret&refresh_token="
                        + refresh,
                    form,
                    "application/x-www-form-urlencoded")
                .statusCode())
        .isEqualTo(401);
  }

  /**
   * Found by the scale fault run: a POST with a revoked token, dropped "after processing", was
   * logged as processed although the endpoint had refused it, and the checker saw a committed write
   * sent again.
   */
  @Test
  void aRequestTheEndpointRefusedAndThatIsThenDroppedIsLoggedAsNotProcessed() throws Exception {
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());
    assertThatThrownBy(
            () ->
                send(
                    "POST",
                    "/api/now/table/incident",
                    "{\"short_description\":\"a\"}",
                    "Authorization",
                    "Bearer revoked-or-never-issued",
                    "Content-Type",
                    "application/json"))
        .isInstanceOf(java.io.IOException.class);

    LogEntry dropped = sim.requestLog().get(sim.requestLog().size() - 1);
    assertThat(dropped.outcome()).isEqualTo(LogEntry.Outcome.DROPPED);
    assertThat(dropped.processed()).isFalse();
    assertThat(sim.incidents()).isEmpty();
  }

  @Test
  void realClientUsesCachedTokensAndRecoversFromRevocation() {
    var clientCredentials =
        new OAuthClientCredentialsAuthentication("sim-client", "sim-secret", null, null);
    var password = new OAuthPasswordAuthentication("sim-client", "sim-secret", "admin", "pw", null);

    call(
        clientCredentials,
        incidents(HttpMethod.POST)
            .body(MAPPER.createObjectNode().put("short_description", "a"))
            .build());
    call(clientCredentials, incidents(HttpMethod.GET).build());
    assertThat(sim.tokenRequests()).isEqualTo(1);

    sim.revokeAccessTokens(); // 401 → the client refreshes once and resends
    assertThat(call(clientCredentials, incidents(HttpMethod.GET).build()).result()).hasSize(1);
    assertThat(sim.tokenRequests()).isEqualTo(2);
    assertThat(
            sim.requests().stream()
                .filter(r -> r.path().equals("/oauth_token.do"))
                .toList()
                .get(1)
                .body())
        .contains("grant_type=refresh_token");

    sim.revokeAllTokens(); // refresh refused too → new grant
    assertThat(call(clientCredentials, incidents(HttpMethod.GET).build()).result()).hasSize(1);
    assertThat(sim.tokenRequests()).isEqualTo(4);

    assertThat(call(password, incidents(HttpMethod.GET).build()).result()).hasSize(1);
    assertThat(sim.tokenRequests()).isEqualTo(5);

    assertThat(
            errorCode(
                () ->
                    call(
                        new OAuthClientCredentialsAuthentication("sim-client", "wrong", null, null),
                        incidents(HttpMethod.GET).build())))
        .isEqualTo("AUTHENTICATION_FAILED");
  }

  @Test
  void apiKeyHeaderAndQueryParameter() throws Exception {
    sim.apiKey("k-123");
    assertThat(call(new ApiKeyAuthentication("k-123"), incidents(HttpMethod.GET).build()).result())
        .isEmpty();
    assertThat(
            errorCode(
                () -> call(new ApiKeyAuthentication("nope"), incidents(HttpMethod.GET).build())))
        .isEqualTo("401");
    assertThat(send("GET", "/api/now/table/incident?x-sn-apikey=k-123", null).statusCode())
        .isEqualTo(200);
  }

  // ------------------------------------------------------------------ flows

  @Test
  void flowTriggerAnswersAnExecutionIdAndFiresTheCallbackWithTheBody() throws Exception {
    CompletableFuture<FlowCall> fired = new CompletableFuture<>();
    sim.onFlowTriggered(fired::complete);
    ObjectNode body =
        MAPPER
            .createObjectNode()
            .put("messageName", "OrderShipped")
            .put("correlationValue", "order-42");

    long before = System.nanoTime();
    ServiceNowResponse response =
        call(
            BASIC,
            ServiceNowRequest.builder(HttpMethod.POST, "api", "x_camun_camunda", "ship_order")
                .query("priority", "high")
                .header("X-Trace", "t-1")
                .body(body)
                .build());

    String executionId = response.result().get("executionId").asText();
    assertThat(response.status()).isEqualTo(200);
    assertThat(executionId).matches("[0-9a-f]{32}");
    FlowCall call = fired.get(5, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
    assertThat(call.executionId()).isEqualTo(executionId);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/api/x_camun_camunda/ship_order");
    assertThat(call.bodyField("correlationValue")).isEqualTo("order-42");
    assertThat(call.bodyField("messageName")).isEqualTo("OrderShipped");
    assertThat(call.request().query()).containsEntry("priority", "high");
    assertThat(call.request().header("X-Trace")).isEqualTo("t-1");
    assertThat(sim.flowCalls()).containsExactly(call);
    assertThat(sim.callbackFailures()).isEmpty();
  }

  @Test
  void registeredFlowHandlersAndStrictMode() throws Exception {
    sim.registerFlow(
        "/api/x_acme/lookup",
        call -> FlowResponse.json(202, "{\"result\":{\"status\":\"queued\"}}"));
    sim.strictFlows(true);
    ServiceNowResponse response =
        call(
            BASIC,
            ServiceNowRequest.builder(HttpMethod.GET, "api", "x_acme", "lookup", "id", "7")
                .build());
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.result().get("status").asText()).isEqualTo("queued");
    assertThat(sim.flowCalls())
        .singleElement()
        .satisfies(c -> assertThat(c.path()).isEqualTo("/api/x_acme/lookup/id/7"));
    assertThat(
            errorCode(
                () ->
                    call(
                        BASIC,
                        ServiceNowRequest.builder(HttpMethod.POST, "api", "x_acme", "unknown")
                            .build())))
        .isEqualTo("400");
    assertThat(send("POST", "/api/x_acme/lookup", "{}").statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------ faults

  @Test
  void rateLimitedOnceThenTheClientRetriesAndSucceeds() {
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.tooManyRequests(0));
    JsonNode created = create(Map.of("short_description", "after 429"));
    assertThat(created.get("number").asText()).isEqualTo("INC0010001");
    assertThat(sim.requestCount("POST", "/api/now/table/incident")).isEqualTo(2);
    assertThat(sim.incidents()).hasSize(1);
    assertThat(sim.pendingFaults()).isZero();
  }

  @Test
  void dropAfterProcessingCreatesTheIncidentButTheClientSeesConnectionFailed() {
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());
    assertThat(
            errorCode(
                () ->
                    create(Map.of("short_description", "lost answer", "correlation_id", "ext-9"))))
        .isEqualTo("CONNECTION_FAILED");
    assertThat(sim.incidentsWhere("correlation_id", "ext-9")).hasSize(1);
    assertThat(sim.requestCount("POST", "/api/now/table/incident"))
        .isEqualTo(1); // POST is never resent

    // a GET dropped before processing is retried by the client (idempotent)
    sim.failNext(1, "GET", null, Fault.dropBeforeProcessing());
    assertThat(
            call(
                    BASIC,
                    incidents(HttpMethod.GET)
                        .query("sysparm_query", "correlation_id=ext-9")
                        .build())
                .result())
        .hasSize(1);
    assertThat(sim.requestCountByPrefix("GET", "/api/now/table/incident")).isEqualTo(2);
  }

  @Test
  void statusFaultsAndDelays() throws Exception {
    sim.failNext(1, Fault.serverError());
    sim.failNext(1, Fault.serviceUnavailableHtml());
    assertThat(errorCode(() -> create(Map.of()))).isEqualTo("500");
    HttpResponse<String> html =
        send("GET", "/api/now/table/incident", null, "Authorization", basicHeader("admin", "pw"));
    assertThat(html.statusCode()).isEqualTo(503);
    assertThat(html.body()).contains("<html>");
    assertThat(sim.incidents()).isEmpty();

    sim.failNext(1, "GET", "/api/now/table/incident", Fault.delay(Duration.ofMillis(300)));
    long started = System.nanoTime();
    call(BASIC, incidents(HttpMethod.GET).build());
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  // ------------------------------------------------------------------ observability

  @Test
  void recordsRequestsCountsAndConnections() {
    for (int i = 0; i < 5; i++) {
      call(
          BASIC,
          incidents(HttpMethod.GET).query("sysparm_query", "short_descriptionLIKEa b&c").build());
    }
    assertThat(sim.requestCount("GET", "/api/now/table/incident")).isEqualTo(5);
    assertThat(sim.totalRequests()).isEqualTo(5);
    RecordedRequest first = sim.requests().get(0);
    assertThat(first.query()).containsEntry("sysparm_query", "short_descriptionLIKEa b&c");
    assertThat(first.headers())
        .containsKey("authorization")
        .containsEntry("accept", "application/json");
    assertThat(first.body()).isEmpty();
    assertThat(sim.acceptedConnections())
        .isEqualTo(1); // the client's pool keeps one keep-alive connection
  }

  @Test
  void throughputOfSequentialGetsWithTheRealClient() {
    String sysId = create(Map.of("short_description", "bench")).get("sys_id").asText();
    sim.recordRequests(false);
    ServiceNowRequest get = incidents(HttpMethod.GET).segment(sysId).build();
    for (int i = 0; i < 5_000; i++) { // JIT warm-up of client and server
      call(BASIC, get);
    }
    int n = 10_000;
    long started = System.nanoTime();
    for (int i = 0; i < n; i++) {
      call(BASIC, get);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "simulator: %d sequential GETs with ServiceNowClient in %.2f s = %.0f req/s%n",
        n, seconds, n / seconds);
    assertThat(sim.requestCount("GET", "/api/now/table/incident/" + sysId)).isEqualTo(15_000);
  }
}
