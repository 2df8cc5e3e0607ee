package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix at the client level: each row is a ServiceNow (or network) misbehaviour, the
 * method used, the error code the process sees, and how many requests ServiceNow received. Rows
 * already covered in depth elsewhere: RetryTest (429/503/502/504, resets, refused, empty reply),
 * OAuthTest (token endpoint down, revoked token), ResponseSizeLimitTest (oversized body).
 */
class FaultMatrixTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/api/now/table/incident";
  private static final String SECRET = "fault-matrix-SECRET-0b7e";
  private static final String ENVELOPE_500 =
      "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"Transaction cancelled: maximum"
          + " execution time exceeded\"},\"status\":\"failure\"}";

  private final TestClock clock = new TestClock();
  private ServiceNowClient client;

  @BeforeEach
  void setUp() {
    client = new ServiceNowClient(ClientSettings.defaults(), clock, new RecordingSleeper());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row(
            "500 with the error envelope",
            HttpMethod.POST,
            jsonResponse(ENVELOPE_500, 500),
            "500",
            1,
            "Transaction cancelled: maximum execution time exceeded"),
        row(
            "503 with an HTML body, GET",
            HttpMethod.GET,
            aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Service Unavailable</body></html>"),
            "503",
            ClientSettings.RetrySettings.defaults().maxAttempts(),
            "HTML page"),
        row(
            "503 with an HTML body, POST (503 proves nothing was processed)",
            HttpMethod.POST,
            aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>down</html>"),
            "503",
            ClientSettings.RetrySettings.defaults().maxAttempts(),
            "HTML page"),
        row("502 on POST", HttpMethod.POST, aResponse().withStatus(502), "502", 1, "502"),
        row("504 on PATCH", HttpMethod.PATCH, aResponse().withStatus(504), "504", 1, "504"),
        row(
            "200 with an HTML page (hibernating instance)",
            HttpMethod.GET,
            ok("<!DOCTYPE html><html><title>Instance Hibernating page</title></html>"),
            ErrorCodes.INVALID_RESPONSE,
            1,
            "hibernating"),
        row(
            "200 with truncated JSON",
            HttpMethod.GET,
            okJson("{\"result\":[{\"sys_id\":\"a\"}"),
            ErrorCodes.INVALID_RESPONSE,
            1,
            "not valid JSON"),
        row(
            "reset after the request was sent, POST",
            HttpMethod.POST,
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            ErrorCodes.CONNECTION_FAILED,
            1,
            "not sent again"),
        row(
            "reset after the request was sent, PATCH",
            HttpMethod.PATCH,
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            ErrorCodes.CONNECTION_FAILED,
            1,
            "not sent again"),
        row(
            "empty reply, GET",
            HttpMethod.GET,
            aResponse().withFault(Fault.EMPTY_RESPONSE),
            ErrorCodes.CONNECTION_FAILED,
            ClientSettings.RetrySettings.defaults().maxAttempts(),
            "without a response"),
        row(
            "random data then close, POST",
            HttpMethod.POST,
            aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
            null,
            1,
            "POST /api/now/table/incident"),
        row(
            "malformed chunked body, GET",
            HttpMethod.GET,
            aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
            null,
            -1,
            "GET /api/now/table/incident"));
  }

  private static Arguments row(
      String name,
      HttpMethod method,
      ResponseDefinitionBuilder answer,
      String code,
      int expectedRequests,
      String messagePart) {
    return Arguments.of(name, method, answer, code, expectedRequests, messagePart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void faultEndsInAClearErrorAndNoDuplicateWrite(
      String name,
      HttpMethod method,
      ResponseDefinitionBuilder answer,
      String code,
      int expectedRequests,
      String messagePart) {
    sn.stubFor(request(method.name(), urlPathEqualTo(PATH)).willReturn(answer));
    var builder = ServiceNowRequest.builder(method, "api", "now", "table", "incident");
    if (method.allowsBody()) {
      builder.body(JsonNodeFactory.instance.objectNode().put("short_description", "x"));
    }

    assertThatThrownBy(
            () ->
                client.execute(
                    ServiceNowConnection.baseUrl(sn.baseUrl()),
                    new BasicAuthentication("u", SECRET),
                    builder.build()))
        .as(name)
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t)).doesNotContain(SECRET);
              }
              assertThat(String.valueOf(e.getErrorVariables())).doesNotContain(SECRET);
              assertThat(e.getErrorCode()).isNotBlank();
              if (code != null) {
                assertThat(e.getErrorCode()).isEqualTo(code);
              } else {
                assertThat(e.getErrorCode())
                    .isIn(ErrorCodes.CONNECTION_FAILED, ErrorCodes.INVALID_RESPONSE);
              }
              assertThat(e.getMessage()).contains(messagePart);
            });
    if (expectedRequests > 0) {
      sn.verify(expectedRequests, requestedFor(method.name(), urlPathEqualTo(PATH)));
    }
    if (!method.idempotent()) {
      assertThat(sn.findAll(requestedFor(method.name(), urlPathEqualTo(PATH))).size())
          .as("a write is sent again only after 429/503")
          .isLessThanOrEqualTo(
              code != null && code.equals("503")
                  ? ClientSettings.RetrySettings.defaults().maxAttempts()
                  : 1);
    }
  }

  @Test
  void slowDripPastTheResponseTimeoutIsATimeout() {
    sn.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                okJson("{\"result\":[" + "{\"a\":\"b\"},".repeat(50) + "{}]}")
                    .withChunkedDribbleDelay(40, 8000)));
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                client.execute(
                    new ServiceNowConnection(null, sn.baseUrl(), 1),
                    new BasicAuthentication("u", "p"),
                    ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident")
                        .build()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT));

    // the server would drip for 8 s; the deadline ends the exchange long before that
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
    sn.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void concurrentCallersRacingOnAnExpiredTokenCauseOneTokenRequest() throws Exception {
    sn.stubFor(
        post("/oauth_token.do")
            .willReturn(
                okJson("{\"access_token\":\"t1\",\"expires_in\":1800,\"token_type\":\"Bearer\"}")
                    .withFixedDelay(200)));
    sn.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":[]}")));
    var auth = new OAuthClientCredentialsAuthentication("c", "s", null, null);
    var connection = ServiceNowConnection.baseUrl(sn.baseUrl());
    var list = ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident").build();
    client.execute(connection, auth, list);
    clock.advance(Duration.ofSeconds(1800)); // the cached token has expired
    sn.resetRequests();

    ExecutorService pool = Executors.newFixedThreadPool(12);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<ServiceNowResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.execute(connection, auth, list);
                }));
      }
      go.countDown();
      for (Future<ServiceNowResponse> call : calls) {
        assertThat(call.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    sn.verify(1, postRequestedFor(urlEqualTo("/oauth_token.do")));
    sn.verify(12, getRequestedFor(urlPathEqualTo(PATH)));
  }
}
