package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/now/table/incident. With a correlation ID, an existing incident carrying it is returned
 * instead, so a job retried after a lost response does not open a second incident. Two jobs racing
 * with the same ID can still both create: ServiceNow has no unique constraint on correlation_id.
 */
final class CreateIncident {

  private static final Logger LOG = LoggerFactory.getLogger(CreateIncident.class);
  private static final String CORRELATION_FIELD = "correlation_id";

  private CreateIncident() {}

  static IncidentResult execute(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation.Create create) {
    ObjectNode payload = IncidentInputs.payload(create.payload());
    String correlationId = IncidentInputs.correlationId(create.correlationId());
    ServiceNowRequest lookup = null;
    if (correlationId != null) {
      withCorrelationId(payload, correlationId);
      lookup =
          TableParameters.returning(TableParameters.request(HttpMethod.GET), create)
              .query("sysparm_query", CORRELATION_FIELD + "=" + correlationId)
              .query("sysparm_limit", "1")
              .emptyWhenNoRecord()
              .build();
    }
    ServiceNowRequest insert =
        TableParameters.inputDisplayValue(
                TableParameters.returning(TableParameters.request(HttpMethod.POST), create),
                create.inputDisplayValue())
            .body(payload)
            .build();

    if (lookup != null) {
      JsonNode existing = findExisting(client, connection, authentication, lookup);
      if (existing != null) {
        LOG.debug("Incident with the given correlation ID exists; not creating another");
        return IncidentRecords.result(existing, null, false);
      }
    }
    ServiceNowResponse response = client.execute(connection, authentication, insert);
    return IncidentRecords.result(IncidentRecords.single(response, insert.describe()), null, true);
  }

  private static void withCorrelationId(ObjectNode payload, String correlationId) {
    JsonNode given = payload.get(CORRELATION_FIELD);
    if (given != null && !given.isNull() && !given.asText().equals(correlationId)) {
      throw new ConnectorInputException(
          "Payload sets correlation_id to a different value than Correlation ID; set only one of"
              + " them, or the same value in both");
    }
    payload.put(CORRELATION_FIELD, correlationId);
  }

  private static JsonNode findExisting(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      ServiceNowRequest lookup) {
    List<JsonNode> found = client.execute(connection, authentication, lookup).records();
    return found != null && !found.isEmpty() && found.get(0).isObject() ? found.get(0) : null;
  }
}
