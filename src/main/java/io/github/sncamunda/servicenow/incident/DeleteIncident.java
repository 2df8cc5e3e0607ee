package io.github.sncamunda.servicenow.incident;

import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;

/** DELETE /api/now/table/incident/{sys_id}; ServiceNow answers 204 without a body. */
final class DeleteIncident {

  private DeleteIncident() {}

  static DeletedIncident execute(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation.Delete delete) {
    String sysId = IncidentInputs.sysId(delete.sysId());
    client.execute(
        connection, authentication, TableParameters.request(HttpMethod.DELETE, sysId).build());
    return new DeletedIncident(sysId, true);
  }
}
