package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;

/** Creates, reads, updates, deletes and searches ServiceNow incidents through the Table API. */
@OutboundConnector(
    name = "ServiceNow Incident Handler",
    inputVariables = {"connection", "authentication", "operation"},
    type = "io.github.sncamunda:servicenow-incident:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.incident",
    name = "ServiceNow Incident Handler",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = IncidentRequest.class,
    icon = "servicenow.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#servicenow-incident-handler",
    description =
        "Create, update, or manage incidents in ServiceNow directly from Camunda processes using"
            + " the incident handler connector.",
    propertyGroups = {
      @PropertyGroup(id = "operation", label = "Operation"),
      @PropertyGroup(id = "instance", label = "Instance"),
      @PropertyGroup(id = "options", label = "Table options"),
      @PropertyGroup(id = "authentication", label = "Authentication"),
      @PropertyGroup(id = "connection", label = "Connection")
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
    return IncidentOperations.execute(client, IncidentRequest.bind(context));
  }
}
