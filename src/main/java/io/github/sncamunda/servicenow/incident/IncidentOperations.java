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
    // if/instanceof rather than a pattern switch: main code targets Java 17
    if (operation instanceof IncidentOperation.Create create) {
      return CreateIncident.execute(client, connection, auth, create);
    }
    if (operation instanceof IncidentOperation.Read read) {
      return ReadIncident.execute(client, connection, auth, read);
    }
    if (operation instanceof IncidentOperation.Update update) {
      return UpdateIncident.execute(client, connection, auth, update);
    }
    if (operation instanceof IncidentOperation.Delete delete) {
      return DeleteIncident.execute(client, connection, auth, delete);
    }
    if (operation instanceof IncidentOperation.Search search) {
      return SearchIncidents.execute(client, connection, auth, search);
    }
    throw new ConnectorInputException("Unknown operation; use one of " + TemplateTexts.VALID_IDS);
  }
}
