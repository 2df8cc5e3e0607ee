package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.BearerTokenAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthPasswordAuthentication;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every kind of call and failure with known secret values, then looks for those values in
 * exception messages and causes, error variables, results, toString() and the captured log (our
 * loggers at TRACE, HttpClient at DEBUG).
 */
class SecretsNeverLeakTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PASSWORD = "pw-SECRET-1111";
  private static final String CLIENT_SECRET = "cs-SECRET-2222";
  private static final String TOKEN = "tok-SECRET-3333";
  private static final String REFRESH = "rt-SECRET-4444";
  private static final String API_KEY = "key-SECRET-5555";
  private static final String BEARER = "bearer-SECRET-6666";
  private static final List<String> SECRETS =
      List.of(PASSWORD, CLIENT_SECRET, TOKEN, REFRESH, API_KEY, BEARER);

  private final List<Object> seen = new ArrayList<>();

  @Test
  void noSecretAppearsAnywhere() throws Exception {
    List<ServiceNowAuthentication> auths =
        List.of(
            new BasicAuthentication("admin", PASSWORD),
            new OAuthClientCredentialsAuthentication("cid", CLIENT_SECRET, null, null),
            new OAuthPasswordAuthentication("cid", CLIENT_SECRET, "admin", PASSWORD, null),
            new BearerTokenAuthentication(BEARER),
            new ApiKeyAuthentication(API_KEY));
    sn.stubFor(
        post("/oauth_token.do")
            .willReturn(
                okJson(
                    "{\"access_token\":\""
                        + TOKEN
                        + "\",\"refresh_token\":\""
                        + REFRESH
                        + "\",\"expires_in\":1799}")));
    sn.stubFor(
        get("/api/now/table/incident/ok").willReturn(okJson("{\"result\":{\"sys_id\":\"ok\"}}")));
    sn.stubFor(
        get("/api/now/table/incident/denied")
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to"
                        + " provide Auth information\"},\"status\":\"failure\"}",
                    401)));
    sn.stubFor(
        get("/api/now/table/incident/limited")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7200")));
    sn.stubFor(
        get("/api/now/table/incident/reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    sn.stubFor(
        get("/api/now/table/incident/html")
            .willReturn(ok("<html>sleeping</html>").withHeader("Content-Type", "text/html")));
    sn.stubFor(
        post("/api/now/table/incident").willReturn(aResponse().withStatus(500).withBody("boom")));

    try (ServiceNowClient client =
        new ServiceNowClient(ClientSettings.defaults(), new TestClock(), new RecordingSleeper())) {
      ServiceNowConnection connection = ServiceNowConnection.baseUrl(sn.baseUrl());
      for (ServiceNowAuthentication auth : auths) {
        seen.add(auth.toString());
        for (String sysId : List.of("ok", "denied", "limited", "reset", "html")) {
          call(
              () ->
                  client.execute(
                      connection,
                      auth,
                      ServiceNowRequest.builder(
                              HttpMethod.GET, "api", "now", "table", "incident", sysId)
                          .build()));
        }
        call(
            () ->
                client.execute(
                    connection,
                    auth,
                    ServiceNowRequest.builder(HttpMethod.POST, "api", "now", "table", "incident")
                        .body(JsonNodeFactory.instance.objectNode().put("short_description", "x"))
                        .build()));
      }
      sn.stubFor(
          post("/oauth_token.do")
              .willReturn(
                  jsonResponse(
                      "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}",
                      401)));
      call(
          () ->
              client.execute(
                  connection,
                  new OAuthClientCredentialsAuthentication("other", CLIENT_SECRET, null, null),
                  ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "ok")
                      .build()));
    }

    assertThat(seen).hasSizeGreaterThan(30);
    String everything =
        String.join("\n", seen.stream().map(String::valueOf).toList())
            + Files.readString(Path.of("target", "unit-tests.log"));
    assertThat(everything)
        .contains("User Not Authenticated"); // the log and errors were really captured
    for (String secret : SECRETS) {
      assertThat(everything).as("secret %s", secret).doesNotContain(secret);
    }
  }

  private void call(java.util.concurrent.Callable<ServiceNowResponse> call) {
    try {
      ServiceNowResponse response = call.call();
      seen.add(response);
      seen.add(response.bodyValue());
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.add(t.toString());
        for (Throwable suppressed : t.getSuppressed()) {
          seen.add(suppressed.toString());
        }
      }
      if (e instanceof io.camunda.connector.api.error.ConnectorException ce) {
        seen.add(ce.getErrorVariables());
        seen.add(ce.getErrorCode());
      }
    }
  }
}
