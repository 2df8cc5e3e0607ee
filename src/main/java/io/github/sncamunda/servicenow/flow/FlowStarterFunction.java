package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;

/** Triggers a ServiceNow Flow Designer flow through its REST API trigger. */
@OutboundConnector(
    name = "ServiceNow Flow Starter",
    inputVariables = {"connection", "authentication", "flow"},
    type = "io.github.sncamunda:servicenow-flow-starter:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.flow",
    name = "ServiceNow Flow Starter",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = FlowStarterRequest.class,
    icon = "servicenow.svg",
    documentationRef = "https://github.com/sncamunda/servicenow-connectors#servicenow-flow-starter",
    description =
        "Trigger ServiceNow flows from Camunda processes using the ServiceNow Flow Starter.",
    propertyGroups = {
      @PropertyGroup(id = "instance", label = "Instance"),
      @PropertyGroup(id = "flow", label = "Flow trigger"),
      @PropertyGroup(id = "authentication", label = "Authentication"),
      @PropertyGroup(id = "connection", label = "Connection")
    })
public class FlowStarterFunction implements OutboundConnectorFunction {

  private final FlowStarter starter;

  public FlowStarterFunction() {
    this(ServiceNowClient.shared());
  }

  public FlowStarterFunction(ServiceNowClient client) {
    this.starter = new FlowStarter(client);
  }

  @Override
  public Object execute(OutboundConnectorContext context) {
    return starter.start(FlowStarterRequest.bind(context));
  }
}
