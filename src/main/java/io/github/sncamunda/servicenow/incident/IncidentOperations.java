package io.github.sncamunda.servicenow.incident;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;

/** Routes a request to the class handling its operation. */
final class IncidentOperations {

  private IncidentOperations() {}

  static Object execute(ServiceNowClient client, IncidentRequest request) {
    if (request == null || request.operation() == null) {
      throw new ConnectorInputException("Operation is required: one of " + TemplateTexts.VALID_IDS);
    }
    ServiceNowConnection connection = request.connection();
    ServiceNowAuthentication auth = request.authentication();
    IncidentOperation operation = request.operation();
    return switch (operation) {
      case IncidentOperation.Create create ->
          CreateIncident.execute(client, connection, auth, create);
      case IncidentOperation.Read read -> ReadIncident.execute(client, connection, auth, read);
      case IncidentOperation.Update update ->
          UpdateIncident.execute(client, connection, auth, update);
      case IncidentOperation.Delete delete ->
          DeleteIncident.execute(client, connection, auth, delete);
      case IncidentOperation.Search search ->
          SearchIncidents.execute(client, connection, auth, search);
    };
  }
}
