package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.BearerTokenAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceNowClientTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final BasicAuthentication BASIC = new BasicAuthentication("admin", "pa:ss wörd");
  private ServiceNowClient client;
  private ServiceNowConnection connection;

  @BeforeEach
  void setUp() {
    client =
        new ServiceNowClient(ClientSettings.defaults(), new TestClock(), new RecordingSleeper());
    connection = ServiceNowConnection.baseUrl(sn.baseUrl());
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
  }

  private static ServiceNowRequest readIncident(String sysId) {
    return ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident")
        .segment(sysId)
        .build();
  }

  @Test
  void sendsBasicAuthAcceptJsonAndUserAgentAndParsesTheResultEnvelope() {
    sn.stubFor(
        get("/api/now/table/incident/abc")
            .willReturn(
                okJson(
                    "{\"result\":{\"sys_id\":\"abc\",\"number\":\"INC0010001\",\"caller_id\":{\"link\":\"https://x/api/now/table/sys_user/u1\",\"value\":\"u1\"}}}")));

    ServiceNowResponse response = client.execute(connection, BASIC, readIncident("abc"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.result().get("number").asText()).isEqualTo("INC0010001");
    assertThat(response.result().at("/caller_id/value").asText()).isEqualTo("u1");
    sn.verify(
        getRequestedFor(urlEqualTo("/api/now/table/incident/abc"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("admin", "pa:ss wörd"))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader("User-Agent", matching("camunda-servicenow-connectors/.+"))
            .withoutHeader("Cookie"));
  }

  @Test
  void sendsJsonBodyAndApiKeyOrBearerHeaders() {
    sn.stubFor(
        post("/api/now/table/incident")
            .willReturn(jsonResponse("{\"result\":{\"sys_id\":\"n1\"}}", 201)));
    var body = JsonNodeFactory.instance.objectNode().put("short_description", "Disk full & slow");
    var request =
        ServiceNowRequest.builder(HttpMethod.POST, "api", "now", "table", "incident")
            .body(body)
            .build();

    client.execute(connection, new ApiKeyAuthentication("key-123"), request);
    client.execute(connection, new BearerTokenAuthentication("tok-456"), request);

    sn.verify(
        postRequestedFor(urlEqualTo("/api/now/table/incident"))
            .withHeader("x-sn-apikey", equalTo("key-123"))
            .withoutHeader("Authorization")
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(equalToJson("{\"short_description\":\"Disk full & slow\"}")));
    sn.verify(
        postRequestedFor(urlEqualTo("/api/now/table/incident"))
            .withHeader("Authorization", equalTo("Bearer tok-456")));
  }

  @Test
  void keepsNoCookiesBetweenCalls() {
    sn.stubFor(
        get(urlPathMatching("/api/now/table/incident/.*"))
            .willReturn(
                okJson("{\"result\":{}}").withHeader("Set-Cookie", "JSESSIONID=abc; Path=/")));

    ServiceNowResponse first = client.execute(connection, BASIC, readIncident("a"));
    client.execute(connection, BASIC, readIncident("b"));

    assertThat(first.headers()).doesNotContainKey("set-cookie");
    sn.verify(0, getRequestedFor(anyUrl()).withHeader("Cookie", matching(".*")));
  }

  @Test
  void errorEnvelopeBecomesStatusCodeWithServiceNowsMessageAndResponseVariables() {
    sn.stubFor(
        get("/api/now/table/incident/missing")
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't exist"
                        + " or ACL restricts the record retrieval\"},\"status\":\"failure\"}",
                    404)));

    assertThatThrownBy(() -> client.execute(connection, BASIC, readIncident("missing")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("404");
              assertThat(e.getMessage())
                  .contains(
                      "404",
                      "GET /api/now/table/incident/missing",
                      "No Record found",
                      "Record doesn't exist or ACL restricts the record retrieval");
              @SuppressWarnings("unchecked")
              Map<String, Object> response =
                  (Map<String, Object>) e.getErrorVariables().get("response");
              assertThat(response).containsEntry("status", 404);
              assertThat(response.get("body").toString()).contains("No Record found");
              assertThat(((Map<?, ?>) response.get("headers")).containsKey("content-type"))
                  .isTrue();
            });
  }

  @Test
  void nullDetailAndNonJsonErrorsStillCarryAReason() {
    sn.stubFor(
        get("/api/now/table/incident/a")
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"User Not"
                        + " Authenticated\",\"detail\":null},\"status\":\"failure\"}",
                    401)));
    sn.stubFor(
        get("/api/now/table/incident/b")
            .willReturn(aResponse().withStatus(500).withBody("Internal boom")));

    assertThatThrownBy(() -> client.execute(connection, BASIC, readIncident("a")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("401");
              assertThat(e.getMessage()).contains("User Not Authenticated").doesNotContain("null");
            });
    assertThatThrownBy(() -> client.execute(connection, BASIC, readIncident("b")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("500");
              assertThat(e.getMessage()).contains("Internal boom");
            });
  }

  @Test
  void htmlPageWithStatus200IsAnInvalidResponse() {
    sn.stubFor(
        get("/api/now/table/incident/a")
            .willReturn(
                ok("<html><head><title>Instance Hibernating"
                        + " page</title></head><body>zzz</body></html>")
                    .withHeader("Content-Type", "text/html;charset=UTF-8")));

    assertThatThrownBy(() -> client.execute(connection, BASIC, readIncident("a")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.INVALID_RESPONSE);
              assertThat(e.getMessage()).contains("hibernating");
            });
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    sn.stubFor(
        get("/api/now/table/incident/a").willReturn(okJson("{\"result\":{\"sys_id\":\"a\",")));

    assertThatThrownBy(() -> client.execute(connection, BASIC, readIncident("a")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.INVALID_RESPONSE));
  }

  @Test
  void textIsReturnedAsTextWhenTheRequestAcceptsIt() {
    sn.stubFor(
        get("/api/x_acme/status")
            .willReturn(ok("all good").withHeader("Content-Type", "text/plain")));

    ServiceNowResponse response =
        client.execute(
            connection,
            BASIC,
            ServiceNowRequest.builder(HttpMethod.GET, "api", "x_acme", "status")
                .acceptText()
                .build());

    assertThat(response.text()).isEqualTo("all good");
    assertThat(response.json()).isNull();
  }

  @Test
  void noContentHasNoBody() {
    sn.stubFor(delete("/api/now/table/incident/a").willReturn(noContent()));

    ServiceNowResponse response =
        client.execute(
            connection,
            BASIC,
            ServiceNowRequest.builder(HttpMethod.DELETE, "api", "now", "table", "incident", "a")
                .build());

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.json()).isNull();
    assertThat(response.bodyValue()).isNull();
  }

  @Test
  void missingAuthenticationFieldsAreInputErrorsAndNothingIsSent() {
    assertThatThrownBy(
            () -> client.execute(connection, new BasicAuthentication("u", " "), readIncident("a")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Password");
    assertThatThrownBy(() -> client.execute(connection, null, readIncident("a")))
        .isInstanceOf(ConnectorInputException.class);
    assertThatThrownBy(
            () ->
                client.execute(
                    new ServiceNowConnection("a.b", null, null), BASIC, readIncident("a")))
        .isInstanceOf(ConnectorInputException.class);
    assertThatThrownBy(
            () ->
                client.execute(
                    new ServiceNowConnection(null, sn.baseUrl(), 0), BASIC, readIncident("a")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("timeout");
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void reusesPooledConnections() {
    sn.stubFor(
        get(urlPathMatching("/api/now/table/incident/.*")).willReturn(okJson("{\"result\":{}}")));
    for (int i = 0; i < 20; i++) {
      client.execute(connection, BASIC, readIncident("a" + i));
    }
    // keep-alive: WireMock sees every request, the pool leased none afterwards (all returned)
    sn.verify(20, getRequestedFor(anyUrl()));
    assertThat(client.leasedConnections()).isZero();
  }
}
