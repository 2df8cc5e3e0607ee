package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.TestJson;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock ServiceNow, a real client, and a way to run the connector as the runtime would. */
abstract class IncidentWireMockTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TABLE = "/api/now/table/incident";
  static final String SYS_ID = "46d44e2ba9fe1981009d6a8c4e2f7a76";
  static final String USER = "camunda.integration";
  static final String PASSWORD = "s3cr3t-P@ss word!";
  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  /** ServiceNow-shaped: every value a string, references as {link, value}, empty reference "". */
  static final String RECORD =
      """
      {"sys_id":"46d44e2ba9fe1981009d6a8c4e2f7a76","number":"INC0010042",
       "short_description":"Disk full on db01","priority":"1","impact":"1","urgency":"1","state":"1",
       "active":"true","correlation_id":"",
       "caller_id":{"link":"https://dev12345.service-now.com/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441",
                    "value":"6816f79cc0a8016401c5a33be04be441"},
       "assignment_group":"","sys_created_on":"2026-05-01 10:15:00"}\
      """;

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

  static String result(String json) {
    return "{\"result\":" + json + "}";
  }

  ServiceNowConnection connection() {
    return ServiceNowConnection.baseUrl(wm.baseUrl());
  }

  BasicAuthentication auth() {
    return new BasicAuthentication(USER, PASSWORD);
  }

  /**
   * Runs the connector through the SDK: variables as a template produces them, the password as a
   * secret.
   */
  Object run(Map<String, Object> operation) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", Map.of("baseUrl", wm.baseUrl()));
    variables.put(
        "authentication",
        Map.of("type", "basic", "username", USER, "password", "{{secrets.SN_PWD}}"));
    variables.put("operation", operation);
    var context =
        OutboundConnectorContextBuilder.create()
            .variables(variables)
            .secret("SN_PWD", PASSWORD)
            .build();
    return new IncidentHandlerFunction(client).execute(context);
  }

  /** Like {@link #run(Map)} from raw JSON text for the operation. */
  Object runJson(String operationJson) {
    String variables =
        "{\"connection\":{\"baseUrl\":\""
            + wm.baseUrl()
            + "\"},"
            + "\"authentication\":{\"type\":\"basic\",\"username\":\""
            + USER
            + "\",\"password\":\"{{secrets.SN_PWD}}\"},"
            + "\"operation\":"
            + operationJson
            + "}";
    var context =
        OutboundConnectorContextBuilder.create()
            .variables(variables)
            .secret("SN_PWD", PASSWORD)
            .build();
    return new IncidentHandlerFunction(client).execute(context);
  }

  /** The result as process variables would hold it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asVariables(Object result) {
    return TestJson.MAPPER.convertValue(result, Map.class);
  }
}
