package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.network.HttpsServers;
import io.github.sncamunda.servicenow.network.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance behind a private CA: trusted through the connection's PEM CA bundle or the JVM's
 * trust store ({@code -Djavax.net.ssl.trustStore}, which the connectors runtime sets from {@code
 * JAVAX_NET_SSL_TRUSTSTORE}), refused without either; host names verified either way.
 */
class CustomTrustTest {

  @TempDir static Path dir;
  private static TestPki.Ca privateCa;
  private static WireMockServer sn;
  private static WireMockServer otherName;

  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeAll
  static void start() {
    privateCa = TestPki.ca("Corp Private Root");
    sn = HttpsServers.start(dir, "private", privateCa.server("localhost"), new X509Certificate[0]);
    otherName =
        HttpsServers.start(
            dir, "other-name", privateCa.server("itsm.example.com"), new X509Certificate[0]);
  }

  @AfterAll
  static void stop() {
    sn.stop();
    otherName.stop();
  }

  @BeforeEach
  void stubs() {
    for (WireMockServer server : new WireMockServer[] {sn, otherName}) {
      server.resetAll();
      server.stubFor(
          get("/api/now/table/incident/abc")
              .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
    }
  }

  private ServiceNowResponse read(ServiceNowClient client, ServiceNowConnection connection) {
    return client.execute(
        connection,
        new BasicAuthentication("u", "p"),
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
            .build());
  }

  private ServiceNowClient client() {
    return new ServiceNowClient(ClientSettings.defaults(), Clock.systemUTC(), sleeper);
  }

  private static ServiceNowConnection to(WireMockServer server) {
    return ServiceNowConnection.baseUrl("https://localhost:" + server.httpsPort());
  }

  @Test
  void thePemBundleTrustsThePrivateCa() throws Exception {
    try (ServiceNowClient client = client()) {
      assertThat(read(client, to(sn).withCaCertificates(privateCa.pem())).status()).isEqualTo(200);
    }
  }

  @Test
  void withoutTheBundleThePrivateCaIsRefused() throws Exception {
    try (ServiceNowClient client = client()) {
      assertThatThrownBy(() -> read(client, to(sn)))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
                assertThat(e.getMessage())
                    .contains("not issued by a trusted CA")
                    .contains("CA certificates (PEM)")
                    .contains("JAVAX_NET_SSL_TRUSTSTORE");
              });
    }
    sn.verify(0, anyRequestedFor(anyUrl()));
    assertThat(sleeper.pauses).as("an untrusted certificate is not retried").isEmpty();
  }

  @Test
  void anotherCaInTheBundleDoesNotHelp() throws Exception {
    try (ServiceNowClient client = client()) {
      ServiceNowConnection connection = to(sn).withCaCertificates(TestPki.ca("Unrelated").pem());
      assertThatThrownBy(() -> read(client, connection))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED));
    }
  }

  @Test
  void theJvmTrustStoreTrustsThePrivateCaForEveryConnection() throws Exception {
    Path trustStore = TestPki.trustStore(dir, "runtime-truststore", privateCa.certificate());
    String[] names = {
      "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"
    };
    String[] previous = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      previous[i] = System.getProperty(names[i]);
    }
    System.setProperty(names[0], trustStore.toString());
    System.setProperty(names[1], TestPki.STORE_PASSWORD);
    System.setProperty(names[2], "PKCS12");
    try (ServiceNowClient client = client()) {
      assertThat(read(client, to(sn)).status()).isEqualTo(200);
    } finally {
      for (int i = 0; i < names.length; i++) {
        if (previous[i] == null) {
          System.clearProperty(names[i]);
        } else {
          System.setProperty(names[i], previous[i]);
        }
      }
    }
  }

  @Test
  void hostNamesAreVerifiedEvenWithATrustedCa() throws Exception {
    try (ServiceNowClient client = client()) {
      ServiceNowConnection connection = to(otherName).withCaCertificates(privateCa.pem());
      assertThatThrownBy(() -> read(client, connection))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
                assertThat(e.getMessage()).contains("not issued for localhost");
              });
    }
    otherName.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void plainHttpOnAnHttpsUrlIsNamed() throws Exception {
    try (ServiceNowClient client = client()) {
      ServiceNowConnection connection =
          ServiceNowConnection.baseUrl("https://localhost:" + sn.port())
              .withCaCertificates(privateCa.pem());
      assertThatThrownBy(() -> read(client, connection))
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.TLS_FAILED);
                assertThat(e.getMessage()).contains("did not answer with TLS");
              });
    }
  }

  @Test
  void aBundleWithoutCertificatesIsAnInputError() throws Exception {
    try (ServiceNowClient client = client()) {
      assertThatThrownBy(() -> read(client, to(sn).withCaCertificates("MIIB-not-pem")))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("CA certificates is not PEM text");
      String keyOnly = TestPki.pkcs8(TestPki.rsa().getPrivate());
      assertThatThrownBy(() -> read(client, to(sn).withCaCertificates(keyOnly)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("at least one PEM certificate")
          .hasMessageNotContaining(MutualTlsTest.body(keyOnly));
    }
    sn.verify(0, anyRequestedFor(anyUrl()));
  }
}
