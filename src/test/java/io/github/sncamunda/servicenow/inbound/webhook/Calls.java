package io.github.sncamunda.servicenow.inbound.webhook;

import io.camunda.connector.api.inbound.webhook.Part;
import io.camunda.connector.api.inbound.webhook.WebhookProcessingPayload;
import io.camunda.connector.runtime.test.inbound.InboundConnectorContextBuilder;
import io.camunda.connector.runtime.test.inbound.InboundConnectorContextBuilder.TestInboundConnectorContext;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Webhook calls and activation contexts for the unit tests. */
final class Calls {

  static final String SECRET = "whsec-Unit+Known/Value-5f1e";
  static final String PATH = "sn-unit";

  private Calls() {}

  record Call(Map<String, String> headers, byte[] rawBody) implements WebhookProcessingPayload {
    @Override
    public String requestURL() {
      return "http://localhost/inbound/" + PATH;
    }

    @Override
    public String method() {
      return "POST";
    }

    @Override
    public Map<String, String> params() {
      return Map.of();
    }

    @Override
    public Collection<Part> parts() {
      return List.of();
    }
  }

  static byte[] body(String table, String sysId, long modCount) {
    return ("{\"version\":1,\"table\":\""
            + table
            + "\",\"sys_id\":\""
            + sysId
            + "\",\"sys_mod_count\":"
            + modCount
            + ",\"operation\":\"update\",\"sys_updated_on\":\"2026-12-07 03:12:44\","
            + "\"record\":{\"number\":\"CHG0030001\",\"approval\":\"approved\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Call signed(long timestamp, byte[] body) {
    return new Call(TestSigner.headers(SECRET, timestamp, body), body);
  }

  /** An activation context as the runtime builds it: nested inbound.*, the secret as reference. */
  static TestInboundConnectorContext context(Map<String, Object> overrides) {
    return context(overrides, SECRET);
  }

  static TestInboundConnectorContext context(Map<String, Object> overrides, String secret) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>();
    properties.put("inbound", Map.of("type", ServiceNowWebhook.TYPE, "context", PATH));
    properties.put("secret", "{{secrets.snWebhookSecret}}");
    properties.put("messageIdExpression", "=connectorData.messageId");
    properties.putAll(overrides);
    return InboundConnectorContextBuilder.create()
        .properties(properties)
        .secret("snWebhookSecret", secret)
        .secret("snShort", "too-short")
        .build();
  }
}
