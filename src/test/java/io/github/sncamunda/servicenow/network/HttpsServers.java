package io.github.sncamunda.servicenow.network;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** WireMock over real TLS (the JDK's, inside Jetty) with a test certificate. */
public final class HttpsServers {

  private HttpsServers() {}

  /**
   * A started WireMock serving https with {@code server}'s certificate (and plain http on another
   * port); when {@code clientCas} are given it requires a client certificate issued by one of them.
   */
  public static WireMockServer start(
      Path dir,
      String name,
      TestPki.Issued server,
      X509Certificate[] clientCas,
      Extension... extensions) {
    WireMockConfiguration config =
        wireMockConfig()
            .dynamicPort()
            .dynamicHttpsPort()
            .keystorePath(server.keyStore(dir, name).toString())
            .keystorePassword(TestPki.STORE_PASSWORD)
            .keyManagerPassword(TestPki.STORE_PASSWORD)
            .keystoreType("PKCS12")
            .extensions(extensions);
    if (clientCas.length > 0) {
      config
          .needClientAuth(true)
          .trustStorePath(TestPki.trustStore(dir, name + "-clients", clientCas).toString())
          .trustStorePassword(TestPki.STORE_PASSWORD)
          .trustStoreType("PKCS12");
    }
    WireMockServer wireMock = new WireMockServer(config);
    wireMock.start();
    return wireMock;
  }
}
