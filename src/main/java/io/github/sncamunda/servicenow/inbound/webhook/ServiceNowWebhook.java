package io.github.sncamunda.servicenow.inbound.webhook;

import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.InboundConnectorContext;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorExecutable;
import io.camunda.connector.api.inbound.webhook.WebhookProcessingPayload;
import io.camunda.connector.api.inbound.webhook.WebhookResult;
import io.camunda.connector.generator.dsl.BpmnType;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.ConnectorElementType;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import java.time.Clock;

/**
 * ServiceNow calls {@code /inbound/<path>} the moment a record changes (the script include and
 * business rule in {@code servicenow/}); the call is signed and checked against a time window, and
 * the engine drops a change that was already delivered, by its message ID.
 */
@InboundConnector(name = "ServiceNow Webhook", type = ServiceNowWebhook.TYPE)
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.webhook",
    name = "ServiceNow Webhook",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = WebhookProperties.class,
    icon = "icons/webhook.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#from-servicenow-to-camunda",
    description =
        "Start or continue a process the moment a ServiceNow record changes: ServiceNow posts a"
            + " signed call to https://<your connectors runtime>/inbound/<Webhook path> (install"
            + " the update set from the repository's servicenow/ folder).",
    elementTypes = {
      @ConnectorElementType(
          appliesTo = BpmnType.START_EVENT,
          elementType = BpmnType.MESSAGE_START_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.webhook:MessageStartEvent",
          templateNameOverride = "ServiceNow Webhook (message start event)"),
      @ConnectorElementType(
          appliesTo = {BpmnType.INTERMEDIATE_CATCH_EVENT, BpmnType.INTERMEDIATE_THROW_EVENT},
          elementType = BpmnType.INTERMEDIATE_CATCH_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.webhook:IntermediateCatchEvent",
          templateNameOverride = "ServiceNow Webhook (intermediate catch event)"),
      @ConnectorElementType(
          appliesTo = BpmnType.BOUNDARY_EVENT,
          elementType = BpmnType.BOUNDARY_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.webhook:BoundaryEvent",
          templateNameOverride = "ServiceNow Webhook (boundary event)"),
      @ConnectorElementType(
          appliesTo = BpmnType.RECEIVE_TASK,
          elementType = BpmnType.RECEIVE_TASK,
          templateIdOverride = "io.github.sncamunda.servicenow.webhook:ReceiveTask",
          templateNameOverride = "ServiceNow Webhook (receive task)")
    },
    propertyGroups = {
      @PropertyGroup(
          id = "endpoint",
          label = "Webhook",
          tooltip = "Where ServiceNow posts, and the secret it signs with")
    })
public class ServiceNowWebhook implements WebhookConnectorExecutable {

  public static final String TYPE = "io.github.sncamunda:servicenow-webhook:1";

  private final Clock clock;
  private volatile WebhookReceiver receiver;

  public ServiceNowWebhook() {
    this(Clock.systemUTC());
  }

  ServiceNowWebhook(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void activate(InboundConnectorContext context) {
    receiver = WebhookReceiver.activate(context.bindProperties(WebhookProperties.class), clock);
  }

  @Override
  public WebhookResult triggerWebhook(WebhookProcessingPayload payload) {
    return receiver.receive(payload);
  }
}
