package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
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
 * The connector's input: where, as whom, and what to do with the {@code incident} table. The
 * authentication records redact their secrets, so {@code toString()} is safe to log.
 */
public record IncidentRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull IncidentOperation operation) {

  /** Binds the job's variables; binding failures become input errors (see {@link InputBinding}). */
  static IncidentRequest bind(OutboundConnectorContext context) {
    return InputBinding.bind(
        context,
        IncidentRequest.class,
        e -> {
          if (!InputBinding.isTypeIdOf(e, IncidentOperation.class)) {
            return Optional.empty();
          }
          String typeId = ((InvalidTypeIdException) e).getTypeId();
          return Optional.of(
              typeId == null
                  ? "Operation is required: one of " + TemplateTexts.VALID_IDS
                  : "Unknown operation "
                      + SafeText.quote(typeId)
                      + "; use one of "
                      + TemplateTexts.VALID_IDS);
        });
  }
}
