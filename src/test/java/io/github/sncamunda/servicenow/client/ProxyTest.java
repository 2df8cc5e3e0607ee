package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.network.ConnectProxy;
import io.github.sncamunda.servicenow.network.HttpsServers;
import io.github.sncamunda.servicenow.network.TestPki;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls through a real forward proxy in this JVM ({@link ConnectProxy}): HTTPS through CONNECT
 * tunnels with Basic proxy authentication answered to the proxy's 407 challenge, token requests
 * through the same proxy, the non-proxy list, and the proxy's refusals as their own error codes.
 * ServiceNow is WireMock over TLS with a certificate from a test CA the connection trusts.
 */
class ProxyTest {

  private static final String PROXY_USER = "camunda-runtime";
  private static final String PROXY_PASSWORD = "proxy+SECRET/7777=";
  private static final String API = "/api/now/table/incident/abc";

  @TempDir static Path dir;
  private static TestPki.Ca ca;
  private static WireMockServer sn;

  private ConnectProxy proxy;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private ServiceNowClient client;

  @BeforeAll
  static void startServiceNow() {
    ca = TestPki.ca("proxy-test CA");
    sn = HttpsServers.start(dir, "sn", ca.server("localhost", "127.0.0.1"), new X509Certificate[0]);
  }

  @AfterAll
  static void stopServiceNow() {
    sn.stop();
  }

  @BeforeEach
  void startProxy() {
    sn.resetAll();
    sn.stubFor(get(API).willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
    sn.stubFor(
        post("/oauth_token.do")
            .withFormParam("client_secret", equalTo("cs-1"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":1799}")));
    proxy = ConnectProxy.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    proxy.close();
  }

  private ServiceNowClient client(ProxySettings settings) {
    client =
        new ServiceNowClient(
            ClientSettings.defaults().withProxy(settings), java.time.Clock.systemUTC(), sleeper);
    return client;
  }

  private ProxySettings httpsProxy(String user, String password, String... nonProxyHosts) {
    return new ProxySettings(
        new ProxySettings.Proxy("http", "127.0.0.1", proxy.port(), user, password),
        null,
        List.of(nonProxyHosts));
  }

  private static ServiceNowConnection https(String host) {
    return ServiceNowConnection.baseUrl("https://" + host + ":" + sn.httpsPort())
        .withCaCertificates(ca.pem());
  }

  private static ServiceNowRequest read() {
    return ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
        .build();
  }

  @Test
  void callsAndTokenRequestsGoThroughAuthenticatedTunnels() {
    proxy.requireBasic(PROXY_USER, PROXY_PASSWORD);
    ServiceNowClient client = client(httpsProxy(PROXY_USER, PROXY_PASSWORD));
    // the token URL names the same server by another host, so its tunnel shows on its own
    ServiceNowAuthentication oauth =
        new OAuthClientCredentialsAuthentication(
            "cid", "cs-1", "https://127.0.0.1:" + sn.httpsPort() + "/oauth_token.do", null);

    for (int i = 0; i < 5; i++) {
      assertThat(client.execute(https("localhost"), oauth, read()).status()).isEqualTo(200);
    }

    int port = sn.httpsPort();
    assertThat(proxy.targets()).containsExactly("127.0.0.1:" + port, "localhost:" + port);
    assertThat(proxy.tunnels()).as("one tunnel per route, reused by the pool").isEqualTo(2);
    assertThat(proxy.challenged())
        .as("each tunnel answered the proxy's 407 challenge")
        .isEqualTo(2);
    assertThat(proxy.refusedCredentials()).isZero();
    sn.verify(1, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
    sn.verify(
        5,
        getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer at-1")));
    assertThat(client.leasedConnections()).isZero();
  }

  @Test
  void nonProxyHostsAreReachedDirectly() {
    ServiceNowClient client = client(httpsProxy(null, null, "*.example.com", "LOCALHOST"));
    BasicAuthentication basic = new BasicAuthentication("u", "p");

    client.execute(https("localhost"), basic, read());
    client.execute(https("localhost"), basic, read());
    assertThat(proxy.tunnels()).isZero();

    client.execute(https("127.0.0.1"), basic, read());
    assertThat(proxy.tunnels()).as("127.0.0.1 is not on the list").isEqualTo(1);
    sn.verify(3, getRequestedFor(urlPathEqualTo(API)));
  }

  @Test
  void aProxyWantingCredentialsIsAClearErrorAndNothingIsSent() {
    proxy.requireBasic(PROXY_USER, PROXY_PASSWORD);
    ServiceNowClient client = client(httpsProxy(null, null));

    assertThatThrownBy(
            () -> client.execute(https("localhost"), new BasicAuthentication("u", "p"), read()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.PROXY_AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains(
                      "http://127.0.0.1:" + proxy.port(), "407", "CONNECTOR_HTTPS_PROXY_USER");
            });
    sn.verify(0, anyRequestedFor(anyUrl()));
    assertThat(sleeper.pauses).as("credentials do not heal within a call").isEmpty();
    assertThat(client.leasedConnections()).isZero();
  }

  @Test
  void aWrongProxyPasswordIsAClearErrorAndAppearsInNoLogAtTrace() {
    String wrong = "wrong+SECRET/8888=";
    proxy.requireBasic(PROXY_USER, PROXY_PASSWORD);
    SecretScan scan = new SecretScan().basic(PROXY_USER, wrong).basic(PROXY_USER, PROXY_PASSWORD);
    String log;
    try (LogCapture capture = new LogCapture()) {
      ServiceNowClient failing = client(httpsProxy(PROXY_USER, wrong));
      try {
        failing.execute(https("localhost"), new BasicAuthentication("u", "p"), read());
      } catch (ConnectorException e) {
        scan.see(e);
        assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.PROXY_AUTHENTICATION_FAILED);
      }
      scan.see(failing.settings());
      ServiceNowClient working;
      try {
        failing.close();
        working = client(httpsProxy(PROXY_USER, PROXY_PASSWORD));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      scan.see(working.execute(https("localhost"), new BasicAuthentication("u", "p"), read()));
      scan.see(working.settings());
      log = capture.text();
      assertThat(capture.countFrom("org.apache.hc.client5")).isGreaterThan(0);
    }
    assertThat(proxy.refusedCredentials()).isEqualTo(1);
    assertThat(proxy.tunnels()).isEqualTo(1);
    assertThat(scan.seenText()).contains("[REDACTED]");
    assertThat(scan.findings(log)).as("proxy credentials in the log").isEmpty();
    assertThat(scan.findings(scan.seenText())).as("in errors and settings").isEmpty();
  }

  @Test
  void aRefusedTunnelIsProxyRefusedNotServiceNowsAnswer() {
    proxy.refuseWith(502);
    ServiceNowClient client = client(httpsProxy(null, null));

    assertThatThrownBy(
            () -> client.execute(https("localhost"), new BasicAuthentication("u", "p"), read()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.PROXY_REFUSED);
              assertThat(e.getMessage())
                  .contains("answered 502", "tunnel to localhost:" + sn.httpsPort())
                  .contains("CONNECTOR_HTTP_NON_PROXY_HOSTS");
            });
    sn.verify(0, anyRequestedFor(anyUrl()));
    assertThat(sleeper.pauses).as("nothing reached ServiceNow: sent again").hasSize(3);
    assertThat(client.leasedConnections()).isZero();
  }

  @Test
  void plainHttpToLoopbackUsesTheHttpProxyWithItsOwnCredentials() {
    proxy.requireBasic(PROXY_USER, PROXY_PASSWORD);
    ServiceNowClient client =
        client(
            new ProxySettings(
                null,
                new ProxySettings.Proxy(
                    "http", "127.0.0.1", proxy.port(), PROXY_USER, PROXY_PASSWORD),
                List.of()));

    ServiceNowResponse response =
        client.execute(
            ServiceNowConnection.baseUrl("http://localhost:" + sn.port()),
            new BasicAuthentication("u", "p"),
            read());

    assertThat(response.status()).isEqualTo(200);
    assertThat(proxy.forwarded()).isEqualTo(1);
    assertThat(proxy.targets()).containsExactly("localhost:" + sn.port());
    assertThat(proxy.challenged()).isEqualTo(1);
  }

  @Test
  void aPlainHttpProxyRefusingCredentialsIsProxyAuthenticationFailed() {
    proxy.requireBasic(PROXY_USER, PROXY_PASSWORD);
    ServiceNowClient client =
        client(
            new ProxySettings(
                null,
                new ProxySettings.Proxy("http", "127.0.0.1", proxy.port(), null, null),
                List.of()));

    assertThatThrownBy(
            () ->
                client.execute(
                    ServiceNowConnection.baseUrl("http://localhost:" + sn.port()),
                    new BasicAuthentication("u", "p"),
                    read()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.PROXY_AUTHENTICATION_FAILED));
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aProxySpokenToOverTlsTunnelsTlsInsideTls() throws Exception {
    try (ConnectProxy tlsProxy =
        ConnectProxy.startTls(ca.server("localhost", "127.0.0.1").serverContext())
            .requireBasic(PROXY_USER, PROXY_PASSWORD)) {
      ServiceNowClient client =
          client(
              new ProxySettings(
                  new ProxySettings.Proxy(
                      "https", "localhost", tlsProxy.port(), PROXY_USER, PROXY_PASSWORD),
                  null,
                  List.of()));

      // the connection's CA bundle is trusted for the proxy's certificate too
      assertThat(
              client
                  .execute(https("localhost"), new BasicAuthentication("u", "p"), read())
                  .status())
          .isEqualTo(200);
      assertThat(tlsProxy.tunnels()).isEqualTo(1);
    }
  }

  @Test
  void anUnreachableProxyIsConnectionFailedNamingTheProxy() throws Exception {
    int closed;
    try (ServerSocket free = new ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    ServiceNowClient client =
        client(
            new ProxySettings(
                new ProxySettings.Proxy("http", "127.0.0.1", closed, null, null), null, List.of()));

    assertThatThrownBy(
            () -> client.execute(https("localhost"), new BasicAuthentication("u", "p"), read()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getMessage()).contains("through the proxy http://127.0.0.1:" + closed);
            });
  }
}
