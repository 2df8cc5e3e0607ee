package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder;
import io.github.sncamunda.servicenow.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds job variables the way the element template produces them, bound through the SDK. */
final class FlowTestSupport {

  static final String USERNAME = "flow.user";
  static final String PASSWORD = "Pa55-w0rd!-known-secret";
  static final String PATH = "/api/camun/my_flow_name";

  private FlowTestSupport() {}

  /**
   * A flow input with the given path and method; add headers, queryParameters, body with {@link
   * Flow}.
   */
  static Flow flow(String path, String method) {
    return new Flow().with("path", path).with("method", method);
  }

  static Flow post() {
    return flow(PATH, "POST");
  }

  static final class Flow {
    final Map<String, Object> values = new LinkedHashMap<>();
    final Map<String, Object> connection = new LinkedHashMap<>();

    Flow with(String name, Object value) {
      values.put(name, value);
      return this;
    }

    Flow headers(Map<String, ?> headers) {
      return with("headers", headers);
    }

    Flow query(Map<String, ?> query) {
      return with("queryParameters", query);
    }

    Flow body(Object body) {
      return with("body", body);
    }

    Flow timeoutSeconds(int seconds) {
      connection.put("timeoutSeconds", seconds);
      return this;
    }

    /** The job's variables as JSON, with the password as a secret reference. */
    String variables(int port) {
      Map<String, Object> conn = new LinkedHashMap<>();
      conn.put("baseUrl", "http://localhost:" + port);
      conn.putAll(connection);
      Map<String, Object> auth = new LinkedHashMap<>();
      auth.put("type", "basic");
      auth.put("username", USERNAME);
      auth.put("password", "{{secrets.SN_PWD}}");
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("connection", conn);
      variables.put("authentication", auth);
      variables.put("flow", values);
      return new String(Json.write(variables), java.nio.charset.StandardCharsets.UTF_8);
    }

    OutboundConnectorContext context(int port) {
      return OutboundConnectorContextBuilder.create()
          .variables(variables(port))
          .secret("SN_PWD", PASSWORD)
          .build();
    }
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
