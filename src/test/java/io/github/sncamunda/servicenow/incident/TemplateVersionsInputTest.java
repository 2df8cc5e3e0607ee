package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The variables a task sends, built from the committed templates themselves (version 1, frozen in
 * versioned/, and the current version 2): every property active for the chosen operation, at its
 * default unless the user typed a value, nested by its binding. Both versions reach ServiceNow with
 * the same request: version 1 processes keep running, and version 2 reads the table options where
 * version 1 put them.
 */
class TemplateVersionsInputTest extends IncidentWireMockTest {

  private static final String V1 = "versioned/servicenow-incident-handler-1.json";
  private static final String V2 = "servicenow-incident-handler.json";

  @ParameterizedTest
  @ValueSource(strings = {V1, V2})
  void searchWithTableOptions(String file) throws IOException {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", "1")
                    .withBody(result("[" + RECORD + "]"))));

    Object result =
        run(
            file,
            Map.of(
                "operation.operation", "search",
                "operation.query", "active=true",
                "operation.limit", "5",
                "operation.displayValue", "all",
                "operation.excludeReferenceLink", false,
                "operation.fields", "sys_id,number"));

    assertThat(result).isInstanceOf(IncidentSearchResult.class);
    wm.verify(
        getRequestedFor(urlPathEqualTo(TABLE))
            .withQueryParam("sysparm_query", equalTo("active=true"))
            .withQueryParam("sysparm_limit", equalTo("5"))
            .withQueryParam("sysparm_offset", equalTo("0"))
            .withQueryParam("sysparm_display_value", equalTo("all"))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number"))
            .withoutQueryParam("sysparm_exclude_reference_link"));
  }

  @ParameterizedTest
  @ValueSource(strings = {V1, V2})
  void updateWithTheDefaultsAndInputDisplayValue(String file) throws IOException {
    wm.stubFor(
        patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    run(
        file,
        Map.of(
            "operation.operation",
            "update",
            "operation.sysId",
            SYS_ID,
            "operation.payload",
            "{\"caller_id\": \"Abel Tuter\"}",
            "operation.inputDisplayValue",
            true));

    wm.verify(
        patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .withQueryParam("sysparm_input_display_value", equalTo("true"))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withoutQueryParam("sysparm_display_value")
            .withoutQueryParam("sysparm_fields")
            .withRequestBody(equalToJson("{\"caller_id\": \"Abel Tuter\"}")));
  }

  /** Runs the connector with what a task made from {@code file} sends, given the user's values. */
  private Object run(String file, Map<String, Object> typed) throws IOException {
    JsonNode template = new ObjectMapper().readTree(Path.of("element-templates", file).toFile());
    Map<String, Object> byBinding = new LinkedHashMap<>(typed);
    byBinding.put("connection.baseUrl", wm.baseUrl());
    byBinding.put("authentication.username", USER);
    byBinding.put("authentication.password", "{{secrets.SN_PWD}}");

    // a property's value: what the user typed into its binding, else its default
    Map<String, Object> byId = new LinkedHashMap<>();
    for (JsonNode p : template.get("properties")) {
      String binding = p.at("/binding/name").asText();
      if (byBinding.containsKey(binding)) {
        byId.put(p.path("id").asText(), byBinding.get(binding));
      } else if (p.has("value") && !byId.containsKey(p.path("id").asText())) {
        byId.put(p.path("id").asText(), defaultOf(p));
      }
    }

    Map<String, Object> variables = new LinkedHashMap<>();
    int inputs = 0;
    for (JsonNode p : template.get("properties")) {
      if (!p.at("/binding/type").asText().equals("zeebe:input") || !active(p, byId)) {
        continue;
      }
      Object value = byId.get(p.path("id").asText());
      if (value != null) {
        put(variables, p.at("/binding/name").asText(), value);
        inputs++;
      }
    }
    assertThat(inputs).isGreaterThan(typed.size());
    var context =
        OutboundConnectorContextBuilder.create()
            .variables(variables)
            .secret("SN_PWD", PASSWORD)
            .build();
    return new IncidentHandlerFunction(client).execute(context);
  }

  private static Object defaultOf(JsonNode property) {
    JsonNode value = property.get("value");
    return value.isBoolean() ? value.asBoolean() : value.asText();
  }

  /** Simple and allMatch conditions, as the generated templates use them. */
  private static boolean active(JsonNode property, Map<String, Object> byId) {
    JsonNode condition = property.get("condition");
    if (condition == null) {
      return true;
    }
    if (condition.has("allMatch")) {
      for (JsonNode c : condition.get("allMatch")) {
        if (!holds(c, byId)) {
          return false;
        }
      }
      return true;
    }
    return holds(condition, byId);
  }

  private static boolean holds(JsonNode condition, Map<String, Object> byId) {
    String value = String.valueOf(byId.get(condition.get("property").asText()));
    if (condition.has("equals")) {
      return condition.get("equals").asText().equals(value);
    }
    for (JsonNode option : condition.get("oneOf")) {
      if (option.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> variables, String dotted, Object value) {
    String[] path = dotted.split("\\.");
    Map<String, Object> at = variables;
    for (int i = 0; i < path.length - 1; i++) {
      at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
    }
    at.put(path[path.length - 1], value);
  }
}
