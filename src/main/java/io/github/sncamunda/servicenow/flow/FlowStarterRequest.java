package io.github.sncamunda.servicenow.flow;

import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.generator.java.annotation.NestedProperties;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.binding.InputBinding;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.common.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * The Flow Starter's input: where ({@code connection}), as whom ({@code authentication}) and which
 * REST API trigger with what ({@code flow}). The authentication records redact their secrets and
 * {@link FlowTrigger} hides header values and the body, so {@code toString()} is safe to log.
 */
public record FlowStarterRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull @NestedProperties(addNestedPath = true) FlowTrigger flow) {

  /** Binds the job's variables; binding failures become input errors (see {@link InputBinding}). */
  public static FlowStarterRequest bind(OutboundConnectorContext context) {
    return InputBinding.bind(
        context,
        FlowStarterRequest.class,
        e ->
            InputBinding.path(e).endsWith("method")
                ? Optional.of(
                    "Invalid input in "
                        + SafeText.quote(InputBinding.path(e))
                        + ": Method must be one of POST, GET, PUT, PATCH, DELETE")
                : Optional.empty());
  }
}
