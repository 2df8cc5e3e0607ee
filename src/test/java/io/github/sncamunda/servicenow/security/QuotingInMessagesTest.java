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
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.flow.FlowStarterFunction;
import io.github.sncamunda.servicenow.incident.IncidentHandlerFunction;
import io.github.sncamunda.servicenow.record.RecordHandlerFunction;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every quoting rule through every place a connector echoes user input in an error message: the
 * dangerous character arrives escaped, never raw, and long values are cut the same way everywhere.
 */
class QuotingInMessagesTest {

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

  /** A rule: the hostile value, what must appear in the message, what must not. */
  record Rule(String name, String value, String escaped, String raw) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Rule CONTROL =
      new Rule("control characters", "x\u0007y\nz", "x\\u0007y\\u000az", "\n");
  static final Rule BIDI = new Rule("bidi override", "exe\u202Efdp", "exe\\u202efdp", "\u202E");
  static final Rule ZERO_WIDTH = new Rule("zero-width", "ad\u200Bmin", "ad\\u200bmin", "\u200B");
  static final Rule TRUNCATION =
      new Rule(
          "truncation", "q".repeat(300) + "\u0001", "'" + "q".repeat(64) + "…'", "q".repeat(65));

  /** Where a connector echoes an input, and how to make a job whose input there is {@code v}. */
  record Site(
      String name, OutboundConnectorFunction connector, Function<String, Map<String, Object>> job) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> rulesBySite() {
    IncidentHandlerFunction incident = new IncidentHandlerFunction(client);
    RecordHandlerFunction record = new RecordHandlerFunction(client);
    FlowStarterFunction flow = new FlowStarterFunction(client);
    Map<String, Object> readSomething = map("operation", "read", "sysId", "abc");
    Map<String, Object> somePath = map("path", "/api/x_acme/flow", "method", "POST");
    Site[] sites = {
      new Site(
          "Incident Handler, instance name",
          incident,
          v -> Jobs.incident(connection(v, null), readSomething)),
      new Site(
          "Incident Handler, Sys ID",
          incident,
          v -> Jobs.incident(connection(null, sn.baseUrl()), map("operation", "read", "sysId", v))),
      new Site("Flow Starter, instance name", flow, v -> Jobs.flow(connection(v, null), somePath)),
      new Site(
          "Record Handler, table name",
          record,
          v ->
              Jobs.record(
                  connection(null, sn.baseUrl()),
                  map("table", "other", "tableName", v),
                  map("operation", "read", "sysId", "abc"))),
      new Site(
          "Record Handler, Sys ID",
          record,
          v ->
              Jobs.record(
                  connection(null, sn.baseUrl()),
                  map("table", "change_request"),
                  map("operation", "addWorkNote", "sysId", v, "text", "x"))),
      new Site(
          "Flow Starter, header name",
          flow,
          v ->
              Jobs.flow(
                  connection(null, sn.baseUrl()),
                  map("path", "/api/x_acme/flow", "method", "POST", "headers", map(v, "1")))),
    };
    return Stream.of(sites)
        .flatMap(
            site ->
                Stream.of(CONTROL, BIDI, ZERO_WIDTH, TRUNCATION)
                    .map(rule -> Arguments.of(site, rule)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rulesBySite")
  void theMessageShowsTheInputEscapedAndCut(Site site, Rule rule) {
    Throwable failure =
        catchThrowable(
            () -> site.connector().execute(Jobs.context(site.job().apply(rule.value()))));

    assertThat(failure).isInstanceOf(ConnectorInputException.class);
    assertThat(failure.getMessage()).contains(rule.escaped()).doesNotContain(rule.raw());
    sn.verify(0, anyRequestedFor(anyUrl()));
  }
}
