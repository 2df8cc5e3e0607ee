package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sncamunda.servicenow.TestJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password given as a secret shows up nowhere a user or a log could see it. */
class SecretLeakTest extends IncidentWireMockTest {

  @Test
  void passwordAppearsInNoMessageResultOrToString() throws Exception {
    List<String> seen = new ArrayList<>();

    // a successful read: the result as process variables
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));
    Object ok = run(Map.of("operation", "read", "sysId", SYS_ID));
    seen.add(TestJson.MAPPER.writeValueAsString(ok));
    seen.add(ok.toString());

    // an HTTP failure: message, error variables and stack trace
    wm.stubFor(
        any(anyUrl())
            .atPriority(1)
            .withHeader(
                "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(BASIC))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required"
                            + " to provide Auth information\"},\"status\":\"failure\"}")));
    collect(
        seen,
        catchThrowable(
            () ->
                run(Map.of("operation", "update", "sysId", SYS_ID, "payload", Map.of("a", "b")))));

    // input failures of every kind
    collect(seen, catchThrowable(() -> run(Map.of("operation", "create", "payload", "{not json"))));
    collect(seen, catchThrowable(() -> runJson("{\"operation\":\"explode\"}")));
    collect(seen, catchThrowable(() -> runJson("{\"operation\":\"search\",\"limit\":\"x\"}")));
    collect(seen, catchThrowable(() -> run(Map.of("operation", "read", "sysId", "bad/id"))));

    // the bound input itself, as a log line would show it
    seen.add(
        new IncidentRequest(connection(), auth(), new IncidentOperation.Read(SYS_ID)).toString());
    seen.add(
        new IncidentRequest(
                connection(), auth(), new IncidentOperation.Create(Map.of("a", PASSWORD)))
            .toString());

    assertThat(seen)
        .hasSizeGreaterThan(10)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(BASIC.substring("Basic ".length())));
  }

  private static void collect(List<String> seen, Throwable error) throws Exception {
    assertThat(error).isNotNull();
    seen.add(String.valueOf(error.getMessage()));
    seen.add(error.toString());
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    seen.add(trace.toString());
    if (error instanceof io.camunda.connector.api.error.ConnectorException connector
        && connector.getErrorVariables() != null) {
      seen.add(TestJson.MAPPER.writeValueAsString(connector.getErrorVariables()));
    }
  }
}
