package io.github.sncamunda.servicenow.inbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.TestJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four webhook templates and the connector agree: the job-less inbound type, the path under
 * {@code inbound.context}, and a default Message ID expression that reads the message ID the
 * connector puts into {@code connectorData}; the webhook URL is in the description.
 */
class WebhookTemplatesTest {

  private static final List<String> TEMPLATES =
      List.of(
          "servicenow-webhook-message-start-event.json",
          "servicenow-webhook-intermediate-catch-event.json",
          "servicenow-webhook-boundary-event.json",
          "servicenow-webhook-receive-task.json");

  @Test
  void everyTemplateReadsWhatTheConnectorWrites() throws Exception {
    for (String name : TEMPLATES) {
      JsonNode template = TestJson.MAPPER.readTree(Path.of("element-templates", name).toFile());
      assertThat(template.path("description").asText())
          .as(name)
          .contains("https://<your connectors runtime>/inbound/<Webhook path>");
      assertThat(value(template, "inbound.type")).as(name).isEqualTo(ServiceNowWebhook.TYPE);
      assertThat(
              property(template, "inbound.context")
                  .path("constraints")
                  .path("notEmpty")
                  .asBoolean())
          .isTrue();
      assertThat(value(template, "messageIdExpression"))
          .as(name)
          .isEqualTo("=connectorData." + WebhookReceiver.MESSAGE_ID);
      assertThat(property(template, "secret").path("placeholder").asText())
          .isEqualTo("{{secrets.snWebhookSecret}}");
      assertThat(template.path("steps")).as(name).hasSize(1);
      assertThat(template.path("keywords").toString()).contains("webhook");
    }
  }

  private static String value(JsonNode template, String binding) {
    return property(template, binding).path("value").asText();
  }

  private static JsonNode property(JsonNode template, String binding) {
    for (JsonNode property : template.path("properties")) {
      if (binding.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError("no property bound to " + binding);
  }
}
