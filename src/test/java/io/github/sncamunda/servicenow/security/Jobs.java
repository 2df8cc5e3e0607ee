package io.github.sncamunda.servicenow.security;

import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.TestJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** Job variables shaped like the templates write them, with credentials as secret references. */
final class Jobs {

  static final String PASSWORD = "attack-matrix-PASSWORD-5f1e";

  private Jobs() {}

  static Map<String, Object> basicAuth() {
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("type", "basic");
    auth.put("username", "svc.camunda");
    auth.put("password", "{{secrets.SN_PWD}}");
    return auth;
  }

  static Map<String, Object> connection(String instanceName, String baseUrl) {
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("instanceName", instanceName);
    connection.put("baseUrl", baseUrl);
    return connection;
  }

  static OutboundConnectorContext context(Map<String, Object> variables) {
    String json;
    try {
      json = TestJson.MAPPER.writeValueAsString(variables);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return OutboundConnectorContextBuilder.create()
        .variables(json)
        .secret("SN_PWD", PASSWORD)
        .build();
  }

  static Map<String, Object> incident(
      Map<String, Object> connection, Map<String, Object> operation) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", connection);
    variables.put("authentication", basicAuth());
    variables.put("operation", operation);
    return variables;
  }

  static Map<String, Object> record(
      Map<String, Object> connection, Map<String, Object> table, Map<String, Object> operation) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", connection);
    variables.put("authentication", basicAuth());
    variables.put("table", table);
    variables.put("operation", operation);
    return variables;
  }

  static Map<String, Object> flow(Map<String, Object> connection, Map<String, Object> flow) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("connection", connection);
    variables.put("authentication", basicAuth());
    variables.put("flow", flow);
    return variables;
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  /** {"a":{"a":{…}}} nested {@code depth} levels. */
  static Map<String, Object> nested(int depth) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < depth; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      current.put("a", next);
      current = next;
    }
    current.put("short_description", "deep");
    return root;
  }
}
