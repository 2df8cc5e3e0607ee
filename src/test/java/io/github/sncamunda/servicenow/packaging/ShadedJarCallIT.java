package io.github.sncamunda.servicenow.packaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.network.ConnectProxy;
import io.github.sncamunda.servicenow.network.HttpsServers;
import io.github.sncamunda.servicenow.network.TestPki;
import io.github.sncamunda.servicenow.record.Documents;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Incident Handler from the packaged jar, not from target/classes, as the runtime loads
 * it: the runtime's own libraries (SDK, Jackson, SLF4J) from the classpath, our classes and the
 * relocated HttpClient from the jar. Proves the jar works without the HttpClient classes it leaves
 * out, and that with every logger at TRACE (the relocated HttpClient's included) no credential is
 * logged.
 */
class ShadedJarCallIT {

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PASSWORD = "jar+SECRET/pw=42";

  @Test
  void theJarCallsServiceNowAndLogsNoCredentialAtTrace() throws Exception {
    sn.stubFor(
        get(urlPathEqualTo("/api/now/table/incident/abc"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\",\"number\":\"INC0010001\"}}")));
    SecretScan scan = new SecretScan().basic("jar.user", PASSWORD);
    Object result;
    String log;
    try (URLClassLoader jar = jarLoader();
        LogCapture capture = new LogCapture()) {
      Class<?> function =
          jar.loadClass("io.github.sncamunda.servicenow.incident.IncidentHandlerFunction");
      assertThat(function.getProtectionDomain().getCodeSource().getLocation().getPath())
          .endsWith("-with-dependencies.jar");
      OutboundConnectorFunction connector =
          (OutboundConnectorFunction) function.getConstructor().newInstance();
      result =
          connector.execute(
              OutboundConnectorContextBuilder.create()
                  .secret("SN_PWD", PASSWORD)
                  .variables(
                      """
                      {"connection":{"baseUrl":"%s"},
                       "authentication":{"type":"basic","username":"jar.user",
                                         "password":"{{secrets.SN_PWD}}"},
                       "operation":{"operation":"read","sysId":"abc"}}\
                      """
                          .formatted(sn.baseUrl()))
                  .build());
      log = capture.text();
      assertThat(capture.countFrom("io.github.sncamunda.shaded.hc")).isGreaterThan(0);
      assertThat(capture.countFrom("io.github.sncamunda.servicenow.http")).isGreaterThan(0);
    }
    assertThat(String.valueOf(result)).contains("INC0010001");
    sn.verify(
        getRequestedFor(urlPathEqualTo("/api/now/table/incident/abc"))
            .withBasicAuth(
                new com.github.tomakehurst.wiremock.client.BasicCredentials("jar.user", PASSWORD)));
    assertThat(scan.findings(log)).isEmpty();
  }

  /**
   * The jar behind an authenticated forward proxy (configured as the runtime configures it, here as
   * system properties), presenting a client certificate to an instance that requires one: proxy
   * password and private key appear in no log at TRACE.
   */
  @Test
  void theJarReachesAnMtlsInstanceThroughAnAuthenticatedProxy(@TempDir Path dir) throws Exception {
    TestPki.Ca serverCa = TestPki.ca("jar server CA");
    TestPki.Ca clientCa = TestPki.ca("jar client CA");
    TestPki.Issued client = clientCa.client("jar-integration");
    WireMockServer instance =
        HttpsServers.start(
            dir,
            "jar-mtls",
            serverCa.server("localhost"),
            new X509Certificate[] {clientCa.certificate()});
    instance.stubFor(
        get(urlPathEqualTo("/api/now/table/incident/abc"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\",\"number\":\"INC0010002\"}}")));
    int httpsPort = instance.httpsPort();
    String proxyPassword = "jar-proxy+SECRET/pw";
    SecretScan scan =
        new SecretScan().basic("jar-proxy-user", proxyPassword).basic("jar.user", PASSWORD);
    for (String line : client.privateKeyPem().split("\n")) {
      if (!line.startsWith("-----")) {
        scan.secret(line);
      }
    }
    Map<String, String> proxySettings;
    Object result;
    String log;
    try (ConnectProxy proxy = ConnectProxy.start().requireBasic("jar-proxy-user", proxyPassword)) {
      proxySettings =
          Map.of(
              "CONNECTOR_HTTPS_PROXY_HOST",
              "127.0.0.1",
              "CONNECTOR_HTTPS_PROXY_PORT",
              String.valueOf(proxy.port()),
              "CONNECTOR_HTTPS_PROXY_USER",
              "jar-proxy-user",
              "CONNECTOR_HTTPS_PROXY_PASSWORD",
              proxyPassword);
      proxySettings.forEach(System::setProperty);
      try (URLClassLoader jar = jarLoader();
          LogCapture capture = new LogCapture()) {
        OutboundConnectorFunction connector =
            connector(jar, "io.github.sncamunda.servicenow.incident.IncidentHandlerFunction");
        ObjectNode variables = Json.object();
        variables
            .putObject("connection")
            .put("baseUrl", "https://localhost:" + httpsPort)
            .put("clientCertificatePem", "{{secrets.SN_CLIENT_CERT}}")
            .put("clientKeyPem", "{{secrets.SN_CLIENT_KEY}}")
            .put("caCertificatesPem", serverCa.pem());
        variables
            .putObject("authentication")
            .put("type", "basic")
            .put("username", "jar.user")
            .put("password", "{{secrets.SN_PWD}}");
        variables.putObject("operation").put("operation", "read").put("sysId", "abc");
        result =
            connector.execute(
                OutboundConnectorContextBuilder.create()
                    .secret("SN_PWD", PASSWORD)
                    .secret("SN_CLIENT_CERT", client.certificatePem())
                    .secret("SN_CLIENT_KEY", client.privateKeyPem())
                    .variables(variables.toString())
                    .build());
        log = capture.text();
        assertThat(capture.countFrom("io.github.sncamunda.shaded.hc")).isGreaterThan(0);
      } finally {
        proxySettings.keySet().forEach(System::clearProperty);
        instance.stop();
      }
      assertThat(proxy.tunnels()).isEqualTo(1);
      assertThat(proxy.targets()).containsExactly("localhost:" + httpsPort);
    }
    assertThat(String.valueOf(result)).contains("INC0010002");
    assertThat(scan.findings(log)).isEmpty();
  }

  /**
   * The Record Handler from the jar with OAuth client credentials: one token request, then an
   * attachment streamed up and one streamed down into a Camunda document, byte for byte; client
   * secret and token appear in no log at TRACE.
   */
  @Test
  void theJarUploadsAndDownloadsAttachmentsWithOAuth() throws Exception {
    String clientSecret = "jar-client+SECRET/42";
    String token = "jar-access-token-7f3a9c";
    byte[] report = "disk full on db01\n\u00e9 \u0000\u0001".getBytes(StandardCharsets.UTF_8);
    sn.stubFor(
        post(urlPathEqualTo("/oauth_token.do"))
            .withFormParam("grant_type", equalTo("client_credentials"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":1800}"
                        .formatted(token))));
    sn.stubFor(
        post(urlPathEqualTo("/api/now/attachment/file"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(
                jsonResponse(
                    "{\"result\":{\"sys_id\":\"att1\",\"file_name\":\"report.txt\","
                        + "\"size_bytes\":\"%d\",\"content_type\":\"text/plain\"}}"
                            .formatted(report.length),
                    201)));
    sn.stubFor(
        get(urlPathEqualTo("/api/now/attachment/att1"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(
                okJson(
                    "{\"result\":{\"sys_id\":\"att1\",\"file_name\":\"report.txt\","
                        + "\"size_bytes\":\"%d\",\"content_type\":\"text/plain\"}}"
                            .formatted(report.length))));
    sn.stubFor(
        get(urlPathEqualTo("/api/now/attachment/att1/file"))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(report)));
    SecretScan scan = new SecretScan().secret(clientSecret).secret(token);
    Document upload = Documents.create(report, "report.txt", "text/plain");
    Object uploaded;
    Object downloaded;
    String log;
    try (URLClassLoader jar = jarLoader();
        LogCapture capture = new LogCapture()) {
      OutboundConnectorFunction connector =
          connector(jar, "io.github.sncamunda.servicenow.record.RecordHandlerFunction");
      Map<String, Object> authentication =
          Map.of(
              "type",
              "oauth-client-credentials",
              "clientId",
              "jar-client",
              "clientSecret",
              "{{secrets.SN_CLIENT_SECRET}}");
      uploaded =
          connector.execute(
              recordContext(
                  authentication,
                  Map.of(
                      "operation",
                      "uploadAttachments",
                      "sysId",
                      "0123456789abcdef0123456789abcdef",
                      "skipExisting",
                      false,
                      "documents",
                      List.of(Documents.reference(upload))),
                  clientSecret));
      downloaded =
          connector.execute(
              recordContext(
                  authentication,
                  Map.of(
                      "operation",
                      "downloadAttachments",
                      "source",
                      "attachment",
                      "attachmentSysId",
                      "att1"),
                  clientSecret));
      log = capture.text();
      assertThat(capture.countFrom("io.github.sncamunda.shaded.hc")).isGreaterThan(0);
    }
    sn.verify(1, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
    sn.verify(
        1,
        postRequestedFor(urlPathEqualTo("/api/now/attachment/file"))
            .withQueryParam("file_name", equalTo("report.txt"))
            .withRequestBody(binaryEqualTo(report)));
    assertThat(Documents.MAPPER.writeValueAsString(uploaded)).contains("att1");
    @SuppressWarnings("unchecked")
    List<Document> documents =
        (List<Document>) downloaded.getClass().getMethod("documents").invoke(downloaded);
    assertThat(documents)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.asByteArray()).isEqualTo(report);
              assertThat(d.metadata().getFileName()).isEqualTo("report.txt");
            });
    assertThat(scan.findings(log)).isEmpty();
  }

  private static io.camunda.connector.api.outbound.OutboundConnectorContext recordContext(
      Map<String, Object> authentication, Map<String, Object> operation, String clientSecret) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", sn.baseUrl()));
    variables.put("authentication", authentication);
    variables.put("table", Map.of("table", "incident"));
    variables.put("operation", operation);
    return OutboundConnectorContextBuilder.create()
        .objectMapper(Documents.MAPPER)
        .documentFactory(Documents.FACTORY)
        .secret("SN_CLIENT_SECRET", clientSecret)
        .variables(variables)
        .build();
  }

  /**
   * The relocated HttpClient finds its public suffix list in the jar (where the relocation moved
   * it), with the runtime's copy hidden: its TLS hostname check and cookie rules use it.
   */
  @Test
  void theJarsHttpClientLoadsItsRelocatedPublicSuffixList() throws Exception {
    try (URLClassLoader jar = jarLoader()) {
      Class<?> loader =
          jar.loadClass("io.github.sncamunda.shaded.hc.client5.http.psl.PublicSuffixMatcherLoader");
      Object matcher = loader.getMethod("getDefault").invoke(null);
      assertThat(matcher).isNotNull();
      assertThat(
              matcher
                  .getClass()
                  .getMethod("getDomainRoot", String.class)
                  .invoke(matcher, "www.example.co.uk"))
          .isEqualTo("example.co.uk");
    }
  }

  @Test
  void httpClientsLoggingConnectionIsNotInTheJar() throws Exception {
    try (URLClassLoader jar = jarLoader()) {
      assertThat(
              jar.getResource(
                  "io/github/sncamunda/shaded/hc/client5/http/impl/io/DefaultManagedHttpClientConnection.class"))
          .isNull();
      assertThat(jar.getResource("io/github/sncamunda/shaded/hc/client5/http/impl/Wire.class"))
          .isNull();
    }
  }

  private static OutboundConnectorFunction connector(ClassLoader jar, String className)
      throws ReflectiveOperationException {
    return (OutboundConnectorFunction) jar.loadClass(className).getConstructor().newInstance();
  }

  /**
   * The jar first for our package tree; everything else (the runtime's libraries) from the parent.
   */
  private static URLClassLoader jarLoader() throws Exception {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(Path.of("target"), "*-with-dependencies.jar")) {
      found.forEach(jars::add);
    }
    assertThat(jars).hasSize(1);
    ClassLoader runtime =
        new ClassLoader(ShadedJarCallIT.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.github.sncamunda.")) {
              throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
          }

          @Override
          public URL getResource(String name) {
            // the runtime's own copy of HttpClient's public suffix list is hidden too: ours must
            // come from the jar, where the relocation put it
            return name.startsWith("io/github/sncamunda/") || name.startsWith("org/publicsuffix/")
                ? null
                : super.getResource(name);
          }
        };
    return new URLClassLoader(new URL[] {jars.get(0).toUri().toURL()}, runtime);
  }
}
