package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camunda.connector.api.error.ConnectorException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorHandlingTest extends IncidentWireMockTest {

  private static final String NOT_FOUND =
      """
      {"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}\
      """;

  private static Map<String, Object> operation(String name) {
    return switch (name) {
      case "read" -> Map.of("operation", "read", "sysId", SYS_ID);
      case "update" ->
          Map.of("operation", "update", "sysId", SYS_ID, "payload", Map.of("state", "2"));
      default -> Map.of("operation", "delete", "sysId", SYS_ID);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"read", "update", "delete"})
  void notFoundKeepsCode404AndServiceNowsMessage(String name) {
    String path = TABLE + "/" + SYS_ID;
    var notFound =
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody(NOT_FOUND);
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(notFound));
    wm.stubFor(patch(urlPathEqualTo(path)).willReturn(notFound));
    wm.stubFor(delete(urlPathEqualTo(path)).willReturn(notFound));

    assertThatThrownBy(() -> run(operation(name)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("404");
              assertThat(e.getErrorVariables()).containsKey("response");
              @SuppressWarnings("unchecked")
              Map<String, Object> response =
                  (Map<String, Object>) e.getErrorVariables().get("response");
              assertThat(response).containsEntry("status", 404);
            })
        .hasMessageContaining("No Record found")
        .hasMessageContaining("Record doesn't exist or ACL restricts the record retrieval");
    // a 404 is final: not retried
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void unauthorizedIs401WithTheReason() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required"
                            + " to provide Auth information\"},\"status\":\"failure\"}")));

    assertThatThrownBy(() -> run(operation("read")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("401"))
        .hasMessageContaining("User Not Authenticated")
        .hasMessageContaining("Required to provide Auth information");
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void forbiddenIs403WithTheReason() {
    wm.stubFor(
        patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"ACL Exception"
                            + " Update Failed due to security"
                            + " constraints\"},\"status\":\"failure\"}")));

    assertThatThrownBy(() -> run(operation("update")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("403"))
        .hasMessageContaining("ACL Exception Update Failed due to security constraints");
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void rateLimitWithRetryAfterZeroIsRetriedOnce() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .inScenario("rate")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("allowed")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit exceeded\",\"detail\":\"Rate limit of"
                            + " 100 requests per hour for Table API"
                            + " exceeded\"},\"status\":\"failure\"}")));
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .inScenario("rate")
            .whenScenarioStateIs("allowed")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    IncidentResult incident = (IncidentResult) run(operation("read"));

    assertThat(incident.sysId()).isEqualTo(SYS_ID);
    wm.verify(2, getRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID)));
  }

  @Test
  void aCreateRateLimitedEveryTimeEndsAs429() {
    // 429 proves nothing was created, so even a POST may be resent, but only within the retry
    // budget
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "0")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit"
                            + " exceeded\",\"detail\":null},\"status\":\"failure\"}")));

    assertThatThrownBy(
            () -> run(Map.of("operation", "create", "payload", Map.of("short_description", "x"))))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("429"))
        .hasMessageContaining("Rate limit exceeded");
    // the test client allows 3 attempts
    wm.verify(3, anyRequestedFor(anyUrl()));
  }

  @Test
  void anHtmlPageInsteadOfJsonIsAnInvalidResponse() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Instance hibernating</body></html>")));

    assertThatThrownBy(() -> run(operation("read")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_RESPONSE"));
  }

  @Test
  void aSuccessWithoutARecordIsAnInvalidResponse() {
    wm.stubFor(
        patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"result\":[]}")));

    assertThatThrownBy(() -> run(operation("update")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_RESPONSE"))
        .hasMessageContaining("PATCH /api/now/table/incident/" + SYS_ID);
  }
}
