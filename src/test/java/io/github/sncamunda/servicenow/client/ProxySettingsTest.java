package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the runtime's proxy settings are read, matched and refused. */
class ProxySettingsTest {

  private static final String SECRET = "pr0xy+SECRET/pw";

  private static ProxySettings read(String... pairs) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return ClientSettings.from(values).proxy();
  }

  @Test
  void theRuntimesVariablesConfigureBothProtocols() {
    ProxySettings proxy =
        read(
            "CONNECTOR_HTTPS_PROXY_HOST", "Proxy.Corp.example",
            "CONNECTOR_HTTPS_PROXY_PORT", "3128",
            "CONNECTOR_HTTPS_PROXY_USER", "svc-camunda",
            "CONNECTOR_HTTPS_PROXY_PASSWORD", SECRET,
            "CONNECTOR_HTTP_PROXY_HOST", "10.0.0.8",
            "CONNECTOR_HTTP_PROXY_PORT", "8080",
            "CONNECTOR_HTTP_PROXY_SCHEME", "HTTPS");

    assertThat(proxy.https())
        .isEqualTo(
            new ProxySettings.Proxy("http", "proxy.corp.example", 3128, "svc-camunda", SECRET));
    assertThat(proxy.http())
        .isEqualTo(new ProxySettings.Proxy("https", "10.0.0.8", 8080, null, null));
    assertThat(proxy.forTarget("https", "dev1.service-now.com")).contains(proxy.https());
    assertThat(proxy.forTarget("http", "localhost")).contains(proxy.http());
  }

  @Test
  void nothingSetMeansNoProxy() {
    ProxySettings proxy = read();
    assertThat(proxy.https()).isNull();
    assertThat(proxy.http()).isNull();
    assertThat(proxy.forTarget("https", "dev1.service-now.com")).isEmpty();
    assertThat(ClientSettings.defaults().proxy()).isEqualTo(ProxySettings.none());
  }

  @Test
  void javaProxyPropertiesAreTheFallback() {
    ProxySettings proxy =
        read(
            "https.proxyHost", "proxy.corp.example",
            "https.proxyUser", "svc",
            "https.proxyPassword", SECRET,
            "http.proxyHost", "proxy.corp.example",
            "http.proxyPort", "3129");

    assertThat(proxy.https())
        .isEqualTo(new ProxySettings.Proxy("http", "proxy.corp.example", 443, "svc", SECRET));
    assertThat(proxy.http().port()).isEqualTo(3129);
  }

  @Test
  void theRuntimesVariablesWinOverJavaProperties() {
    ProxySettings proxy =
        read(
            "CONNECTOR_HTTPS_PROXY_HOST", "runtime-proxy",
            "CONNECTOR_HTTPS_PROXY_PORT", "3128",
            "https.proxyHost", "java-proxy",
            "https.proxyPort", "8443");

    assertThat(proxy.https().host()).isEqualTo("runtime-proxy");
  }

  @ParameterizedTest
  @CsvSource({
    "dev1.service-now.com, false",
    "itsm.corp.example, true",
    "ITSM.Corp.Example, true",
    "corp.example, false",
    "localhost, true",
    "10.1.2.3, true",
    "110.1.2.3, false",
    "::1, true",
    "[::1], true"
  })
  void nonProxyHostsUseJavasSyntaxFromBothSettings(String host, boolean direct) {
    ProxySettings proxy =
        read(
            "CONNECTOR_HTTPS_PROXY_HOST", "proxy",
            "CONNECTOR_HTTPS_PROXY_PORT", "3128",
            "CONNECTOR_HTTP_NON_PROXY_HOSTS", "*.corp.example| LOCALHOST |[::1]",
            "http.nonProxyHosts", "10.*");

    assertThat(proxy.bypasses(host)).isEqualTo(direct);
    assertThat(proxy.forTarget("https", host).isEmpty()).isEqualTo(direct);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CONNECTOR_HTTPS_PROXY_HOST=proxy | CONNECTOR_HTTPS_PROXY_PORT is required when"
            + " CONNECTOR_HTTPS_PROXY_HOST is set",
        "CONNECTOR_HTTPS_PROXY_HOST=proxy,CONNECTOR_HTTPS_PROXY_PORT=80a |"
            + " CONNECTOR_HTTPS_PROXY_PORT must be a port number from 1 to 65535, was '80a'",
        "CONNECTOR_HTTPS_PROXY_HOST=proxy,CONNECTOR_HTTPS_PROXY_PORT=70000 |"
            + " CONNECTOR_HTTPS_PROXY_PORT must be a port number",
        "CONNECTOR_HTTP_PROXY_HOST=http://proxy:3128,CONNECTOR_HTTP_PROXY_PORT=3128 |"
            + " CONNECTOR_HTTP_PROXY_HOST must be a host name or IP address only",
        "CONNECTOR_HTTPS_PROXY_HOST=proxy,CONNECTOR_HTTPS_PROXY_PORT=1080,CONNECTOR_HTTPS_PROXY_SCHEME=socks"
            + " | CONNECTOR_HTTPS_PROXY_SCHEME must be http or https",
        "CONNECTOR_HTTPS_PROXY_HOST=proxy,CONNECTOR_HTTPS_PROXY_PORT=3128,CONNECTOR_HTTPS_PROXY_USER=svc"
            + " | CONNECTOR_HTTPS_PROXY_PASSWORD is required when CONNECTOR_HTTPS_PROXY_USER is"
            + " set",
        "CONNECTOR_HTTPS_PROXY_HOST=proxy,CONNECTOR_HTTPS_PROXY_PORT=3128,CONNECTOR_HTTPS_PROXY_PASSWORD="
            + SECRET
            + " | CONNECTOR_HTTPS_PROXY_PASSWORD is set but CONNECTOR_HTTPS_PROXY_USER is not",
        "https.proxyHost=proxy,https.proxyPort=x | https.proxyPort must be a port number"
      })
  void badValuesFailAtStartUpNamingTheVariableNeverThePassword(String settings, String message) {
    String[] pairs = settings.split("[,=]");
    assertThatThrownBy(() -> read(pairs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.strip())
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void printedSettingsHideThePassword() {
    ClientSettings settings =
        ClientSettings.from(
            Map.of(
                "CONNECTOR_HTTPS_PROXY_HOST", "proxy",
                "CONNECTOR_HTTPS_PROXY_PORT", "3128",
                "CONNECTOR_HTTPS_PROXY_USER", "svc",
                "CONNECTOR_HTTPS_PROXY_PASSWORD", SECRET));

    assertThat(settings.toString())
        .contains("http://proxy:3128", "user=svc", "password=[REDACTED]")
        .doesNotContain(SECRET);
  }
}
