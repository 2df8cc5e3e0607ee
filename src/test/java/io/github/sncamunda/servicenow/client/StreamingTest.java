package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed bodies both ways against a server that hashes what it receives and counts what it
 * manages to send: exact bytes, chunked or with a length, and the size limit enforced while the
 * bytes move, so the rest never travels.
 */
class StreamingTest {

  private static final long LIMIT = 1024 * 1024;
  private static final long SERVED = 40L * 1024 * 1024;

  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicLong written = new AtomicLong();
  private final CountDownLatch served = new CountDownLatch(1);
  private ServiceNowClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/now/attachment/file",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            long count = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
              sha.update(buffer, 0, n);
              count += n;
            }
            received.add(
                count
                    + ":"
                    + HexFormat.of().formatHex(sha.digest())
                    + ":"
                    + exchange.getRequestHeaders().getFirst("Content-Type")
                    + ":"
                    + exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
            byte[] answer = "{\"result\":{\"sys_id\":\"att\"}}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (IOException | java.security.NoSuchAlgorithmException e) {
            received.add("broken");
          } finally {
            exchange.close();
          }
        });
    server.createContext(
        "/api/now/attachment/big/file",
        exchange -> {
          boolean declare = exchange.getRequestURI().getQuery() != null;
          exchange.sendResponseHeaders(200, declare ? SERVED : 0);
          byte[] chunk = new byte[64 * 1024];
          try (OutputStream out = exchange.getResponseBody()) {
            while (written.get() < SERVED) {
              out.write(chunk);
              written.addAndGet(chunk.length);
            }
          } catch (IOException clientWentAway) {
            // expected once the client passes the limit
          } finally {
            served.countDown();
          }
        });
    server.start();
    client = new ServiceNowClient(ClientSettings.defaults());
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.stop(0);
  }

  private ServiceNowConnection connection() {
    return ServiceNowConnection.baseUrl("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private ServiceNowResponse upload(byte[] content, long declaredLength, long limit) {
    ServiceNowRequest request =
        ServiceNowRequest.builder(HttpMethod.POST, "api", "now", "attachment", "file")
            .content(
                new StreamContent(
                    () -> new ByteArrayInputStream(content), declaredLength, "image/png", limit))
            .build();
    return client.execute(connection(), new BasicAuthentication("u", "p"), request);
  }

  @Test
  void uploadsTheExactBytesWithOrWithoutAKnownLength() throws Exception {
    byte[] content = new byte[300_000];
    new java.util.Random(42).nextBytes(content);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

    upload(content, content.length, LIMIT);
    upload(content, -1, LIMIT);

    assertThat(received)
        .containsExactly(
            "300000:" + hash + ":image/png:null", "300000:" + hash + ":image/png:chunked");
  }

  @Test
  void anUploadPastTheLimitStopsWithoutRetries() {
    byte[] content = new byte[(int) LIMIT + 1];

    assertThatThrownBy(() -> upload(content, -1, LIMIT))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTACHMENT_TOO_LARGE);
              assertThat(e.getRetries()).isZero();
              assertThat(e.getMessage()).contains("limit of 1048576 bytes");
            });
    assertThat(received).doesNotContain("1048577");
  }

  @Test
  void aDeclaredLengthPastTheLimitIsRefusedBeforeReading() throws Exception {
    assertThatThrownBy(() -> download("declared"))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTACHMENT_TOO_LARGE));
    assertThat(served.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(SERVED / 2);
  }

  @Test
  void aChunkedDownloadPastTheLimitIsCutOffWhileReading() throws Exception {
    AtomicLong consumed = new AtomicLong();
    assertThatThrownBy(() -> download(null, consumed))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTACHMENT_TOO_LARGE));
    assertThat(consumed.get()).isLessThanOrEqualTo(LIMIT);
    assertThat(served.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).as("bytes the server managed to send").isLessThan(SERVED / 2);
  }

  private long download(String query) {
    return download(query, new AtomicLong());
  }

  private long download(String query, AtomicLong consumed) {
    ServiceNowRequest.Builder request =
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "attachment", "big", "file");
    if (query != null) {
      request.query("declare", query);
    }
    return client.download(
        connection(),
        new BasicAuthentication("u", "p"),
        request.build(),
        LIMIT,
        (content, head) -> {
          byte[] buffer = new byte[8192];
          int n;
          while ((n = content.read(buffer)) != -1) {
            consumed.addAndGet(n);
          }
          return consumed.get();
        });
  }
}
