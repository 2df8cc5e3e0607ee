package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.InboundConnectorContext;
import io.camunda.connector.api.inbound.InboundConnectorExecutable;
import io.camunda.connector.generator.dsl.BpmnType;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.ConnectorElementType;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.TemplateGroups;

/**
 * Starts a process for each change of the records of a ServiceNow table that match a filter, by
 * polling the Table API. Every runtime replica polls; the message ID {@code
 * table:sys_id:sys_mod_count} makes the engine start one instance per change.
 */
@InboundConnector(
    name = "ServiceNow Record Watcher",
    type = "io.github.sncamunda:servicenow-record-watcher:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.watcher",
    name = "ServiceNow Record Watcher",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = WatchRequest.class,
    icon = "icons/record-watcher.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#from-servicenow-to-camunda",
    description =
        "Start a process when a ServiceNow record is created or changed: polls the Table API,"
            + " one instance per change, safe with several runtime replicas.",
    elementTypes = {
      @ConnectorElementType(
          appliesTo = BpmnType.START_EVENT,
          elementType = BpmnType.MESSAGE_START_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.watcher:MessageStartEvent",
          templateNameOverride = "ServiceNow Record Watcher (message start)")
    },
    propertyGroups = {
      @PropertyGroup(
          id = "table",
          label = "Table",
          tooltip = "The table whose records are watched"),
      @PropertyGroup(
          id = "watch",
          label = "What to watch",
          tooltip = "Which changes start a process, and which columns it gets"),
      @PropertyGroup(
          id = "schedule",
          label = "Polling",
          tooltip = "How often ServiceNow is asked, and how far each poll reads back"),
      @PropertyGroup(id = "instance", label = "Instance", tooltip = TemplateGroups.INSTANCE),
      @PropertyGroup(
          id = "authentication",
          label = "Authentication",
          tooltip = TemplateGroups.AUTHENTICATION),
      @PropertyGroup(id = "connection", label = "Connection", tooltip = TemplateGroups.CONNECTION)
    })
public class RecordWatcherExecutable
    implements InboundConnectorExecutable<InboundConnectorContext> {

  private final ServiceNowClient client;
  private Poller poller;

  public RecordWatcherExecutable() {
    this(ServiceNowClient.shared());
  }

  public RecordWatcherExecutable(ServiceNowClient client) {
    this.client = client;
  }

  @Override
  public void activate(InboundConnectorContext context) {
    RecordWatcher watcher = RecordWatcher.bind(client, context);
    poller =
        Poller.started(
            watcher.settings().interval(),
            "servicenow-watch-" + watcher.settings().table(),
            context,
            watcher::poll);
  }

  @Override
  public void deactivate() {
    if (poller != null) {
      poller.stop();
    }
  }
}
