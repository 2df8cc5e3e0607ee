package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final BasicAuthentication BASIC = new BasicAuthentication("admin", "secret");
  private static final String PATH = "/api/now/table/incident";

  private final TestClock clock = new TestClock();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private ServiceNowClient client;
  private ServiceNowConnection connection;

  @BeforeEach
  void setUp() {
    client = new ServiceNowClient(ClientSettings.defaults(), clock, sleeper);
    connection = ServiceNowConnection.baseUrl(sn.baseUrl());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
  }

  private static ServiceNowRequest create() {
    return ServiceNowRequest.builder(HttpMethod.POST, "api", "now", "table", "incident")
        .body(JsonNodeFactory.instance.objectNode().put("short_description", "x"))
        .build();
  }

  private static ServiceNowRequest list() {
    return ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident").build();
  }

  private void firstThen(
      String method,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
    sn.stubFor(
        request(method, urlPathEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("second"));
    sn.stubFor(
        request(method, urlPathEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("second")
            .willReturn(then));
  }

  @Test
  void postIsResentAfter429WithRetryAfterSeconds() {
    firstThen(
        "POST",
        jsonResponse(
                "{\"error\":{\"message\":\"Rate limit"
                    + " exceeded\",\"detail\":null},\"status\":\"failure\"}",
                429)
            .withHeader("Retry-After", "1"),
        jsonResponse("{\"result\":{\"sys_id\":\"n1\"}}", 201));

    ServiceNowResponse response = client.execute(connection, BASIC, create());

    assertThat(response.status()).isEqualTo(201);
    assertThat(sleeper.pauses).containsExactly(Duration.ofSeconds(1));
    sn.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void retryAfterAsHttpDateIsHonoured() {
    String inTwoSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(clock.instant().plusSeconds(2), java.time.ZoneOffset.UTC));
    firstThen(
        "POST",
        aResponse().withStatus(503).withHeader("Retry-After", inTwoSeconds),
        jsonResponse("{\"result\":{}}", 201));

    client.execute(connection, BASIC, create());

    assertThat(sleeper.pauses).containsExactly(Duration.ofSeconds(2));
    sn.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aLongerWaitThanTheBudgetIsHandedToZeebeWithThatBackoff() {
    sn.stubFor(
        post(PATH)
            .willReturn(
                jsonResponse(
                        "{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"Rate limit of"
                            + " 100 requests per hour for Table API"
                            + " exceeded\"},\"status\":\"failure\"}",
                        429)
                    .withHeader("Retry-After", "1800")));

    assertThatThrownBy(() -> client.execute(connection, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getBackoffDuration()).isEqualTo(Duration.ofSeconds(1800));
              assertThat(e.getErrorCode()).isEqualTo("429");
              assertThat(e.getMessage()).contains("Rate limit of 100 requests per hour");
            });
    assertThat(sleeper.pauses).isEmpty();
    sn.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void rateLimitResetHeaderIsUsedWhenRetryAfterIsMissing() {
    long reset = clock.instant().plusSeconds(3).getEpochSecond();
    firstThen(
        "GET",
        aResponse().withStatus(429).withHeader("X-RateLimit-Reset", String.valueOf(reset)),
        okJson("{\"result\":[]}"));

    client.execute(connection, BASIC, list());

    assertThat(sleeper.pauses).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a429StormEndsWithThe429AfterBoundedAttempts() {
    sn.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

    assertThatThrownBy(() -> client.execute(connection, BASIC, list()))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("429"));
    sn.verify(
        ClientSettings.RetrySettings.defaults().maxAttempts(),
        getRequestedFor(urlPathEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void gatewayErrorsAreRetriedForGetButNotForPost(int status) {
    firstThen("GET", aResponse().withStatus(status), okJson("{\"result\":[]}"));
    assertThat(client.execute(connection, BASIC, list()).status()).isEqualTo(200);
    sn.verify(2, getRequestedFor(urlPathEqualTo(PATH)));

    sn.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
    assertThatThrownBy(() -> client.execute(connection, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(String.valueOf(status)));
    sn.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void backoffWithoutRetryAfterIsJitteredAndBounded() {
    sn.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.execute(connection, BASIC, list()))
        .isInstanceOf(ConnectorException.class);

    var settings = ClientSettings.RetrySettings.defaults();
    assertThat(sleeper.pauses)
        .hasSize(settings.maxAttempts() - 1)
        .allSatisfy(p -> assertThat(p).isBetween(Duration.ZERO, settings.maxDelay()));
  }

  @Test
  void postIsNotResentAfterAConnectionResetOnceSent() {
    sn.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client.execute(connection, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getMessage()).contains("not sent again");
            });
    sn.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void getIsResentAfterAConnectionReset() {
    firstThen(
        "GET", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson("{\"result\":[]}"));

    assertThat(client.execute(connection, BASIC, list()).status()).isEqualTo(200);
    sn.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void emptyReplyOnPostIsNotResent() {
    sn.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> client.execute(connection, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED));
    sn.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void malformedChunkedBodyIsAnInvalidResponse() {
    sn.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(() -> client.execute(connection, BASIC, list()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e ->
                assertThat(e.getErrorCode())
                    .isIn(ErrorCodes.INVALID_RESPONSE, ErrorCodes.CONNECTION_FAILED));
  }

  @Test
  void postIsNotResentAfterAResponseTimeout() {
    sn.stubFor(post(PATH).willReturn(jsonResponse("{\"result\":{}}", 201).withFixedDelay(2500)));
    var shortTimeout = new ServiceNowConnection(null, sn.baseUrl(), 1);

    assertThatThrownBy(() -> client.execute(shortTimeout, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT);
              assertThat(e.getMessage()).contains("1 s");
            });
    sn.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void connectionRefusedIsRetriedThenReportedAsConnectionFailed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nowhere = ServiceNowConnection.baseUrl("http://127.0.0.1:" + closedPort);

    assertThatThrownBy(() -> client.execute(nowhere, BASIC, create()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getMessage()).contains("could not connect", "127.0.0.1:" + closedPort);
            });
    // never sent, so even a POST may be attempted again within the budget
    assertThat(sleeper.pauses).hasSize(ClientSettings.RetrySettings.defaults().maxAttempts() - 1);
  }
}
