package io.github.sncamunda.servicenow.security;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.sncamunda.servicenow.security.Jobs.connection;
import static io.github.sncamunda.servicenow.security.Jobs.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.flow.FlowStarterFunction;
import io.github.sncamunda.servicenow.incident.IncidentHandlerFunction;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated paths, headers, query parameters and sys_ids through the Flow Starter and the Incident
 * Handler (the Record Handler shares the Incident Handler's table inputs; instance names and base
 * URLs: EndpointPropertiesTest, which needs no DNS): the only outcomes allowed are a result, or a
 * ConnectorInputException / ConnectorException with a message. Never a NullPointerException or
 * IllegalArgumentException, never a request outside the ServiceNow stand-in's /api/ tree, never the
 * password in a message.
 */
class ConnectorInputPropertiesTest {

  private static WireMockServer sn;
  private static ServiceNowClient client;

  @BeforeContainer
  static void start() {
    sn = new WireMockServer(wireMockConfig().dynamicPort());
    sn.start();
    sn.stubFor(
        any(urlPathMatching("/api/.*"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\",\"number\":\"INC0010001\"}}")));
    client =
        new ServiceNowClient(
            ClientSettings.defaults().withRetry(ClientSettings.RetrySettings.none()));
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    sn.stop();
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings()
            .withChars("/\\.%?#:@ \t\r\n\u0000\u3002\u0430aZ09-_~&=+^")
            .ofMaxLength(30),
        Arbitraries.of(
            "/api/x/y",
            "/api/../x",
            "/api/%2e%2e/x",
            "//evil.example/api/x",
            "https://evil.example/api/x/y",
            "/api/x/y?q=1",
            "abc",
            "0123456789abcdef0123456789abcdef",
            "",
            " "));
  }

  @Property(tries = 400)
  void flowStarterNeverCrashesOrLeavesTheInstance(
      @ForAll("text") String path,
      @ForAll("text") String headerName,
      @ForAll("text") String headerValue,
      @ForAll("text") String queryName,
      @ForAll("text") String queryValue,
      @ForAll("method") String method) {
    Map<String, Object> flow =
        map(
            "path",
            path,
            "method",
            method,
            "headers",
            map(headerName, headerValue),
            "queryParameters",
            map(queryName, queryValue));
    check(new FlowStarterFunction(client), Jobs.flow(connection(null, sn.baseUrl()), flow));
  }

  @Property(tries = 400)
  void incidentHandlerNeverCrashesOrLeavesTheInstance(
      @ForAll("text") String sysId,
      @ForAll("operation") String operation,
      @ForAll("text") String query,
      @ForAll("text") String fields) {
    Map<String, Object> op =
        map(
            "operation",
            operation,
            "sysId",
            sysId,
            "query",
            query,
            "fields",
            fields,
            "payload",
            map("short_description", query));
    check(new IncidentHandlerFunction(client), Jobs.incident(connection(null, sn.baseUrl()), op));
  }

  @Provide
  Arbitrary<String> method() {
    return Arbitraries.of("POST", "GET", "PUT", "PATCH", "DELETE", "post", "TRACE", "", "CONNECT");
  }

  @Provide
  Arbitrary<String> operation() {
    return Arbitraries.of("create", "read", "update", "delete", "search", "READ", "drop", "");
  }

  private static void check(OutboundConnectorFunction function, Map<String, Object> variables) {
    sn.resetRequests();
    Throwable thrown = run(function, variables);
    if (thrown != null) {
      assertThat(thrown).isInstanceOfAny(ConnectorInputException.class, ConnectorException.class);
      assertThat(thrown.getMessage()).isNotBlank().doesNotContain(Jobs.PASSWORD);
    }
    sn.getAllServeEvents()
        .forEach(event -> assertThat(event.getRequest().getUrl()).startsWith("/api/"));
  }

  private static Throwable run(OutboundConnectorFunction function, Map<String, Object> variables) {
    try {
      function.execute(Jobs.context(variables));
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
