package io.github.sncamunda.servicenow.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.webhook.MappedHttpRequest;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorExecutable;
import io.camunda.connector.api.inbound.webhook.WebhookHttpResponse;
import io.camunda.connector.api.inbound.webhook.WebhookProcessingPayload;
import io.camunda.connector.api.inbound.webhook.WebhookResult;
import io.camunda.connector.api.inbound.webhook.WebhookResultContext;
import java.util.Map;
import java.util.function.Function;

/**
 * A test webhook: the runtime serves it under {@code /inbound/{inbound.context}}; it hands the JSON
 * body to the runtime's correlation (the element's {@code messageIdExpression} and {@code
 * resultExpression} apply) and answers 202 with whether the runtime correlated it.
 */
@InboundConnector(name = "Test webhook", type = TestWebhookConnector.TYPE)
public class TestWebhookConnector implements WebhookConnectorExecutable {

  public static final String TYPE = "io.github.sncamunda.test:webhook:1";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public WebhookResult triggerWebhook(WebhookProcessingPayload payload) throws Exception {
    Map<String, Object> body = JSON.readValue(payload.rawBody(), new TypeReference<>() {});
    MappedHttpRequest request = new MappedHttpRequest(body, payload.headers(), payload.params());
    return new WebhookResult() {
      @Override
      public MappedHttpRequest request() {
        return request;
      }

      @Override
      public Function<WebhookResultContext, WebhookHttpResponse> response() {
        // the runtime passes no correlation for a message it had already seen (same message id)
        return context ->
            new WebhookHttpResponse(
                Map.of("received", true, "correlated", context.correlation() != null),
                Map.of(),
                202);
      }
    };
  }
}
