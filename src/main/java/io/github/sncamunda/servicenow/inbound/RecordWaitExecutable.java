package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.annotation.InboundConnector;
import io.camunda.connector.api.inbound.InboundConnectorExecutable;
import io.camunda.connector.api.inbound.InboundIntermediateConnectorContext;
import io.camunda.connector.generator.dsl.BpmnType;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.generator.java.annotation.ElementTemplate.ConnectorElementType;
import io.camunda.connector.generator.java.annotation.ElementTemplate.PropertyGroup;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.TemplateGroups;

/**
 * Waits until a ServiceNow record matches a condition (e.g. the change the process created is
 * approved), on an intermediate catch or boundary event. All instances waiting at the element are
 * checked together: one {@code sys_idIN…} request per page of them per interval.
 *
 * <p>Implements the intermediate executable interface itself, not through a superclass: the runtime
 * gives an {@link InboundIntermediateConnectorContext} only to classes that declare it.
 */
@InboundConnector(
    name = "Wait for a ServiceNow record",
    type = "io.github.sncamunda:servicenow-record-wait:1")
@ElementTemplate(
    id = "io.github.sncamunda.servicenow.wait",
    name = "Wait for a ServiceNow record",
    version = 1,
    engineVersion = "^8.8",
    inputDataClass = WaitRequest.class,
    icon = "icons/record-wait.svg",
    documentationRef =
        "https://github.com/sncamunda/servicenow-connectors#from-servicenow-to-camunda",
    description =
        "Wait until a ServiceNow record matches a condition, e.g. until the change request the"
            + " process created is approved; checks every waiting instance in one request.",
    elementTypes = {
      @ConnectorElementType(
          appliesTo = {BpmnType.INTERMEDIATE_CATCH_EVENT, BpmnType.INTERMEDIATE_THROW_EVENT},
          elementType = BpmnType.INTERMEDIATE_CATCH_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.wait:IntermediateCatchEvent",
          templateNameOverride = "Wait for a ServiceNow record (intermediate catch)"),
      @ConnectorElementType(
          appliesTo = BpmnType.BOUNDARY_EVENT,
          elementType = BpmnType.BOUNDARY_EVENT,
          templateIdOverride = "io.github.sncamunda.servicenow.wait:BoundaryEvent",
          templateNameOverride = "Wait for a ServiceNow record (boundary)")
    },
    propertyGroups = {
      @PropertyGroup(
          id = "table",
          label = "Table",
          tooltip = "The table of the record the process waits for"),
      @PropertyGroup(
          id = "wait",
          label = "Wait for",
          tooltip = "Which record, and the state it must reach"),
      @PropertyGroup(
          id = "schedule",
          label = "Polling",
          tooltip = "How often the waiting records are checked"),
      @PropertyGroup(id = "instance", label = "Instance", tooltip = TemplateGroups.INSTANCE),
      @PropertyGroup(
          id = "authentication",
          label = "Authentication",
          tooltip = TemplateGroups.AUTHENTICATION),
      @PropertyGroup(id = "connection", label = "Connection", tooltip = TemplateGroups.CONNECTION)
    })
public class RecordWaitExecutable
    implements InboundConnectorExecutable<InboundIntermediateConnectorContext> {

  private final ServiceNowClient client;
  private Poller poller;

  public RecordWaitExecutable() {
    this(ServiceNowClient.shared());
  }

  public RecordWaitExecutable(ServiceNowClient client) {
    this.client = client;
  }

  @Override
  public void activate(InboundIntermediateConnectorContext context) {
    RecordWait wait = RecordWait.bind(client, context);
    poller =
        Poller.started(
            wait.interval(),
            "servicenow-wait-" + context.getDefinition().type(),
            context,
            wait::poll);
  }

  @Override
  public void deactivate() {
    if (poller != null) {
      poller.stop();
    }
  }
}
