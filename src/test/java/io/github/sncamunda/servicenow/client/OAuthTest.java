package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthPasswordAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTest {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN_PATH = "/oauth_token.do";
  private static final String API = "/api/now/table/incident/abc";
  private static final OAuthClientCredentialsAuthentication CLIENT_CREDENTIALS =
      new OAuthClientCredentialsAuthentication("client-1", "client-secret-XYZ", null, null);

  private final TestClock clock = new TestClock();
  private ServiceNowClient client;
  private ServiceNowConnection connection;

  @BeforeEach
  void setUp() {
    client = new ServiceNowClient(ClientSettings.defaults(), clock, new RecordingSleeper());
    connection = ServiceNowConnection.baseUrl(sn.baseUrl());
    sn.stubFor(
        get(API)
            .withHeader("Authorization", equalTo("Bearer t1"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
    sn.stubFor(
        get(API)
            .withHeader("Authorization", equalTo("Bearer t2"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
  }

  private static String token(String value, String refresh, int expiresIn) {
    return "{\"access_token\":\""
        + value
        + "\","
        + (refresh == null ? "" : "\"refresh_token\":\"" + refresh + "\",")
        + "\"scope\":\"useraccount\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn
        + "}";
  }

  private ServiceNowResponse read(Object auth) {
    return client.execute(
        connection,
        (io.github.sncamunda.servicenow.auth.ServiceNowAuthentication) auth,
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
            .build());
  }

  @Test
  void fiftyCallsNeedExactlyOneTokenRequest() {
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t1", null, 1799))));

    for (int i = 0; i < 50; i++) {
      read(CLIENT_CREDENTIALS);
    }

    sn.verify(
        1,
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .withFormParam("client_id", equalTo("client-1"))
            .withFormParam("client_secret", equalTo("client-secret-XYZ")));
    sn.verify(
        50, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t1")));
  }

  @Test
  void tokenIsRenewedWithTheRefreshTokenSixtySecondsBeforeExpiry() {
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("grant_type", equalTo("client_credentials"))
            .willReturn(okJson(token("t1", "r1", 1800))));
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("grant_type", equalTo("refresh_token"))
            .willReturn(okJson(token("t2", "r2", 1800))));

    read(CLIENT_CREDENTIALS);
    clock.advance(Duration.ofSeconds(1739));
    read(CLIENT_CREDENTIALS);
    sn.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

    clock.advance(Duration.ofSeconds(2)); // now inside the 60 s margin
    read(CLIENT_CREDENTIALS);

    sn.verify(
        1,
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("r1"))
            .withFormParam("client_id", equalTo("client-1"))
            .withFormParam("client_secret", equalTo("client-secret-XYZ")));
    sn.verify(
        1, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void aRefusedRefreshTokenFallsBackToTheGrant() {
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("grant_type", equalTo("client_credentials"))
            .inScenario("g")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(token("t1", "r1", 1800)))
            .willSetStateTo("later"));
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("grant_type", equalTo("client_credentials"))
            .inScenario("g")
            .whenScenarioStateIs("later")
            .willReturn(okJson(token("t2", null, 1800))));
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("grant_type", equalTo("refresh_token"))
            .willReturn(
                jsonResponse(
                    "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}", 401)));

    read(CLIENT_CREDENTIALS);
    clock.advance(Duration.ofSeconds(1800));
    read(CLIENT_CREDENTIALS);

    sn.verify(
        1, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t2")));
    sn.verify(3, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aRevokedTokenIsRenewedOnceAndTheCallResent() {
    sn.stubFor(
        post(TOKEN_PATH)
            .inScenario("t")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(token("t0", null, 1800)))
            .willSetStateTo("renewed"));
    sn.stubFor(
        post(TOKEN_PATH)
            .inScenario("t")
            .whenScenarioStateIs("renewed")
            .willReturn(okJson(token("t1", null, 1800))));
    sn.stubFor(
        get(API)
            .withHeader("Authorization", equalTo("Bearer t0"))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to"
                        + " provide Auth information\"},\"status\":\"failure\"}",
                    401)));

    assertThat(read(CLIENT_CREDENTIALS).status()).isEqualTo(200);
    read(CLIENT_CREDENTIALS);

    sn.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    sn.verify(
        1, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t0")));
    sn.verify(
        2, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t1")));
  }

  @Test
  void a401WithAFreshTokenIsReportedNotLooped() {
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("bad", null, 1800))));
    sn.stubFor(
        get(API)
            .withHeader("Authorization", equalTo("Bearer bad"))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"User Not"
                        + " Authenticated\",\"detail\":null},\"status\":\"failure\"}",
                    401)));

    assertThatThrownBy(() -> read(CLIENT_CREDENTIALS))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("401"));
    sn.verify(2, getRequestedFor(urlEqualTo(API)));
    sn.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aTokenEndpointThatEchoesTheFormNeverPutsItIntoTheErrorOrItsVariables() {
    // a gateway or identity provider in front of the token URL answering with the request's form
    sn.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/plain")
                    .withBody(
                        "bad request: grant_type=client_credentials&client_id=client-1"
                            + "&client_secret=client-secret-XYZ")));

    assertThatThrownBy(() -> read(CLIENT_CREDENTIALS))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.AUTHENTICATION_FAILED);
              assertThat(e.getMessage()).contains("400").doesNotContain("client-secret-XYZ");
              assertThat(String.valueOf(e.getErrorVariables())).doesNotContain("client-secret-XYZ");
            });
  }

  @Test
  void aRefusedGrantSaysWhichGrantAndTokenUrlFailedAndWhatToCheck() {
    sn.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                jsonResponse(
                    "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}", 401)));

    assertThatThrownBy(() -> read(CLIENT_CREDENTIALS))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains(
                      "client_credentials",
                      sn.baseUrl() + TOKEN_PATH,
                      "401",
                      "access_denied",
                      "glide.oauth.inbound.client.credential.grant_type.enabled")
                  .doesNotContain("client-secret-XYZ");
            });
    sn.verify(0, getRequestedFor(urlEqualTo(API)));
  }

  @Test
  void passwordGrantSendsUserCredentialsToAnExplicitTokenUrl() {
    sn.stubFor(post("/custom/token").willReturn(okJson(token("t1", "r1", 1800))));
    var auth =
        new OAuthPasswordAuthentication(
            "cid", "csecret", "svc.user", "pw d&=", sn.baseUrl() + "/custom/token");

    read(auth);
    read(auth);

    sn.verify(
        1,
        postRequestedFor(urlEqualTo("/custom/token"))
            .withFormParam("grant_type", equalTo("password"))
            .withFormParam("username", equalTo("svc.user"))
            .withFormParam("password", equalTo("pw d&="))
            .withFormParam("client_id", equalTo("cid")));
  }

  @Test
  void differentCredentialsNeverShareAToken() {
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("client_secret", equalTo("client-secret-XYZ"))
            .willReturn(okJson(token("t1", null, 1800))));
    sn.stubFor(
        post(TOKEN_PATH)
            .withFormParam("client_secret", equalTo("rotated"))
            .willReturn(okJson(token("t2", null, 1800))));

    read(CLIENT_CREDENTIALS);
    read(new OAuthClientCredentialsAuthentication("client-1", "rotated", null, null));

    sn.verify(
        1, getRequestedFor(urlEqualTo(API)).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void unsafeTokenUrlIsAnInputError() {
    assertThatThrownBy(
            () ->
                read(
                    new OAuthClientCredentialsAuthentication(
                        "c", "s", "http://evil.example/token", null)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Token URL");
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void tokenEndpointDownIsAConnectionFailureNamingTheTokenRequest() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var auth =
        new OAuthClientCredentialsAuthentication(
            "c", "s", "http://127.0.0.1:" + closedPort + "/oauth_token.do", null);

    assertThatThrownBy(() -> read(auth))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getMessage()).contains("OAuth client_credentials token request");
            });
    sn.verify(0, getRequestedFor(urlEqualTo(API)));
  }

  @Test
  void callersWaitingForAFailedTokenRequestShareItsFailureInsteadOfAskingOneByOne()
      throws Exception {
    sn.stubFor(
        post(TOKEN_PATH)
            .willReturn(jsonResponse("{\"error\":\"server_error\"}", 500).withFixedDelay(500)));
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Throwable>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    read(CLIENT_CREDENTIALS);
                    return null;
                  } catch (ConnectorException e) {
                    return e;
                  }
                }));
      }
      start.countDown();
      for (Future<Throwable> result : results) {
        assertThat(result.get())
            .isInstanceOfSatisfying(
                ConnectorException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.AUTHENTICATION_FAILED));
      }
    } finally {
      pool.shutdownNow();
    }
    // all eight queued behind the first request (500 ms); without sharing it would be eight
    sn.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    sn.verify(0, getRequestedFor(urlEqualTo(API)));

    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t1", null, 1800))));
    assertThat(read(CLIENT_CREDENTIALS).status()).isEqualTo(200); // a later call asks again
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t1", null, 1800)).withFixedDelay(300)));
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ServiceNowResponse>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                (Callable<ServiceNowResponse>)
                    () -> {
                      start.await();
                      return read(CLIENT_CREDENTIALS);
                    }));
      }
      start.countDown();
      for (Future<ServiceNowResponse> result : results) {
        assertThat(result.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    sn.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    sn.verify(callers, getRequestedFor(urlEqualTo(API)));
  }

  @Test
  void aShortLivedTokenIsUsedForMostOfItsLifeNotRenewedOnEveryCall() {
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t1", null, 5))));
    for (int i = 0; i < 9; i++) {
      read(CLIENT_CREDENTIALS);
      clock.advance(Duration.ofMillis(500)); // 0 .. 4.0 s: within 90 % of the 5 s lifetime
    }
    sn.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

    clock.advance(Duration.ofMillis(600)); // 4.6 s: inside the last tenth, renew
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t2", null, 5))));
    read(CLIENT_CREDENTIALS);
    sn.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aNormalTokenIsRenewedSixtySecondsBeforeItExpires() {
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t1", null, 1800))));
    read(CLIENT_CREDENTIALS);
    clock.advance(Duration.ofSeconds(1739));
    read(CLIENT_CREDENTIALS);
    sn.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

    clock.advance(Duration.ofSeconds(2)); // 1741 s: within the last 60 s
    sn.stubFor(post(TOKEN_PATH).willReturn(okJson(token("t2", null, 1800))));
    read(CLIENT_CREDENTIALS);
    sn.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }
}
