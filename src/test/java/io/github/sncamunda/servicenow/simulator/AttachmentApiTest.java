package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Attachment API, including uploads too big to keep. */
class AttachmentApiTest {

  private static final String TEXT = "disk usage report\n/dev/sda1 99%\n";

  private ServiceNowSimulator sim;
  private SimHttp http;
  private String incident;

  @BeforeEach
  void start() {
    sim = new ServiceNowSimulator().start();
    http = new SimHttp(sim);
    incident = sim.seedIncident(Map.of("short_description", "with files")).get("sys_id");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private String uploadPath(String table, String sysId, String fileName) {
    return "/api/now/attachment/file?table_name="
        + table
        + "&table_sys_id="
        + sysId
        + "&file_name="
        + SimHttp.encode(fileName);
  }

  private SimHttp.Answer upload(String fileName, String contentType, byte[] content) {
    return http.sendBytes(
        "POST", uploadPath("incident", incident, fileName), content, "Content-Type", contentType);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void uploadListDownloadAndDelete() throws Exception {
    byte[] content = TEXT.getBytes(StandardCharsets.UTF_8);
    SimHttp.Answer created = upload("disk report.txt", "text/plain", content);

    assertThat(created.status()).isEqualTo(201);
    JsonNode meta = created.result();
    String id = meta.get("sys_id").asText();
    assertThat(created.header("Location")).isEqualTo(sim.baseUrl() + "/api/now/attachment/" + id);
    assertThat(meta.get("file_name").asText()).isEqualTo("disk report.txt");
    assertThat(meta.get("content_type").asText()).isEqualTo("text/plain");
    assertThat(meta.get("size_bytes").asText()).isEqualTo(Integer.toString(content.length));
    assertThat(meta.get("table_name").asText()).isEqualTo("incident");
    assertThat(meta.get("table_sys_id").asText()).isEqualTo(incident);
    assertThat(meta.get("hash").asText()).isEqualTo(sha256(content));
    assertThat(meta.get("download_link").asText())
        .isEqualTo(sim.baseUrl() + "/api/now/attachment/" + id + "/file");
    Attachment kept = sim.attachment(id).orElseThrow();
    assertThat(kept.bytes()).isEqualTo(content);
    assertThat(kept.uploadContentLength()).isEqualTo(content.length);
    assertThat(kept.uploadChunked()).isFalse();
    assertThat(sim.attachmentsOf("incident", incident)).containsExactly(kept);

    JsonNode listed =
        http.get(
                "/api/now/attachment?sysparm_query="
                    + SimHttp.encode("table_name=incident^table_sys_id=" + incident))
            .result();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).isEqualTo(meta);
    assertThat(http.get("/api/now/attachment/" + id).result()).isEqualTo(meta);

    SimHttp.Answer file = http.get("/api/now/attachment/" + id + "/file");
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(content);
    assertThat(file.header("Content-Type")).isEqualTo("text/plain");
    assertThat(
            SimHttp.MAPPER.readTree(file.header("X-Attachment-Metadata")).get("file_name").asText())
        .isEqualTo("disk report.txt");

    assertThat(http.delete("/api/now/attachment/" + id).status()).isEqualTo(204);
    assertThat(http.get("/api/now/attachment/" + id).status()).isEqualTo(404);
    assertThat(http.get("/api/now/attachment/" + id + "/file").status()).isEqualTo(404);
    assertThat(http.delete("/api/now/attachment/" + id).status()).isEqualTo(404);
    assertThat(sim.attachments()).isEmpty();
  }

  @Test
  void uploadsNeedTheirParametersAndAnExistingRecord() {
    byte[] content = {1, 2, 3};
    assertThat(
            http.sendBytes(
                    "POST",
                    "/api/now/attachment/file?table_sys_id=" + incident + "&file_name=a.bin",
                    content,
                    "Content-Type",
                    "application/octet-stream")
                .status())
        .isEqualTo(400);
    assertThat(http.sendBytes("POST", uploadPath("incident", incident, "a.bin"), content).status())
        .as("no Content-Type")
        .isEqualTo(400);
    SimHttp.Answer noRecord =
        http.sendBytes(
            "POST",
            uploadPath("incident", "0123456789abcdef0123456789abcdef", "a.bin"),
            content,
            "Content-Type",
            "application/octet-stream");
    assertThat(noRecord.status()).isEqualTo(404);
    assertThat(noRecord.json().get("status").asText()).isEqualTo("failure");
    assertThat(
            http.sendBytes(
                    "POST",
                    uploadPath("problem", incident, "a.bin"),
                    content,
                    "Content-Type",
                    "application/octet-stream")
                .status())
        .isEqualTo(404);
    assertThat(
            http.as(null)
                .sendBytes(
                    "POST",
                    uploadPath("incident", incident, "a.bin"),
                    content,
                    "Content-Type",
                    "application/octet-stream")
                .status())
        .isEqualTo(401);
    assertThat(sim.attachments()).isEmpty();
  }

  @Test
  void listsQueryFileNamesOrderAndPage() {
    String other = sim.seedIncident(Map.of()).get("sys_id");
    for (String name : new String[] {"b-report.pdf", "a-report.pdf", "photo.png", "c-REPORT.txt"}) {
      sim.seedAttachment("incident", incident, name, "application/pdf", new byte[] {1});
    }
    sim.seedAttachment("incident", other, "z-report.pdf", "application/pdf", new byte[] {2});

    SimHttp.Answer page =
        http.get(
            "/api/now/attachment?sysparm_limit=2&sysparm_query="
                + SimHttp.encode(
                    "table_sys_id=" + incident + "^file_nameLIKEreport^ORDERBYfile_name"));
    assertThat(page.header("X-Total-Count")).isEqualTo("3");
    assertThat(page.result())
        .extracting(r -> r.get("file_name").asText())
        .containsExactly("a-report.pdf", "b-report.pdf");
    assertThat(page.header("Link")).contains("sysparm_offset=2", "rel=\"next\"");
    assertThat(
            http.get("/api/now/attachment?sysparm_query=" + SimHttp.encode("file_name=photo.png"))
                .result())
        .hasSize(1);
  }

  /** Pseudo-random bytes produced on the fly, never held whole. */
  private static final class GeneratedStream extends InputStream {
    private final SplittableRandom random = new SplittableRandom(42);
    private long left;

    GeneratedStream(long size) {
      left = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) random.nextInt(256);
      }
      left -= n;
      return n;
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void aHundredMegabyteUploadIsStreamedAndOnlyItsFirstMegabyteKept() throws Exception {
    long size = 100L * 1024 * 1024;
    long heapBefore = usedHeapAfterGc();
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    HttpRequest request =
        http.request(uploadPath("incident", incident, "big.bin"))
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new DigestInputStream(new GeneratedStream(size), sent)))
            .build();

    SimHttp.Answer created = http.send(request);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    Attachment big = sim.attachment(created.result().get("sys_id").asText()).orElseThrow();
    assertThat(big.size()).isEqualTo(size);
    assertThat(created.result().get("size_bytes").asText()).isEqualTo(Long.toString(size));
    assertThat(big.sha256()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    assertThat(big.uploadChunked()).isTrue(); // the JDK client streams an InputStream chunked
    assertThat(big.uploadContentLength()).isEqualTo(-1);
    assertThat(big.contentKept()).isFalse();
    byte[] first = new byte[1 << 20];
    new GeneratedStream(size).readNBytes(first, 0, first.length);
    assertThat(big.firstBytes()).isEqualTo(first);
    LogEntry logged = sim.requestLog().get(0);
    assertThat(logged.requestBytes()).isEqualTo(size);
    assertThat(logged.request().body()).isEmpty(); // streamed, never held as text
    assertThat(logged.request().header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(http.get("/api/now/attachment/" + big.sysId() + "/file").status()).isEqualTo(500);
    // nothing near 100 MB stays reachable (generous margin for other allocations)
    assertThat(usedHeapAfterGc() - heapBefore).isLessThan(40L * 1024 * 1024);
  }

  @Test
  void generatedAttachmentsDownloadAsAStreamWithTheirHash() throws Exception {
    Attachment big =
        sim.seedGeneratedAttachment(
            "incident", incident, "dump.bin", "application/octet-stream", 20_000_000, 7);
    HttpResponse<InputStream> response = http.open("/api/now/attachment/" + big.sysId() + "/file");
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long count;
    try (InputStream in = new DigestInputStream(response.body(), received)) {
      count = in.transferTo(OutputStream.nullOutputStream());
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(20_000_000L);
    assertThat(count).isEqualTo(20_000_000L);
    assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(big.sha256());
    assertThat(big.firstBytes()).hasSize(1 << 20);
    assertThat(Arrays.copyOf(big.bytes(), 16)).isEqualTo(Arrays.copyOf(big.firstBytes(), 16));
  }

  @Test
  void keepingNoBytesStillGivesSizeAndHash() throws Exception {
    sim.attachmentBytesKept(0);
    byte[] content = TEXT.getBytes(StandardCharsets.UTF_8);
    String id = upload("r.txt", "text/plain", content).result().get("sys_id").asText();

    Attachment attachment = sim.attachment(id).orElseThrow();
    assertThat(attachment.contentKept()).isFalse();
    assertThat(attachment.firstBytes()).isEmpty();
    assertThat(attachment.sha256()).isEqualTo(sha256(content));
    assertThat(http.get("/api/now/attachment/" + id + "/file").status()).isEqualTo(500);
  }
}
