package io.github.sncamunda.servicenow.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentLinkParameters;
import io.camunda.connector.api.document.DocumentReference.CamundaDocumentReference;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.document.jackson.JacksonModuleDocumentSerializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.document.CamundaDocumentReferenceImpl;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.DocumentMetadataImpl;
import io.camunda.connector.runtime.core.document.store.CamundaDocumentStore;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.attachment.DownloadedAttachments;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Run in its own JVM with a heap smaller than the file ({@link AttachmentMemoryTest}): uploads a
 * generated 100 MB document through the Record Handler to a loopback server that hashes what it
 * receives, then downloads a 100 MB attachment into a document store that hashes what it is given.
 * Prints the hashes and the heap's peak use. Buffering either file whole would fail with
 * OutOfMemoryError.
 */
public final class AttachmentMemoryProbe {

  static final long SIZE = 100L * 1024 * 1024;
  static final long UPLOAD_SEED = 7;
  static final long DOWNLOAD_SEED = 11;

  public static void main(String[] args) {
    try {
      run();
      System.exit(0);
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1); // the loopback server's thread would keep the JVM alive
    }
  }

  private static void run() throws Exception {
    Map<String, String> hashes = new ConcurrentHashMap<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/now/attachment",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] answer;
          if (exchange.getRequestMethod().equals("POST")) {
            hashes.put("uploaded", hash(exchange.getRequestBody()));
            answer =
                json(
                    "{\"sys_id\":\"up\",\"file_name\":\"big.bin\",\"size_bytes\":\""
                        + SIZE
                        + "\"}");
          } else if (path.endsWith("/big/file")) {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody();
                InputStream in = new GeneratedContent(DOWNLOAD_SEED, SIZE)) {
              in.transferTo(out);
            }
            return;
          } else {
            answer =
                json(
                    "{\"sys_id\":\"big\",\"file_name\":\"big.bin\",\"size_bytes\":\""
                        + SIZE
                        + "\",\"content_type\":\"application/octet-stream\"}");
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(
              answer.length == 0 ? -1 : 200, answer.length == 0 ? -1 : answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();

    HashingStore store = new HashingStore();
    DocumentFactoryImpl documents = new DocumentFactoryImpl(store);
    ObjectMapper mapper =
        ConnectorsObjectMapperSupplier.getCopy()
            .registerModule(new JacksonModuleDocumentDeserializer(documents, null))
            .registerModule(new JacksonModuleDocumentSerializer());
    Map<String, Object> reference =
        mapper.convertValue(
            documents.resolve(
                new CamundaDocumentReferenceImpl(
                    "probe",
                    "big-upload",
                    null,
                    new DocumentMetadataImpl(
                        "application/octet-stream", null, SIZE, "big.bin", null, null, Map.of()))),
            Map.class);
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    RecordHandlerFunction function = new RecordHandlerFunction(ServiceNowClient.shared());
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }

    function.execute(
        context(
            mapper,
            documents,
            baseUrl,
            Map.of("table", "incident"),
            Map.of(
                "operation",
                "uploadAttachments",
                "sysId",
                "abc",
                "documents",
                List.of(reference),
                "skipExisting",
                false,
                "maxSizeMb",
                200)));
    DownloadedAttachments downloaded =
        (DownloadedAttachments)
            function.execute(
                context(
                    mapper,
                    documents,
                    baseUrl,
                    null,
                    Map.of(
                        "operation",
                        "downloadAttachments",
                        "source",
                        "attachment",
                        "attachmentSysId",
                        "big",
                        "maxSizeMb",
                        200)));

    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(
        "uploaded="
            + hashes.get("uploaded")
            + " downloaded="
            + store.hashes.get(
                downloaded.documents().get(0).reference() instanceof CamundaDocumentReference r
                    ? r.getDocumentId()
                    : "")
            + " peakHeapBytes="
            + peak
            + " maxHeapBytes="
            + Runtime.getRuntime().maxMemory());
    server.stop(0);
    System.exit(0);
  }

  private static io.camunda.connector.api.outbound.OutboundConnectorContext context(
      ObjectMapper mapper,
      DocumentFactoryImpl documents,
      String baseUrl,
      Map<String, Object> table,
      Map<String, Object> operation) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", baseUrl));
    variables.put("authentication", Map.of("type", "basic", "username", "u", "password", "p"));
    if (table != null) {
      variables.put("table", table);
    }
    variables.put("operation", operation);
    var bound =
        OutboundConnectorContextBuilder.create().objectMapper(mapper).variables(variables).build();
    // the 8.8 test builder creates documents in its own in-memory store; the runtime uses its
    // configured store, which this stands in for
    return new io.camunda.connector.api.outbound.OutboundConnectorContext() {
      @Override
      public io.camunda.connector.api.outbound.JobContext getJobContext() {
        return bound.getJobContext();
      }

      @Override
      public <T> T bindVariables(Class<T> type) {
        return bound.bindVariables(type);
      }

      @Override
      public io.camunda.connector.api.document.Document resolve(
          io.camunda.connector.api.document.DocumentReference reference) {
        return documents.resolve(reference);
      }

      @Override
      public io.camunda.connector.api.document.Document create(DocumentCreationRequest request) {
        return documents.create(request);
      }
    };
  }

  private static byte[] json(String result) {
    return ("{\"result\":" + result + "}").getBytes();
  }

  static String hash(InputStream in) throws IOException {
    try (in) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves the generated upload; keeps only a hash of what it is asked to store. */
  static final class HashingStore implements CamundaDocumentStore {
    final Map<String, String> hashes = new ConcurrentHashMap<>();

    @Override
    public CamundaDocumentReference createDocument(DocumentCreationRequest request) {
      String id = "stored-" + hashes.size();
      try {
        hashes.put(id, hash(request.content()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new CamundaDocumentReferenceImpl(
          "probe",
          id,
          null,
          new DocumentMetadataImpl(
              request.contentType(), null, null, request.fileName(), null, null, Map.of()));
    }

    @Override
    public InputStream getDocumentContent(CamundaDocumentReference reference) {
      return new GeneratedContent(UPLOAD_SEED, SIZE);
    }

    @Override
    public void deleteDocument(CamundaDocumentReference reference) {}

    @Override
    public String generateLink(
        CamundaDocumentReference reference, DocumentLinkParameters parameters) {
      return null;
    }
  }
}
