package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.TemplateGroups;

/** Creates, reads, updates, deletes and searches ServiceNow incidents through the Table API. */
@OutboundConnector(
    name = "ServiceNow Incident Handler",
    inputVariables = {"connection", "authentication", "operation"},
    type = "io.github.sncamunda:servicenow-incident:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.incident",
    name = "ServiceNow Incident Handler",
    version = 2,
    engineVersion = "^8.8",
    inputDataClass = IncidentRequest.class,
    icon = "icons/incident-handler.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#servicenow-incident-handler",
    description =
        "Create, read, update, delete and search ServiceNow incidents from Camunda processes.",
    propertyGroups = {
      @PropertyGroup(
          id = "operation",
          label = "Operation",
          tooltip = "What to do with the incident table, and the values it needs"),
      @PropertyGroup(id = "instance", label = "Instance", tooltip = TemplateGroups.INSTANCE),
      @PropertyGroup(
          id = "options",
          label = "Table options",
          tooltip = "How incidents come back from ServiceNow"),
      @PropertyGroup(
          id = "authentication",
          label = "Authentication",
          tooltip = TemplateGroups.AUTHENTICATION),
      @PropertyGroup(id = "connection", label = "Connection", tooltip = TemplateGroups.CONNECTION)
    })
public class IncidentHandlerFunction implements OutboundConnectorFunction {

  private final ServiceNowClient client;

  public IncidentHandlerFunction() {
    this(ServiceNowClient.shared());
  }

  public IncidentHandlerFunction(ServiceNowClient client) {
    this.client = client;
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return IncidentOperations.execute(
        client, context.getJobContext(), IncidentRequest.bind(context));
  }
}
