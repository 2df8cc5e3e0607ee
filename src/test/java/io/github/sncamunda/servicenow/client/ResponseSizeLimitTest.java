package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that streams 50 MB and counts what it managed to write before the client hung up. */
class ResponseSizeLimitTest {

  private static final long FIFTY_MB = 50L * 1024 * 1024;
  private static final long LIMIT = 1024 * 1024;

  private HttpServer server;
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch finished = new CountDownLatch(1);
  private ServiceNowClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/now/table/incident",
        exchange -> {
          boolean declare = exchange.getRequestURI().getQuery() != null;
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, declare ? FIFTY_MB : 0);
          byte[] chunk = "{\"result\":[".repeat(1).getBytes(StandardCharsets.US_ASCII);
          byte[] filler = new byte[64 * 1024];
          java.util.Arrays.fill(filler, (byte) ' ');
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(chunk);
            written.addAndGet(chunk.length);
            while (written.get() < FIFTY_MB - filler.length) {
              out.write(filler);
              written.addAndGet(filler.length);
            }
          } catch (IOException clientWentAway) {
            // expected: the client aborts once the limit is passed
          } finally {
            finished.countDown();
          }
        });
    server.start();
    client = new ServiceNowClient(ClientSettings.defaults().withMaxResponseBytes(LIMIT));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.stop(0);
  }

  private ServiceNowConnection connection() {
    return ServiceNowConnection.baseUrl("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedWithoutReadingItAll() throws Exception {
    var request =
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident").build();

    assertThatThrownBy(
            () -> client.execute(connection(), new BasicAuthentication("u", "p"), request))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.RESPONSE_TOO_LARGE);
              assertThat(e.getMessage()).contains(String.valueOf(LIMIT));
            });
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get())
        .as("bytes the server could send before the client hung up")
        .isLessThan(FIFTY_MB / 2);
    assertThat(client.leasedConnections()).isZero();
  }

  @Test
  void declaredContentLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
    var request =
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident")
            .query("sysparm_limit", "10000")
            .build();

    assertThatThrownBy(
            () -> client.execute(connection(), new BasicAuthentication("u", "p"), request))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.RESPONSE_TOO_LARGE));
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(FIFTY_MB / 2);
  }
}
