package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;

/**
 * The wait event's properties. {@code waitFor.recordId} arrives here as the unevaluated expression;
 * each waiting instance evaluates it against its own variables ({@link WaitingInstance}).
 */
public record WaitRequest(
    @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    ServiceNowAuthentication authentication,
    @NestedProperties(addNestedPath = true) WatchedTable table,
    @NestedProperties(addNestedPath = true) WaitSettings waitFor) {}
