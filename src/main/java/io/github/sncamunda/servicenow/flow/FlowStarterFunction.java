package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.generator.dsl.BpmnType;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.ConnectorElementType;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.TemplateGroups;

/**
 * Triggers a ServiceNow Flow Designer flow through its REST API trigger. The template comes as a
 * service task (the original id, so diagrams upgrade), a send task and a message throw event: all
 * three are jobs for the same connector.
 */
@OutboundConnector(
    name = "ServiceNow Flow Starter",
    inputVariables = {"connection", "authentication", "flow"},
    type = "io.github.sncamunda:servicenow-flow-starter:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.flow",
    name = "ServiceNow Flow Starter",
    version = 2,
    engineVersion = "^8.8",
    inputDataClass = FlowStarterRequest.class,
    icon = "icons/flow-starter.svg",
    documentationRef = "https://github.com/sncamunda/servicenow-connectors#servicenow-flow-starter",
    description =
        "Start a ServiceNow Flow Designer flow through its REST API trigger, or call a scripted"
            + " REST API, from Camunda processes.",
    elementTypes = {
      @ConnectorElementType(
          appliesTo = BpmnType.TASK,
          elementType = BpmnType.SERVICE_TASK,
          templateIdOverride = "io.github.sncamunda.servicenow.flow",
          templateNameOverride = "ServiceNow Flow Starter"),
      @ConnectorElementType(
          appliesTo = BpmnType.TASK,
          elementType = BpmnType.SEND_TASK,
          templateIdOverride = "io.github.sncamunda.servicenow.flow:SendTask",
          templateNameOverride = "ServiceNow Flow Starter (send task)"),
      // a message throw event that starts the flow: Zeebe runs it as a job, like a task
      @ConnectorElementType(
          appliesTo = BpmnType.INTERMEDIATE_THROW_EVENT,
          elementType = BpmnType.INTERMEDIATE_THROW_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.flow:IntermediateThrowEvent",
          templateNameOverride = "ServiceNow Flow Starter (message throw event)")
    },
    propertyGroups = {
      @PropertyGroup(id = "instance", label = "Instance", tooltip = TemplateGroups.INSTANCE),
      @PropertyGroup(
          id = "flow",
          label = "Flow trigger",
          tooltip = "Which REST API trigger to call, and what to send"),
      @PropertyGroup(
          id = "authentication",
          label = "Authentication",
          tooltip = TemplateGroups.AUTHENTICATION),
      @PropertyGroup(id = "connection", label = "Connection", tooltip = TemplateGroups.CONNECTION)
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
