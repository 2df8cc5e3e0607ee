package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.network.HttpsServers;
import io.github.sncamunda.servicenow.network.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connection pool per TLS identity: the same material shares a pool, the number of pools is
 * bounded, and a pool retired while a call is using it is closed only after that call returns.
 */
class TlsIdentityPoolsTest {

  @TempDir static Path dir;
  private static TestPki.Ca ca;
  private static WireMockServer sn;
  private ServiceNowClient client;

  /**
   * Holds the answer to {@code /slow} until the test releases it, so "still in flight" does not
   * depend on how fast 32 TLS handshakes run on a loaded machine.
   */
  private static final class Gate implements ResponseDefinitionTransformerV2 {
    volatile CountDownLatch arrived = new CountDownLatch(1);
    volatile CountDownLatch release = new CountDownLatch(1);

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      if (serveEvent.getRequest().getUrl().endsWith("/slow")) {
        arrived.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "gate";
    }
  }

  private static final Gate gate = new Gate();

  @BeforeAll
  static void start() {
    ca = TestPki.ca("pools CA");
    sn = HttpsServers.start(dir, "pools", ca.server("localhost"), new X509Certificate[0], gate);
    sn.stubFor(get("/api/now/table/incident/abc").willReturn(okJson("{\"result\":{}}")));
    sn.stubFor(get("/api/now/table/incident/slow").willReturn(okJson("{\"result\":{}}")));
  }

  @AfterAll
  static void stop() {
    sn.stop();
  }

  @BeforeEach
  void client() {
    client =
        new ServiceNowClient(ClientSettings.defaults(), Clock.systemUTC(), new RecordingSleeper());
  }

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  /** The same CA bundle with a different comment line: another identity, same trust. */
  private static ServiceNowConnection variant(int n) {
    return ServiceNowConnection.baseUrl("https://localhost:" + sn.httpsPort())
        .withCaCertificates("# bundle " + n + "\n" + ca.pem());
  }

  private int read(ServiceNowConnection connection, String sysId) {
    return client
        .execute(
            connection,
            new BasicAuthentication("u", "p"),
            ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", sysId)
                .build())
        .status();
  }

  @Test
  void theSameMaterialSharesOnePool() {
    for (int i = 0; i < 5; i++) {
      assertThat(read(variant(1), "abc")).isEqualTo(200);
    }
    assertThat(read(ServiceNowConnection.baseUrl("http://localhost:" + sn.port()), "abc"))
        .isEqualTo(200);
    assertThat(client.tlsIdentities()).as("plain connections use the default pool").isEqualTo(1);
  }

  @Test
  void poolsAreBoundedAndAnEvictedIdentityComesBack() {
    for (int i = 0; i <= Routes.MAX_IDENTITIES; i++) {
      assertThat(read(variant(i), "abc")).isEqualTo(200);
    }
    assertThat(client.tlsIdentities()).isEqualTo(Routes.MAX_IDENTITIES);
    assertThat(read(variant(0), "abc")).as("the evicted first one, rebuilt").isEqualTo(200);
    assertThat(client.tlsIdentities()).isEqualTo(Routes.MAX_IDENTITIES);
    assertThat(client.leasedConnections()).isZero();
  }

  @Test
  void aPoolRetiredDuringACallClosesAfterTheCallReturns() throws Exception {
    gate.arrived = new CountDownLatch(1);
    gate.release = new CountDownLatch(1);
    CompletableFuture<Integer> slow =
        CompletableFuture.supplyAsync(() -> read(variant(-1), "slow"));
    assertThat(gate.arrived.await(30, TimeUnit.SECONDS))
        .as("the slow call reached the server")
        .isTrue();
    for (int i = 0; i < Routes.MAX_IDENTITIES; i++) {
      read(variant(i), "abc");
    }
    assertThat(client.tlsIdentities()).isEqualTo(Routes.MAX_IDENTITIES);
    assertThat(slow).as("still in flight when its pool was retired").isNotDone();
    gate.release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS))
        .as("its pool was retired, not pulled away")
        .isEqualTo(200);
  }
}
