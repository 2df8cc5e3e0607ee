package io.github.sncamunda.servicenow.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every call to a REST API trigger or scripted REST API may start a flow, whatever its method: a
 * call whose outcome is unknown is sent once, and the job is not retried either.
 */
class FlowStartedOnceTest extends FlowWireMockTest {

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "POST"})
  void aGatewayTimeoutIsNotSentAgainWhateverTheMethod(String method) {
    wm.stubFor(any(urlPathEqualTo(FlowTestSupport.PATH)).willReturn(aResponse().withStatus(504)));

    Throwable thrown = thrown(FlowTestSupport.flow(FlowTestSupport.PATH, method));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("504");
              assertThat(e.getRetries()).isZero();
            });
    assertThat(onlyRequest().getMethod().getName()).isEqualTo(method);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void aBrokenConnectionIsNotSentAgainWhateverTheMethod(String method) {
    wm.stubFor(
        any(urlPathEqualTo(FlowTestSupport.PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable thrown = thrown(FlowTestSupport.flow(FlowTestSupport.PATH, method));

    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getRetries()).isZero();
            });
    onlyRequest();
  }
}
