package io.github.sncamunda.servicenow.record;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.TemplateGroups;

/**
 * Creates, reads, updates, deletes and searches records of any ServiceNow table, adds and reads
 * work notes and comments, orders catalog items, and moves attachments to and from Camunda
 * documents.
 */
@OutboundConnector(
    name = "ServiceNow Record Handler",
    inputVariables = {"connection", "authentication", "table", "operation", "options"},
    type = "io.github.sncamunda:servicenow-record:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.record",
    name = "ServiceNow Record Handler",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = RecordRequest.class,
    icon = "icons/record-handler.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#servicenow-record-handler",
    description =
        "Create, read, update, delete and search records of any ServiceNow table, add work notes"
            + " and comments, order catalog items, and attach documents from Camunda processes.",
    propertyGroups = {
      @PropertyGroup(
          id = "operation",
          label = "Operation",
          tooltip = "What to do with the table's records, and the values it needs"),
      @PropertyGroup(
          id = "table",
          label = "Table",
          tooltip = "The table whose records the operation works on"),
      @PropertyGroup(id = "instance", label = "Instance", tooltip = TemplateGroups.INSTANCE),
      @PropertyGroup(
          id = "options",
          label = "Record options",
          tooltip = "How records come back from ServiceNow"),
      @PropertyGroup(
          id = "authentication",
          label = "Authentication",
          tooltip = TemplateGroups.AUTHENTICATION),
      @PropertyGroup(id = "connection", label = "Connection", tooltip = TemplateGroups.CONNECTION)
    })
public class RecordHandlerFunction implements OutboundConnectorFunction {

  private final ServiceNowClient client;

  public RecordHandlerFunction() {
    this(ServiceNowClient.shared());
  }

  public RecordHandlerFunction(ServiceNowClient client) {
    this.client = client;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return RecordOperations.execute(client, context, RecordRequest.bind(context));
  }
}
