package io.github.sncamunda.servicenow.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PASSWORD;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PATH;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.USERNAME;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.flow;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.TestJson;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FlowStarterFunctionTest extends FlowWireMockTest {

  private static ConnectorException failure(FlowTestSupport.Flow flow) {
    ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> run(flow));
    assertThat(e).as("a ConnectorException").isNotNull();
    return e;
  }

  @Test
  void postTriggersTheFlowAndLiftsTheExecutionId() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson("{\"result\":{\"executionId\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"}}")
                    .withHeader("Set-Cookie", "JSESSIONID=abc; Path=/")
                    .withHeader("X-Is-Logged-In", "true")));

    FlowStarterResult result =
        run(FlowTestSupport.post().body(map("correlationValue", "order-4711", "amount", 12.5)));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.executionId()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(result.sysId()).isNull();
    assertThat(result.body())
        .isEqualTo(Map.of("result", Map.of("executionId", "a1b2c3d4e5f60718293a4b5c6d7e8f90")));
    assertThat(result.headers())
        .containsEntry("x-is-logged-in", "true")
        .doesNotContainKey("set-cookie");
    assertThat(result.headers().get("content-type")).contains("application/json");

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader(
                "Authorization",
                equalTo(
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))))
            .withHeader(
                "Content-Type",
                com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"correlationValue\":\"order-4711\",\"amount\":12.5}")));
  }

  @Test
  void resultSerialisesWithExecutionIdAtTheTopAndOmitsWhatIsAbsent() {
    wm.stubFor(
        post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{\"executionId\":\"e-1\"}}")));

    @SuppressWarnings("unchecked")
    Map<String, Object> asVariables =
        TestJson.MAPPER.convertValue(run(FlowTestSupport.post()), Map.class);

    assertThat(asVariables)
        .containsEntry("status", 200)
        .containsEntry("executionId", "e-1")
        .containsKeys("headers", "body")
        .doesNotContainKey("sysId");
  }

  @ParameterizedTest
  @EnumSource(FlowMethod.class)
  void eachMethodReachesServiceNow(FlowMethod method) {
    wm.stubFor(
        any(urlPathEqualTo(PATH))
            .willReturn(okJson("{\"result\":{\"executionId\":\"x-" + method + "\"}}")));
    FlowTestSupport.Flow flow = flow(PATH, method.name());
    if (method.allowsBody()) {
      flow.body(map("method", method.name()));
    }

    FlowStarterResult result = run(flow);

    assertThat(result.executionId()).isEqualTo("x-" + method);
    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo(method.name());
    if (method.allowsBody()) {
      assertThat(request.getBodyAsString()).isEqualTo("{\"method\":\"" + method.name() + "\"}");
    } else {
      assertThat(request.getBody()).isEmpty();
      assertThat(request.getHeader("Content-Type")).isNull();
    }
  }

  @Test
  void methodDefaultsToPostAndIsCaseInsensitive() {
    wm.stubFor(any(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{}}")));

    run(new FlowTestSupport.Flow().with("path", PATH));
    run(flow(PATH, "patch").body(map("a", 1)));

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).extracting(r -> r.getMethod().getName()).containsExactly("POST", "PATCH");
  }

  @Test
  void headersAndQueryParametersReachServiceNowExactly() {
    wm.stubFor(
        any(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{\"executionId\":\"q\"}}")));
    String tricky = "a b&c+d/e=f?g#h%20";
    String unicode = "Zoë 東京 ✓";

    run(
        FlowTestSupport.post()
            .headers(
                map(
                    "hello",
                    "header",
                    "X-Tricky",
                    tricky,
                    "X-Count",
                    42,
                    "X-Ratio",
                    2.50,
                    "X-Flag",
                    true,
                    "X-Skipped",
                    null))
            .query(
                map(
                    "hello",
                    "query",
                    "tricky",
                    tricky,
                    "unicode",
                    unicode,
                    "a+b=c",
                    "key with space",
                    "count",
                    7,
                    "flag",
                    false,
                    "empty",
                    "",
                    "skipped",
                    null)));

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("hello", equalTo("header"))
            .withHeader("X-Tricky", equalTo(tricky))
            .withHeader("X-Count", equalTo("42"))
            .withHeader("X-Ratio", equalTo("2.5"))
            .withHeader("X-Flag", equalTo("true"))
            .withHeader("X-Skipped", absent())
            .withQueryParam("hello", equalTo("query"))
            .withQueryParam("tricky", equalTo(tricky))
            .withQueryParam("unicode", equalTo(unicode))
            .withQueryParam("a+b=c", equalTo("key with space"))
            .withQueryParam("count", equalTo("7"))
            .withQueryParam("flag", equalTo("false"))
            .withQueryParam("empty", equalTo(""))
            .withQueryParam("skipped", absent()));

    // the raw request line: every reserved character percent-encoded once, UTF-8, spaces as %20
    assertThat(onlyRequest().getUrl())
        .isEqualTo(
            PATH
                + "?hello=query"
                + "&tricky=a%20b%26c%2Bd%2Fe%3Df%3Fg%23h%2520"
                + "&unicode=Zo%C3%AB%20%E6%9D%B1%E4%BA%AC%20%E2%9C%93"
                + "&a%2Bb%3Dc=key%20with%20space"
                + "&count=7&flag=false&empty=");
  }

  @Test
  void pathSegmentsAreEncodedOnce() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"result\":{\"executionId\":\"p\"}}")));

    run(flow("/api/x_acme_app/start_order/Zoë;v=1/a:b@c", "POST"));

    assertThat(onlyRequest().getUrl())
        .isEqualTo("/api/x_acme_app/start_order/Zo%C3%AB%3Bv%3D1/a%3Ab%40c");
  }

  @Test
  void scriptedRestApiSysIdIsLifted() {
    wm.stubFor(
        post(urlPathEqualTo("/api/1234567/orders/create"))
            .willReturn(
                okJson(
                    "{\"result\":{\"sys_id\":\"46d44a5fa9fe198101b9e0f6c0d5e3a2\",\"number\":\"REQ0010001\"}}")));

    FlowStarterResult result =
        run(flow("/api/1234567/orders/create", "POST").body(map("item", "laptop")));

    assertThat(result.sysId()).isEqualTo("46d44a5fa9fe198101b9e0f6c0d5e3a2");
    assertThat(result.executionId()).isNull();
    assertThat(result.body())
        .isEqualTo(
            Map.of(
                "result",
                Map.of("sys_id", "46d44a5fa9fe198101b9e0f6c0d5e3a2", "number", "REQ0010001")));
  }

  @Test
  void sysIdInDisplayValueFormIsLifted() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"result\":{\"sys_id\":{\"value\":\"9d385017c611228701d22104cc95c371\",\"display_value\":\"9d385017c611228701d22104cc95c371\"}}}")));

    assertThat(run(FlowTestSupport.post()).sysId()).isEqualTo("9d385017c611228701d22104cc95c371");
  }

  @Test
  void nonJsonTextBodyIsReturnedAsText() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody("Flow queued: ✓")));

    FlowStarterResult result = run(FlowTestSupport.post());

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEqualTo("Flow queued: ✓");
    assertThat(result.executionId()).isNull();
    assertThat(result.sysId()).isNull();
  }

  @Test
  void noContentGivesStatusAndNoBody() {
    wm.stubFor(any(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(204)));

    FlowStarterResult result = run(flow(PATH, "DELETE"));

    assertThat(result.status()).isEqualTo(204);
    assertThat(result.body()).isNull();
    assertThat(result.executionId()).isNull();
  }

  @Test
  void bodyGivenAsJsonTextIsSentAsThatJson() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{}}")));

    run(FlowTestSupport.post().body("  {\"correlationValue\": \"c-1\", \"items\": [1, 2]}"));
    run(FlowTestSupport.post().body("[{\"a\":true}]"));

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .extracting(LoggedRequest::getBodyAsString)
        .containsExactly("{\"correlationValue\":\"c-1\",\"items\":[1,2]}", "[{\"a\":true}]");
  }

  @Test
  void plainTextBodyIsSentAsJsonStringAndOtherValuesAsJson() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{}}")));

    run(FlowTestSupport.post().body("order 4711 \"urgent\""));
    run(FlowTestSupport.post().body(List.of(1, "two", Map.of("three", 3))));
    run(FlowTestSupport.post().body(42));
    run(FlowTestSupport.post().body(""));

    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests)
        .extracting(LoggedRequest::getBodyAsString)
        .containsExactly("\"order 4711 \\\"urgent\\\"\"", "[1,\"two\",{\"three\":3}]", "42", "");
  }

  @Test
  void serviceNowErrorEnvelopeBecomesConnectorExceptionWithStatusCode() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Required input 'correlationValue' is"
                            + " missing\",\"detail\":\"Flow trigger rejected the request"
                            + " body\"},\"status\":\"failure\"}")));

    ConnectorException e = failure(FlowTestSupport.post().body(map("other", 1)));

    assertThat(e.getErrorCode()).isEqualTo("400");
    assertThat(e.getMessage())
        .contains("Required input 'correlationValue' is missing")
        .contains("Flow trigger rejected the request body");
    @SuppressWarnings("unchecked")
    Map<String, Object> response = (Map<String, Object>) e.getErrorVariables().get("response");
    assertThat(response).containsEntry("status", 400);
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void unknownTriggerPathGives404WithServiceNowReason() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Requested URI does not represent any"
                            + " resource\",\"detail\":null},\"status\":\"failure\"}")));

    ConnectorException e = failure(FlowTestSupport.post());

    assertThat(e.getErrorCode()).isEqualTo("404");
    assertThat(e.getMessage()).contains("Requested URI does not represent any resource");
  }

  @Test
  void postAnswered429IsSentAgainAfterRetryAfterAndSucceeds() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("rate limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit exceeded\"},\"status\":\"failure\"}"))
            .willSetStateTo("allowed"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("rate limit")
            .whenScenarioStateIs("allowed")
            .willReturn(okJson("{\"result\":{\"executionId\":\"after-429\"}}")));

    FlowStarterResult result = run(FlowTestSupport.post().body(map("a", 1)));

    assertThat(result.executionId()).isEqualTo("after-429");
    wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"a\":1}")));
  }

  @Test
  void postWhoseConnectionIsResetIsNotSentAgain() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ConnectorException e = failure(FlowTestSupport.post().body(map("a", 1)));

    assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void postThatTimesOutIsNotSentAgain() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(okJson("{\"result\":{\"executionId\":\"late\"}}").withFixedDelay(2500)));

    ConnectorException e = failure(FlowTestSupport.post().body(map("a", 1)).timeoutSeconds(1));

    assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TIMEOUT);
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void theMethodAndPathAppearInErrorsButNotTheQuery() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Script error\"},\"status\":\"failure\"}")));

    ConnectorException e = failure(FlowTestSupport.post().query(map("token", "query-secret-123")));

    assertThat(e.getErrorCode()).isEqualTo("500");
    assertThat(e.getMessage())
        .contains("POST " + PATH)
        .contains("Script error")
        .doesNotContain("query-secret-123");
    wm.verify(1, requestedFor("POST", urlPathEqualTo(PATH)));
  }
}
