package io.github.sncamunda.servicenow.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PASSWORD;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.PATH;
import static io.github.sncamunda.servicenow.flow.FlowTestSupport.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The password bound from a secret never shows in results, exceptions or toString(). */
class FlowSecretsTest extends FlowWireMockTest {

  private static void assertNoPassword(Throwable thrown) {
    assertThat(thrown).isNotNull();
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(PASSWORD);
    if (thrown instanceof ConnectorException) {
      assertThat(String.valueOf(((ConnectorException) thrown).getErrorVariables()))
          .doesNotContain(PASSWORD);
    }
  }

  private static Throwable failure(FlowTestSupport.Flow flow) {
    return thrown(flow);
  }

  @Test
  void boundRequestToStringRedactsThePasswordAndHeaderValues() {
    FlowTestSupport.Flow flow =
        FlowTestSupport.post()
            .headers(map("X-Own-Token", "header-token-value"))
            .query(map("q", "query-value"))
            .body(map("secretInput", "body-value"));

    FlowStarterRequest request = FlowStarterRequest.bind(context(flow));

    assertThat(request.toString())
        .contains("[REDACTED]", "X-Own-Token", PATH)
        .doesNotContain(PASSWORD, "header-token-value", "query-value", "body-value");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void resultNeverCarriesThePassword() {
    wm.stubFor(
        post(urlPathEqualTo(PATH)).willReturn(okJson("{\"result\":{\"executionId\":\"e-1\"}}")));

    FlowStarterResult result = run(FlowTestSupport.post().body(map("a", 1)));

    assertThat(result.toString()).doesNotContain(PASSWORD);
    assertThat(new String(Json.write(result), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(PASSWORD);
  }

  @Test
  void unauthorizedErrorNeverCarriesThePassword() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("WWW-Authenticate", "BASIC realm=\"Service-now\"")
                    .withBody(
                        "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required"
                            + " to provide Auth information\"},\"status\":\"failure\"}")));

    Throwable thrown = failure(FlowTestSupport.post());

    assertThat(thrown).isInstanceOf(ConnectorException.class);
    assertThat(((ConnectorException) thrown).getErrorCode()).isEqualTo("401");
    assertThat(thrown.getMessage()).contains("User Not Authenticated");
    assertNoPassword(thrown);
  }

  @Test
  void transportAndInputErrorsNeverCarryThePassword() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertNoPassword(failure(FlowTestSupport.post()));
    assertNoPassword(
        failure(FlowTestSupport.post().headers(map("Authorization", "Basic " + PASSWORD))));
    assertNoPassword(failure(FlowTestSupport.flow("/api/camun/" + "x".repeat(3) + "/%2e", "POST")));
  }

  @Test
  void invalidInstanceNameErrorNeverCarriesThePassword() {
    String variables =
        "{\"connection\":{\"instanceName\":\"not a host/\"},"
            + "\"authentication\":{\"type\":\"basic\",\"username\":\"u\",\"password\":\"{{secrets.SN_PWD}}\"},"
            + "\"flow\":{\"path\":\""
            + PATH
            + "\",\"method\":\"POST\"}}";
    Throwable thrown =
        catchThrowable(
            () ->
                execute(
                    OutboundConnectorContextBuilder.create()
                        .variables(variables)
                        .secret("SN_PWD", PASSWORD)
                        .build()));

    assertThat(thrown)
        .isInstanceOf(io.camunda.connector.api.error.ConnectorInputException.class)
        .hasMessageContaining("Instance name");
    assertNoPassword(thrown);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
