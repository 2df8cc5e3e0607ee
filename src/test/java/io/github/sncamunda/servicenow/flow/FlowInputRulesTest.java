package io.github.sncamunda.servicenow.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PASSWORD;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PATH;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.flow;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input rule refuses with a clear reason before anything is sent. */
class FlowInputRulesTest extends FlowWireMockTest {

  @BeforeEach
  void answerEverything() {
    // were any request to slip through, it would succeed: only the verification below can fail
    wm.stubFor(
        any(anyUrl()).willReturn(okJson("{\"result\":{\"executionId\":\"should-not-happen\"}}")));
  }

  @AfterEach
  void nothingWasSent() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        rule("", "REST API trigger path is required"),
        rule("   ", "REST API trigger path is required"),
        rule("api/camun/my_flow_name", "must start with /api/"),
        rule("/now/table/incident", "must start with /api/"),
        rule("/API/camun/my_flow_name", "must start with /api/"),
        rule("https://evil.example.com/api/camun/my_flow_name", "without scheme or host"),
        rule("http://localhost:1/api/camun/my_flow_name", "without scheme or host"),
        rule("//evil.example.com/api/camun/my_flow_name", "without scheme or host"),
        rule("/api/camun/../now/table/sys_user", "'.' or '..' segments"),
        rule("/api/camun/..", "'.' or '..' segments"),
        rule("/api/camun/./my_flow_name", "'.' or '..' segments"),
        rule("/api//camun/my_flow_name", "empty segments"),
        rule("/api/camun/my_flow_name/", "empty segments"),
        rule("/api/camun/%2e%2e/my_flow_name", "must not contain '%'"),
        rule("/api/camun/%2E%2E%2Fnow", "must not contain '%'"),
        rule("/api/camun/a%2fb", "must not contain '%'"),
        rule("/api/camun/a%5cb", "must not contain '%'"),
        rule("/api/camun/%252e%252e", "must not contain '%'"),
        rule("/api/camun/my_flow%20name", "must not contain '%'"),
        rule("/api/camun\\..\\now", "backslashes"),
        rule("/api/camun/my_flow_name?x=1", "put query parameters in the Query parameters field"),
        rule("/api/camun/my_flow_name#top", "fragment"),
        rule("/api/camun/my flow", "whitespace or control characters"),
        rule("/api/camun/my_flow_name\n", "whitespace or control characters"),
        rule("/api/camun/my_flow_name\r\nX-Injected: 1", "whitespace or control characters"),
        rule("/api/camun/my\tflow", "whitespace or control characters"),
        rule("/api/camun/my_flow\u0000", "whitespace or control characters"),
        rule("/api/camun/my\u00a0flow", "whitespace or control characters"),
        rule("/api/camun/my\u200bflow", "whitespace or control characters"),
        rule("/api/camun", "must name the API after /api/"),
        rule("/api/", "empty segments"));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void pathRules(String path, String reason) {
    assertRefused(flow(path, "POST"), reason);
  }

  static Stream<Arguments> headers() {
    return Stream.of(
        rule(
            map("Authorization", "Basic Zm9vOmJhcg=="),
            "Header 'Authorization' cannot be set in Headers: the connector sets credentials"),
        rule(map("authorization", "Bearer x"), "Header 'authorization' cannot be set"),
        rule(
            map("HOST", "evil.example.com"),
            "Header 'HOST' cannot be set in Headers: the host comes from the instance name"),
        rule(
            map("Content-Length", 0),
            "Header 'Content-Length' cannot be set in Headers: the connector's HTTP client"),
        rule(map("transfer-encoding", "chunked"), "Header 'transfer-encoding' cannot be set"),
        rule(map("Cookie", "JSESSIONID=1"), "Header 'Cookie' cannot be set"),
        rule(map("Connection", "close"), "Header 'Connection' cannot be set"),
        rule(
            map("X-SN-APIKEY", "k"),
            "Header 'X-SN-APIKEY' cannot be set in Headers: the connector sets credentials"),
        rule(map("Proxy-Authorization", "Basic x"), "Header 'Proxy-Authorization' cannot be set"),
        rule(map("", "x"), "Header names must not be empty"),
        rule(map("Bad Name", "x"), "Header name 'Bad Name' is not a valid HTTP header name"),
        rule(map("X-(comment)", "x"), "is not a valid HTTP header name"),
        rule(map("X-Colon:", "x"), "is not a valid HTTP header name"),
        rule(map("X-Zoë", "x"), "is not a valid HTTP header name"),
        rule(map("X-New\r\nLine", "x"), "is not a valid HTTP header name"),
        rule(
            map("X-A", "a\r\nX-Injected: 1"),
            "Header 'X-A' value must not contain line breaks (CR, LF) or NUL"),
        rule(map("X-A", "a\nb"), "must not contain line breaks"),
        rule(map("X-A", "a\u0000b"), "must not contain line breaks (CR, LF) or NUL"),
        rule(map("X-A", "a\u0007b"), "must not contain control characters"),
        rule(map("X-A", "Zoë"), "Header 'X-A' value must be plain ASCII text"),
        rule(
            map("X-A", map("nested", 1)),
            "Header 'X-A' must be text, a number or a boolean, not a list or an object"),
        rule(map("X-A", List.of("a", "b")), "not a list or an object"),
        rule(map("X-A", "1", "x-a", "2"), "Header 'x-a' is given more than once"));
  }

  @ParameterizedTest
  @MethodSource("headers")
  void headerRules(Object headers, String reason) {
    assertRefused(FlowTestSupport.post().with("headers", headers), reason);
  }

  static Stream<Arguments> queryParameters() {
    return Stream.of(
        rule(map("", "x"), "Query parameter names must not be empty"),
        rule(map("  ", "x"), "Query parameter names must not be empty"),
        rule(
            map("q", map("a", 1)),
            "Query parameter 'q' must be text, a number or a boolean, not a list or an object"),
        rule(map("q", List.of(1, 2)), "not a list or an object"));
  }

  @ParameterizedTest
  @MethodSource("queryParameters")
  void queryParameterRules(Object query, String reason) {
    assertRefused(FlowTestSupport.post().with("queryParameters", query), reason);
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        rule(flow(PATH, "GET").body(map("a", 1)), "Request body is not allowed with GET"),
        rule(flow(PATH, "DELETE").body(map("a", 1)), "Request body is not allowed with DELETE"),
        rule(flow(PATH, "GET").body("plain text"), "Request body is not allowed with GET"),
        rule(flow(PATH, "DELETE").body(List.of()), "Request body is not allowed with DELETE"),
        rule(
            FlowTestSupport.post().body("{\"correlationValue\": camId}"),
            "looks like JSON but is not valid JSON"),
        rule(FlowTestSupport.post().body("[1, 2"), "looks like JSON but is not valid JSON"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void bodyRules(FlowTestSupport.Flow flow, String reason) {
    assertRefused(flow, reason);
  }

  static Stream<Arguments> bindings() {
    return Stream.of(
        rule(flow(PATH, "FETCH"), "Method must be one of POST, GET, PUT, PATCH, DELETE"),
        rule(FlowTestSupport.post().with("headers", List.of("X-A", "1")), "flow.headers"),
        rule(FlowTestSupport.post().with("queryParameters", "hello=query"), "flow.queryParameters"),
        rule(
            FlowTestSupport.post().timeoutSeconds(0),
            "Response timeout must be between 1 and 3600 seconds"));
  }

  @ParameterizedTest
  @MethodSource("bindings")
  void bindingRules(FlowTestSupport.Flow flow, String reason) {
    assertRefused(flow, reason);
  }

  @ParameterizedTest
  @MethodSource("headerValuesThatMustNotBeEchoed")
  void refusedHeaderValuesAreNotEchoed(String value) {
    String message =
        assertRefused(
            FlowTestSupport.post().headers(map("X-Api-Token", value)), "Header 'X-Api-Token'");
    assertThat(message).doesNotContain("token-value-42");
  }

  static Stream<String> headerValuesThatMustNotBeEchoed() {
    return Stream.of("token-value-42\r\n", "token-value-42\u0000", "token-value-42é");
  }

  private static String assertRefused(FlowTestSupport.Flow flow, String reason) {
    Throwable thrown = thrown(flow);
    assertThat(thrown).isInstanceOf(ConnectorInputException.class).hasMessageContaining(reason);
    assertThat(thrown.getMessage()).doesNotContain(PASSWORD);
    return thrown.getMessage();
  }

  private static Arguments rule(Object input, String reason) {
    return Arguments.of(input, reason);
  }
}
