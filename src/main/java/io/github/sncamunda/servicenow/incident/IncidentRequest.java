package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
 * The connector's input: where, as whom, what to do with the {@code incident} table, and how
 * incidents come back. The authentication records redact their secrets, so {@code toString()} is
 * safe to log.
 *
 * @param options the table options; they travel inside {@code operation} (see {@link
 *     IncidentOptions}), so {@link #bind} reads them from there, never from a variable of their own
 */
public record IncidentRequest(
    @Valid @NestedProperties(addNestedPath = true) ServiceNowConnection connection,
    @Valid @NotNull ServiceNowAuthentication authentication,
    @Valid @NotNull IncidentOperation operation,
    @JsonIgnore @NestedProperties(addNestedPath = false) IncidentOptions options) {

  /** A request with the default table options. */
  public IncidentRequest(
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation operation) {
    this(connection, authentication, operation, null);
  }

  /** Binds the job's variables; binding failures become input errors (see {@link InputBinding}). */
  static IncidentRequest bind(OutboundConnectorContext context) {
    IncidentRequest request =
        InputBinding.bind(
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
    IncidentOptions options =
        InputBinding.bind(context, OptionsInOperation.class, e -> Optional.empty()).operation();
    return new IncidentRequest(
        request.connection(), request.authentication(), request.operation(), options);
  }

  /** The variables as the table options see them: inside {@code operation}. */
  record OptionsInOperation(IncidentOptions operation) {}
}
