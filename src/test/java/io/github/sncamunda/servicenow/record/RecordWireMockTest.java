package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.TestJson;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WireMock ServiceNow, a real client, and the Record Handler run through the SDK binding as the
 * runtime runs it (the password as a secret reference).
 */
abstract class RecordWireMockTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String SYS_ID = "a9e30c7dc61122760116894de7bcc7bd";
  static final String USER = "camunda.integration";
  static final String PASSWORD = "rec0rd-P@ss word!";
  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  ServiceNowClient client;

  @BeforeEach
  void startClient() {
    client =
        new ServiceNowClient(
            ClientSettings.defaults()
                .withRetry(
                    new ClientSettings.RetrySettings(
                        3, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(50))));
  }

  @AfterEach
  void closeClient() throws Exception {
    client.close();
  }

  static String table(String name) {
    return "/api/now/table/" + name;
  }

  static String result(String json) {
    return "{\"result\":" + json + "}";
  }

  static Map<String, Object> listed(String table) {
    return Map.of("table", table);
  }

  static Map<String, Object> other(String tableName) {
    return Map.of("table", "other", "tableName", tableName);
  }

  /** Runs the connector with {@code table} (may be null), {@code operation} and default options. */
  Object run(Map<String, Object> table, Map<String, Object> operation) {
    return run(table, operation, null);
  }

  Object run(
      Map<String, Object> table, Map<String, Object> operation, Map<String, Object> options) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", wm.baseUrl()));
    variables.put(
        "authentication",
        Map.of("type", "basic", "username", USER, "password", "{{secrets.SN_PWD}}"));
    if (table != null) {
      variables.put("table", table);
    }
    variables.put("operation", operation);
    if (options != null) {
      variables.put("options", options);
    }
    var context =
        OutboundConnectorContextBuilder.create()
            .objectMapper(Documents.MAPPER)
            .documentFactory(Documents.FACTORY)
            .variables(variables)
            .secret("SN_PWD", PASSWORD)
            .build();
    return new RecordHandlerFunction(client).execute(context);
  }

  /** The result as process variables would hold it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asVariables(Object result) {
    return TestJson.MAPPER.convertValue(result, Map.class);
  }

  static void nothingSent() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
