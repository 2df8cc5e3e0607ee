package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The connector's input: where, as whom, and what to do with the {@code incident} table. The
 * authentication records redact their secrets, so {@code toString()} is safe to log.
 */
public record IncidentRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull IncidentOperation operation) {}
