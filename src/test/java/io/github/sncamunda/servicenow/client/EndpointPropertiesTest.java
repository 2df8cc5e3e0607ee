package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.error.ConnectorInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated instance names, base URLs and path segments: the only allowed outcomes are a URI on the
 * expected host or a ConnectorInputException with a message — never another exception, never
 * another host.
 */
class EndpointPropertiesTest {

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings()
            .withChars("abc.-_:/@?#%[]\\ \t\r\n\u0000\u3002\uff0e\u0430xyz019")
            .ofMaxLength(40),
        Arbitraries.of(
            "evil.com/",
            "a.b",
            "127.0.0.1",
            "[::1]",
            "host:8080",
            "user@host",
            "%2e",
            "..",
            "/",
            "",
            "dev1",
            "dev-1",
            "xn--dev-abc"));
  }

  @Property(tries = 2000)
  void instanceNameEitherResolvesToItsOwnServiceNowHostOrIsRefused(
      @ForAll("hostileText") String name) {
    try {
      URI base = ServiceNowEndpoint.forInstance(name).baseUri();
      assertThat(base.getScheme()).isEqualTo("https");
      assertThat(base.getHost())
          .isEqualTo(name.toLowerCase(java.util.Locale.ROOT) + ".service-now.com");
      assertThat(base.getPath()).isEmpty();
    } catch (ConnectorInputException refused) {
      assertThat(refused.getMessage()).contains("Instance name");
    }
  }

  @Property(tries = 2000)
  void baseUrlIsEitherAcceptedAsHttpsOrLoopbackOrRefused(@ForAll("hostileText") String tail) {
    for (String candidate : List.of("https://" + tail, "http://" + tail, tail)) {
      try {
        URI base = ServiceNowEndpoint.forBaseUrl(candidate).baseUri();
        assertThat(
                base.getScheme().equals("https") || ServiceNowEndpoint.isLoopback(base.getHost()))
            .isTrue();
        assertThat(base.getRawUserInfo()).isNull();
        assertThat(base.getRawQuery()).isNull();
        assertThat(base.getRawFragment()).isNull();
      } catch (ConnectorInputException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
  }

  @Property(tries = 2000)
  void anyPathSegmentOrQueryStaysOnTheInstanceAndInItsPlace(
      @ForAll("hostileText") String segment,
      @ForAll("hostileText") String key,
      @ForAll("hostileText") String value) {
    URI uri =
        ServiceNowEndpoint.forInstance("dev1")
            .uri(List.of("api", "now", "table", "incident", segment), Map.of(key, value));
    assertThat(uri.getHost()).isEqualTo("dev1.service-now.com");
    assertThat(uri.getRawPath()).startsWith("/api/now/table/incident/");
    // lone surrogates have no UTF-8 form and become '?', exactly as Java writes them anywhere else
    String utf8 =
        new String(
            segment.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(uri.getPath()).isEqualTo("/api/now/table/incident/" + utf8);
    assertThat(uri.getRawQuery()).doesNotContain("#").contains("=");
    assertThat(uri.getRawQuery().chars().filter(c -> c == '=').count()).isEqualTo(1);
  }
}
