package io.github.sncamunda.servicenow.record;

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
 * The Record Handler's input: where, as whom, which table, what to do, and how records come back.
 * The authentication records redact their secrets and the operations hide payloads, so {@code
 * toString()} is safe to log.
 */
public record RecordRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NestedProperties(addNestedPath = true) TableChoice table,
    @Valid @NotNull RecordOperation operation,
    @Valid @NestedProperties(addNestedPath = true) RecordOptions options) {

  /** Binds the job's variables; binding failures become input errors (see {@link InputBinding}). */
  static RecordRequest bind(OutboundConnectorContext context) {
    return InputBinding.bind(
        context,
        RecordRequest.class,
        e -> {
          if (!InputBinding.isTypeIdOf(e, RecordOperation.class)) {
            return Optional.empty();
          }
          String typeId = ((InvalidTypeIdException) e).getTypeId();
          return Optional.of(
              typeId == null
                  ? "Operation is required: one of " + RecordTexts.VALID_IDS
                  : "Unknown operation "
                      + SafeText.quote(typeId)
                      + "; use one of "
                      + RecordTexts.VALID_IDS);
        });
  }
}
