package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.ClientCertificateAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Pem;
import io.github.sncamunda.servicenow.network.HttpsServers;
import io.github.sncamunda.servicenow.network.TestPki;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS against WireMock over real TLS with {@code needClientAuth}: it trusts client
 * certificates issued by one CA. The right certificate (PEM or PKCS#12) gets through, for calls and
 * token requests alike; a certificate from another CA, none, or an expired one fails with {@code
 * TLS_FAILED} saying what to check; unreadable or mismatched material is an input error that quotes
 * none of it.
 */
class MutualTlsTest {

  private static final String API = "/api/now/table/incident/abc";

  @TempDir static Path dir;
  private static TestPki.Ca serverCa;
  private static TestPki.Ca clientCa;
  private static TestPki.Issued client;
  private static WireMockServer sn;

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private ServiceNowClient snClient;

  @BeforeAll
  static void start() {
    serverCa = TestPki.ca("server CA");
    clientCa = TestPki.ca("client CA");
    client = clientCa.client("camunda-integration");
    sn =
        HttpsServers.start(
            dir,
            "mtls",
            serverCa.server("localhost"),
            new X509Certificate[] {clientCa.certificate()});
  }

  @AfterAll
  static void stop() {
    sn.stop();
  }

  @BeforeEach
  void stubs() {
    sn.resetAll();
    sn.stubFor(get(API).willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
    sn.stubFor(
        post("/oauth_token.do")
            .willReturn(
                okJson(
                    "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":1799}")));
    snClient =
        new ServiceNowClient(ClientSettings.defaults(), java.time.Clock.systemUTC(), sleeper);
  }

  @AfterEach
  void close() throws Exception {
    snClient.close();
  }

  private static ServiceNowConnection mtls() {
    return ServiceNowConnection.baseUrl("https://localhost:" + sn.httpsPort())
        .withCaCertificates(serverCa.pem());
  }

  private ServiceNowResponse read(ServiceNowConnection connection) {
    return snClient.execute(
        connection,
        new BasicAuthentication("u", "p"),
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
            .build());
  }

  @Test
  void theRightPemCertificateGetsThrough() {
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), client.privateKeyPem());

    for (int i = 0; i < 3; i++) {
      assertThat(read(connection).status()).isEqualTo(200);
    }

    sn.verify(3, getRequestedFor(urlPathEqualTo(API)));
    assertThat(snClient.tlsIdentities()).as("one pool for this identity, reused").isEqualTo(1);
    assertThat(snClient.leasedConnections()).isZero();
  }

  @Test
  void theRightPkcs12KeystoreGetsThrough() {
    ServiceNowConnection connection =
        mtls().withClientKeystore(client.pkcs12Base64("p12+SECRET/pw"), "p12+SECRET/pw");

    assertThat(read(connection).status()).isEqualTo(200);
  }

  @Test
  void anEcKeyWorksToo() {
    TestPki.Issued ec = clientCa.client("camunda-ec", TestPki.ec());
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(ec.certificatePem(), ec.privateKeyPem());

    assertThat(read(connection).status()).isEqualTo(200);
  }

  @Test
  void tokenRequestsPresentTheCertificateToo() {
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), client.privateKeyPem());

    ServiceNowResponse response =
        snClient.execute(
            connection,
            new OAuthClientCredentialsAuthentication("cid", "cs", null, null),
            ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
                .build());

    assertThat(response.status()).isEqualTo(200);
    sn.verify(1, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
    sn.verify(
        getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", equalTo("Bearer at-1")));
  }

  @Test
  void clientCertificateOnlySendsNoOtherCredential() {
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), client.privateKeyPem());

    ServiceNowResponse response =
        snClient.execute(
            connection,
            new ClientCertificateAuthentication(),
            ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
                .build());

    assertThat(response.status()).isEqualTo(200);
    sn.verify(getRequestedFor(urlPathEqualTo(API)).withHeader("Authorization", absent()));
  }

  @Test
  void clientCertificateOnlyWithoutACertificateIsAnInputError() {
    assertThatThrownBy(
            () ->
                snClient.execute(
                    mtls(),
                    new ClientCertificateAuthentication(),
                    ServiceNowRequest.builder(
                            HttpMethod.GET, "api", "now", "table", "incident", "a")
                        .build()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("needs a client certificate in the connection settings");
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedWithAClearError() {
    TestPki.Issued stranger = TestPki.ca("other CA").client("camunda-integration");
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(stranger.certificatePem(), stranger.privateKeyPem());

    assertThatThrownBy(() -> read(connection))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
              assertThat(e.getMessage())
                  .contains("TLS handshake with https://localhost:" + sn.httpsPort())
                  .contains("client certificate");
            });
    sn.verify(0, anyRequestedFor(anyUrl()));
    assertThat(sleeper.pauses).as("a refused certificate is not sent again").isEmpty();
    assertThat(snClient.leasedConnections()).isZero();
  }

  @Test
  void noCertificateIsRefusedWithAClearError() {
    assertThatThrownBy(() -> read(mtls()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
              assertThat(e.getMessage()).contains("client certificate");
            });
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anExpiredCertificateFailsBeforeAnythingIsSent() {
    TestPki.Issued expired = clientCa.expiredClient("camunda-old");
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(expired.certificatePem(), expired.privateKeyPem());

    assertThatThrownBy(() -> read(connection))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
              assertThat(e.getMessage()).contains("CN=camunda-old", "expired on", "renew");
            });
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aKeyOfAnotherCertificateIsAnInputError() {
    TestPki.Issued other = clientCa.client("someone-else");
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), other.privateKeyPem());

    assertThatThrownBy(() -> read(connection))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("does not belong to the client certificate")
        .hasMessageNotContaining(body(other.privateKeyPem()));
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void unreadableMaterialIsAnInputErrorThatQuotesNoneOfIt() {
    String pkcs1 = TestPki.pkcs1(client.keys().getPrivate());
    assertThatThrownBy(() -> read(mtls().withClientCertificatePem(client.certificatePem(), pkcs1)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining(Pem.CONVERT_TO_PKCS8)
        .hasMessageNotContaining(body(pkcs1));

    String garbage =
        "-----BEGIN PRIVATE KEY-----\nAAAASECRETKEYMATERIALzzzz\n-----END PRIVATE KEY-----";
    assertThatThrownBy(
            () -> read(mtls().withClientCertificatePem(client.certificatePem(), garbage)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Client private key")
        .hasMessageNotContaining("SECRETKEYMATERIAL");

    assertThatThrownBy(
            () ->
                read(mtls().withClientCertificatePem("not a certificate", client.privateKeyPem())))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Client certificate is not PEM");

    ServiceNowConnection both =
        new ServiceNowConnection(
            null,
            "https://localhost:" + sn.httpsPort(),
            null,
            client.certificatePem(),
            client.privateKeyPem(),
            client.pkcs12Base64("pw"),
            "pw",
            null);
    assertThatThrownBy(() -> read(both))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("not both");
    assertThat(both.toString()).doesNotContain(body(client.privateKeyPem()));

    String keystore = client.pkcs12Base64("right+SECRET");
    assertThatThrownBy(() -> read(mtls().withClientKeystore(keystore, "wrong+SECRET")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("SECRET");
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aKeyWithItsLineBreaksWrittenAsBackslashNStillReads() {
    String oneLine = client.privateKeyPem().replace("\n", "\\n");
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), oneLine);

    assertThat(read(connection).status()).isEqualTo(200);
  }

  @Test
  void theConnectionPrintsNoKeyMaterial() {
    ServiceNowConnection connection =
        mtls().withClientCertificatePem(client.certificatePem(), client.privateKeyPem());
    String keystore = client.pkcs12Base64("pw+SECRET");

    assertThat(connection.toString())
        .contains("clientCertificate=pem [REDACTED]")
        .doesNotContain(body(client.privateKeyPem()));
    assertThat(mtls().withClientKeystore(keystore, "pw+SECRET").toString())
        .doesNotContain("pw+SECRET")
        .doesNotContain(keystore.substring(0, 40));
  }

  @Test
  void aServerThatAsksForACertificateThenDropsTheConnectionRefusedIt() throws Exception {
    // like a load balancer that checks the certificate and resets the connection, without an alert
    TestPki.Issued server = serverCa.server("localhost");
    javax.net.ssl.KeyManagerFactory keys =
        javax.net.ssl.KeyManagerFactory.getInstance(
            javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(server.keyStore(dir, "dropping"))) {
      store.load(in, TestPki.STORE_PASSWORD.toCharArray());
    }
    keys.init(store, TestPki.STORE_PASSWORD.toCharArray());
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(
        keys.getKeyManagers(), new javax.net.ssl.TrustManager[] {new AcceptAnyClient()}, null);
    try (javax.net.ssl.SSLServerSocket listener =
        (javax.net.ssl.SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      listener.setWantClientAuth(true);
      Thread dropper =
          new Thread(
              () -> {
                try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) listener.accept()) {
                  socket.startHandshake();
                  socket.setSoLinger(true, 0);
                } catch (java.io.IOException ignored) {
                  // the client may see the reset first
                }
              });
      dropper.start();
      ServiceNowConnection connection =
          ServiceNowConnection.baseUrl("https://localhost:" + listener.getLocalPort())
              .withCaCertificates(serverCa.pem())
              .withClientCertificatePem(client.certificatePem(), client.privateKeyPem());

      assertThatThrownBy(() -> read(connection))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
                assertThat(e.getMessage())
                    .contains(
                        "asked for a client certificate", "did not accept the client certificate");
              });
      dropper.join(5000);
    }
    assertThat(sleeper.pauses).as("not mistaken for a broken connection and sent again").isEmpty();
  }

  /** The test server above lets any client certificate through the handshake. */
  private static final class AcceptAnyClient implements javax.net.ssl.X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("server side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  @Test
  void noKeyMaterialOrKeystorePasswordInAnyLogAtTrace() {
    String password = "p12+SECRET/pw=";
    String keystore = client.pkcs12Base64(password);
    TestPki.Issued stranger = TestPki.ca("stranger CA").client("camunda-integration");
    SecretScan scan = new SecretScan().secret(password).secret("wrong+SECRET/pw");
    for (String pem : new String[] {client.privateKeyPem(), stranger.privateKeyPem()}) {
      for (String line : pem.split("\n")) {
        if (!line.startsWith("-----")) {
          scan.secret(line);
        }
      }
    }
    for (int i = 0; i + 64 <= keystore.length(); i += 64) {
      scan.secret(keystore.substring(i, i + 64));
    }
    ServiceNowConnection[] connections = {
      mtls().withClientCertificatePem(client.certificatePem(), client.privateKeyPem()),
      mtls().withClientKeystore(keystore, password),
      mtls().withClientKeystore(keystore, "wrong+SECRET/pw"),
      mtls().withClientCertificatePem(stranger.certificatePem(), stranger.privateKeyPem()),
      mtls().withClientCertificatePem(client.certificatePem(), stranger.privateKeyPem())
    };
    String log;
    try (LogCapture capture = new LogCapture()) {
      for (ServiceNowConnection connection : connections) {
        scan.see(connection);
        try {
          scan.see(read(connection));
        } catch (RuntimeException e) {
          scan.see(e);
        }
      }
      log = capture.text();
      assertThat(capture.countFrom(ExchangeLog.NAME)).isGreaterThan(2);
    }
    assertThat(scan.seenText()).contains("TLS_FAILED", "does not belong", "password is wrong");
    assertThat(scan.findings(log)).as("in the log").isEmpty();
    assertThat(scan.findings(scan.seenText())).as("in results, errors and toString()").isEmpty();
  }

  /** A line from the middle of a PEM block: what a leak of it would contain. */
  static String body(String pem) {
    String[] lines = pem.split("\n");
    return lines[lines.length / 2];
  }
}
