package io.github.sncamunda.servicenow.packaging;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
            return name.startsWith("io/github/sncamunda/") ? null : super.getResource(name);
          }
        };
    return new URLClassLoader(new URL[] {jars.get(0).toUri().toURL()}, runtime);
  }
}
