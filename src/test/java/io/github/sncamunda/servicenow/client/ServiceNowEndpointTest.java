package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNowEndpointTest {

  @Test
  void instanceNameBecomesServiceNowHost() {
    assertThat(ServiceNowEndpoint.forInstance("Dev-12345").baseUri())
        .hasToString("https://dev-12345.service-now.com");
    assertThat(ServiceNowEndpoint.forInstance("a").defaultTokenUrl())
        .hasToString("https://a.service-now.com/oauth_token.do");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.com/x",
        "evil.com/",
        "a.b",
        "host:8080",
        "user@host",
        " dev1",
        "dev1 ",
        "dev 1",
        "",
        "127.0.0.1",
        "[::1]",
        "%2e",
        "dev1%2F",
        "-dev",
        "dev-",
        "dev\u0430",
        "dev\u3002com",
        "dev\uff0ecom",
        "https://dev1.service-now.com",
        "dev1\r\nX: y",
        "dev1#",
        "dev1?x",
        "dev1\\x",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" // 64 characters
      })
  void refusesAnythingButOneDnsLabel(String name) {
    assertThatThrownBy(() -> ServiceNowEndpoint.forInstance(name))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Instance name");
  }

  @Test
  void refusesMissingInstanceName() {
    assertThatThrownBy(() -> ServiceNowEndpoint.resolve(null, null))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Instance name is required");
  }

  @Test
  void baseUrlOverrideWinsAndIsNormalised() {
    assertThat(ServiceNowEndpoint.resolve("ignored", "https://ITSM.example.com/gateway/").baseUri())
        .hasToString("https://itsm.example.com/gateway");
    assertThat(ServiceNowEndpoint.forBaseUrl("http://localhost:8089").baseUri())
        .hasToString("http://localhost:8089");
    assertThat(ServiceNowEndpoint.forBaseUrl("http://127.0.0.1:1").baseUri())
        .hasToString("http://127.0.0.1:1");
    assertThat(ServiceNowEndpoint.forBaseUrl("http://[::1]:8080").baseUri())
        .hasToString("http://[::1]:8080");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://evil.com",
        "http://10.0.0.1",
        "ftp://host",
        "file:///etc/passwd",
        "//host/x",
        "host",
        "https://user:pw@host",
        "https://user@host",
        "https://host?x=1",
        "https://host#f",
        "https://host/a/../b",
        "https://host//x",
        "https://host/%2e%2e",
        "https://h\u0430st.com",
        "javascript:alert(1)",
        "https:///nohost",
        "https://host/a\\b",
        "http://localhost.evil.com"
      })
  void refusesUnsafeBaseUrls(String url) {
    assertThatThrownBy(() -> ServiceNowEndpoint.forBaseUrl(url))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Base URL");
  }

  @Test
  void encodesEverySegmentAndQueryValueExactlyOnce() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sysparm_query", "short_descriptionLIKEdisk full & slow^priority=1");
    query.put("plus", "a+b%c/d");
    query.put("näme", "wert ü");
    var uri =
        ServiceNowEndpoint.forInstance("dev1")
            .uri(List.of("api", "now", "table", "incident", "a/b c"), query);
    assertThat(uri.toString())
        .isEqualTo(
            "https://dev1.service-now.com/api/now/table/incident/a%2Fb%20c"
                + "?sysparm_query=short_descriptionLIKEdisk%20full%20%26%20slow%5Epriority%3D1"
                + "&plus=a%2Bb%25c%2Fd&n%C3%A4me=wert%20%C3%BC");
  }
}
