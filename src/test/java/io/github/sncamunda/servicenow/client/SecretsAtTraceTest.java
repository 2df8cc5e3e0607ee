package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.BearerTokenAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthPasswordAuthentication;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every auth type and its failures with the most talkative logging a user could configure (every
 * logger at TRACE, HttpClient's header and wire loggers included), then a scan for the known
 * secrets, {@code base64(user:password)} and their URL-encoded forms in every log event, exception,
 * cause, error variable and result. The second test proves the scan would catch a leak: with
 * HttpClient's own (logging) connections instead of ours, it finds the credentials.
 */
class SecretsAtTraceTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // '+', '/' and '=' make the URL-encoded and Base64 forms differ from the plain values
  private static final String USER = "integration.user";
  private static final String PASSWORD = "pw+SECRET/1111=";
  private static final String WRONG_PASSWORD = "wrong+SECRET/2222=";
  private static final String CLIENT_SECRET = "cs+SECRET/3333=";
  private static final String WRONG_CLIENT_SECRET = "wcs+SECRET/4444=";
  private static final String FIRST_TOKEN = "at1-SECRET-5555";
  private static final String RENEWED_TOKEN = "at2-SECRET-6666";
  private static final String PASSWORD_GRANT_TOKEN = "at3-SECRET-7777";
  private static final String REFRESH_TOKEN = "rt1-SECRET-8888";
  private static final String PASSWORD_REFRESH_TOKEN = "rt3-SECRET-9999";
  private static final String BEARER = "bearer+SECRET/aaaa";
  private static final String API_KEY = "key+SECRET/bbbb";

  private final SecretScan scan =
      new SecretScan()
          .basic(USER, PASSWORD)
          .basic(USER, WRONG_PASSWORD)
          .secret(CLIENT_SECRET)
          .secret(WRONG_CLIENT_SECRET)
          .secret(FIRST_TOKEN)
          .secret(RENEWED_TOKEN)
          .secret(PASSWORD_GRANT_TOKEN)
          .secret(REFRESH_TOKEN)
          .secret(PASSWORD_REFRESH_TOKEN)
          .secret(BEARER)
          .secret(API_KEY);

  @BeforeEach
  void stubServiceNow() {
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("client_secret", equalTo(CLIENT_SECRET))
            .willReturn(token(FIRST_TOKEN, REFRESH_TOKEN)));
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
            .willReturn(token(RENEWED_TOKEN, REFRESH_TOKEN)));
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("grant_type", equalTo("password"))
            .withFormParam("password", equalTo(PASSWORD))
            .willReturn(token(PASSWORD_GRANT_TOKEN, PASSWORD_REFRESH_TOKEN)));
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("client_secret", equalTo(WRONG_CLIENT_SECRET))
            .willReturn(
                jsonResponse(
                    "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}", 401)));
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("client_id", equalTo("broken-endpoint"))
            .willReturn(aResponse().withStatus(500).withBody("<html>token endpoint down</html>")));
    sn.stubFor(
        get("/api/now/table/incident/ok")
            .willReturn(okJson("{\"result\":{\"sys_id\":\"ok\",\"number\":\"INC0010001\"}}")));
    // the first client-credentials token is "revoked": the client must renew and resend once
    sn.stubFor(
        get("/api/now/table/incident/ok")
            .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
            .willReturn(unauthorized()));
    sn.stubFor(
        get("/api/now/table/incident/ok")
            .withHeader("Authorization", equalTo(basic(WRONG_PASSWORD)))
            .willReturn(unauthorized()));
    sn.stubFor(
        post("/api/now/table/incident")
            .willReturn(
                jsonResponse(
                    "{\"result\":{\"sys_id\":\"new\",\"short_description\":\"disk full\"}}", 201)));
  }

  @Test
  void noSecretReachesAnyLogAtTrace() throws Exception {
    String log;
    try (LogCapture capture = new LogCapture()) {
      runEveryAuthTypeAndFailure(new HttpTransport(ClientSettings.defaults()));
      log = capture.text();
      // the capture was really at TRACE: our exchange lines with body prefixes, HttpClient's own
      assertThat(capture.countFrom(ExchangeLog.NAME)).isGreaterThan(10);
      assertThat(log).contains("TRACE " + ExchangeLog.NAME, "request body", "disk full");
      assertThat(capture.countFrom("org.apache.hc.client5")).isGreaterThan(0);
      assertThat(log).contains("Authorization=<redacted>", "x-sn-apikey=<redacted>");
    }
    sn.verify(
        postRequestedFor(urlPathEqualTo("/oauth_token.do"))
            .withFormParam(
                "grant_type", equalTo("refresh_token"))); // the refresh and 401 paths really ran
    assertThat(scan.seenCount()).isGreaterThan(20);
    assertThat(scan.findings(log)).as("secrets in the log").isEmpty();
    assertThat(scan.findings(scan.seenText())).as("secrets in results and errors").isEmpty();
  }

  @Test
  void theScanCatchesHttpClientsOwnHeaderAndWireLogging() throws Exception {
    String log;
    try (LogCapture capture = new LogCapture()) {
      runEveryAuthTypeAndFailure(
          new HttpTransport(
              ClientSettings.defaults(), ManagedHttpClientConnectionFactory.INSTANCE));
      log = capture.text();
    }
    assertThat(scan.findings(log))
        .as("what HttpClient's logging connections print")
        .contains(
            basic(PASSWORD).substring("Basic ".length()),
            FIRST_TOKEN,
            API_KEY,
            java.net.URLEncoder.encode(CLIENT_SECRET, java.nio.charset.StandardCharsets.UTF_8));
  }

  private void runEveryAuthTypeAndFailure(HttpTransport transport) throws Exception {
    try (ServiceNowClient client =
        new ServiceNowClient(
            ClientSettings.defaults(), new TestClock(), new RecordingSleeper(), transport)) {
      ServiceNowConnection connection = ServiceNowConnection.baseUrl(sn.baseUrl());
      ServiceNowAuthentication[] working = {
        new BasicAuthentication(USER, PASSWORD),
        new OAuthClientCredentialsAuthentication("cid", CLIENT_SECRET, null, "useraccount"),
        new OAuthPasswordAuthentication("cid", CLIENT_SECRET, USER, PASSWORD, null),
        new BearerTokenAuthentication(BEARER),
        new ApiKeyAuthentication(API_KEY)
      };
      for (ServiceNowAuthentication auth : working) {
        scan.see(auth);
        call(client, connection, auth, read("ok"));
        call(client, connection, auth, create());
      }
      ServiceNowAuthentication[] failing = {
        new BasicAuthentication(USER, WRONG_PASSWORD),
        new OAuthClientCredentialsAuthentication("cid", WRONG_CLIENT_SECRET, null, null),
        new OAuthPasswordAuthentication("cid", WRONG_CLIENT_SECRET, USER, PASSWORD, null),
        new OAuthClientCredentialsAuthentication("broken-endpoint", CLIENT_SECRET, null, null)
      };
      for (ServiceNowAuthentication auth : failing) {
        scan.see(auth);
        call(client, connection, auth, read("ok"));
      }
    }
  }

  private void call(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication auth,
      ServiceNowRequest request) {
    try {
      ServiceNowResponse response = client.execute(connection, auth, request);
      scan.see(response);
      scan.see(response.bodyValue());
    } catch (RuntimeException failure) {
      scan.see(failure);
    }
  }

  private static ServiceNowRequest read(String sysId) {
    return ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", sysId)
        .build();
  }

  private static ServiceNowRequest create() {
    return ServiceNowRequest.builder(HttpMethod.POST, "api", "now", "table", "incident")
        .body(Json.object().put("short_description", "disk full"))
        .build();
  }

  private static String basic(String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (USER + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(
      String access, String refresh) {
    return okJson(
        "{\"access_token\":\""
            + access
            + "\",\"refresh_token\":\""
            + refresh
            + "\",\"token_type\":\"Bearer\",\"expires_in\":1799}");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unauthorized() {
    return jsonResponse(
        "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth"
            + " information\"},\"status\":\"failure\"}",
        401);
  }
}
