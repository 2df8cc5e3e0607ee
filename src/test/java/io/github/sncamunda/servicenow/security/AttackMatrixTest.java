package io.github.sncamunda.servicenow.security;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.sncamunda.servicenow.security.Jobs.connection;
import static io.github.sncamunda.servicenow.security.Jobs.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.flow.FlowStarterFunction;
import io.github.sncamunda.servicenow.incident.IncidentHandlerFunction;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or careless inputs, through the SDK binding exactly as a job delivers them: each row must
 * end in a ConnectorInputException (no retries) whose message names the problem, with no request
 * sent anywhere and the known password in no message.
 */
class AttackMatrixTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static ServiceNowClient client;

  @BeforeAll
  static void client() {
    client = new ServiceNowClient(ClientSettings.defaults());
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  private static Map<String, Object> local() {
    return connection(null, sn.baseUrl());
  }

  private static Map<String, Object> read(String sysId) {
    return map("operation", "read", "sysId", sysId);
  }

  private static Map<String, Object> create(Object payload) {
    return map("operation", "create", "payload", payload);
  }

  private static Map<String, Object> post(String path) {
    return map("path", path, "method", "POST");
  }

  static Stream<Arguments> incidentRows() {
    return Stream.of(
        row(
            "instance name with a path",
            connection("evil.com/", null),
            read("abc"),
            "Instance name"),
        row("instance name with a dot", connection("a.b", null), read("abc"), "Instance name"),
        row("instance name as IPv4", connection("127.0.0.1", null), read("abc"), "Instance name"),
        row("instance name as IPv6", connection("[::1]", null), read("abc"), "Instance name"),
        row(
            "instance name with a port",
            connection("host:8080", null),
            read("abc"),
            "Instance name"),
        row(
            "instance name with userinfo",
            connection("user@host", null),
            read("abc"),
            "Instance name"),
        row("instance name percent-encoded", connection("%2e", null), read("abc"), "Instance name"),
        row(
            "instance name IDN homoglyph",
            connection("dev\u0430", null),
            read("abc"),
            "Instance name"),
        row(
            "instance name ideographic dot",
            connection("dev\u3002evil", null),
            read("abc"),
            "Instance name"),
        row(
            "instance name fullwidth dot",
            connection("dev\uff0eevil", null),
            read("abc"),
            "Instance name"),
        row(
            "plain http to a remote host",
            connection(null, "http://evil.example"),
            read("abc"),
            "https"),
        row(
            "plain http to a private address",
            connection(null, "http://10.0.0.1:8080"),
            read("abc"),
            "https"),
        row(
            "base URL with userinfo",
            connection(null, "https://user:pw@evil.example"),
            read("abc"),
            "user information"),
        row(
            "base URL with userinfo and a host java.net.URI cannot parse",
            connection(null, "https://admin:" + Jobs.PASSWORD + "@my_host.example.com"),
            read("abc"),
            "user information"),
        row(
            "base URL with a port out of range",
            connection(null, "https://servicenow.example.com:99999"),
            read("abc"),
            "port out of range"),
        row("sys_id with a slash", local(), read("abc/../../x"), "Sys ID"),
        row("sys_id with a query", local(), read("abc?sysparm_query=x"), "Sys ID"),
        row("sys_id with percent", local(), read("abc%2F"), "Sys ID"),
        row("sys_id with a space", local(), read("abc def"), "Sys ID"),
        row("sys_id over 32 characters", local(), read("a".repeat(33)), "Sys ID"),
        row("payload array", local(), create(java.util.List.of(1, 2)), "Payload"),
        row("payload number", local(), create(42), "Payload"),
        row("payload JSON text of an array", local(), create("[1,2]"), "Payload"),
        row("payload depth bomb (100 levels)", local(), create(Jobs.nested(100)), "nest"),
        row(
            "payload huge (6 MB)",
            local(),
            create(map("description", "x".repeat(6 * 1024 * 1024))),
            "bytes"),
        row("unknown operation", local(), map("operation", "explode"), "Unknown operation"),
        row(
            "unknown display value",
            local(),
            map("operation", "read", "sysId", "abc", "displayValue", "maybe"),
            "Display value"));
  }

  static Stream<Arguments> flowRows() {
    return Stream.of(
        row("dot-dot segment", local(), post("/api/../now/table/incident"), "path"),
        row("empty segment", local(), post("/api//x/y"), "path"),
        row("encoded dot-dot", local(), post("/api/%2e%2e/x"), "path"),
        row("backslash", local(), post("/api\\x\\y"), "path"),
        row("absolute URL", local(), post("https://evil.example/api/x/y"), "path"),
        row("query in the path", local(), post("/api/x/y?sysparm_query=1"), "path"),
        row("fragment in the path", local(), post("/api/x/y#f"), "path"),
        row("control characters", local(), post("/api/x/y\r\nHost: evil"), "path"),
        row("not under /api", local(), post("/now/table/incident"), "path"),
        row(
            "header value with CR/LF",
            local(),
            map("path", "/api/x/y", "headers", map("X-A", "v\r\nInjected: 1")),
            "Header"),
        row(
            "header name not a token",
            local(),
            map("path", "/api/x/y", "headers", map("X A", "v")),
            "Header"),
        row(
            "Authorization header",
            local(),
            map("path", "/api/x/y", "headers", map("authorization", "Basic x")),
            "Authorization"),
        row(
            "Host header",
            local(),
            map("path", "/api/x/y", "headers", map("Host", "evil.example")),
            "Host"),
        row(
            "body with GET",
            local(),
            map("path", "/api/x/y", "method", "GET", "body", map("a", 1)),
            "body"),
        row("body depth bomb", local(), map("path", "/api/x/y", "body", Jobs.nested(100)), "nest"),
        row("unknown method", local(), map("path", "/api/x/y", "method", "TRACE"), "Method"),
        row(
            "instance name aimed elsewhere",
            connection("evil.com/x", null),
            post("/api/x/y"),
            "Instance name"));
  }

  private static Arguments row(
      String name, Map<String, Object> connection, Map<String, Object> input, String mentions) {
    return Arguments.of(name, connection, input, mentions);
  }

  @ParameterizedTest(name = "incident: {0}")
  @MethodSource("incidentRows")
  void incidentInputIsRefusedBeforeAnyRequest(
      String name, Map<String, Object> connection, Map<String, Object> operation, String mentions) {
    Throwable thrown =
        catchThrowable(
            () ->
                new IncidentHandlerFunction(client)
                    .execute(Jobs.context(Jobs.incident(connection, operation))));
    assertRefused(thrown, mentions);
  }

  @ParameterizedTest(name = "flow: {0}")
  @MethodSource("flowRows")
  void flowInputIsRefusedBeforeAnyRequest(
      String name, Map<String, Object> connection, Map<String, Object> flow, String mentions) {
    Throwable thrown =
        catchThrowable(
            () ->
                new FlowStarterFunction(client).execute(Jobs.context(Jobs.flow(connection, flow))));
    assertRefused(thrown, mentions);
  }

  private static void assertRefused(Throwable thrown, String mentions) {
    assertThat(thrown).isInstanceOf(ConnectorInputException.class);
    assertThat(thrown.getMessage()).containsIgnoringCase(mentions).doesNotContain(Jobs.PASSWORD);
    sn.verify(0, anyRequestedFor(anyUrl()));
  }
}
