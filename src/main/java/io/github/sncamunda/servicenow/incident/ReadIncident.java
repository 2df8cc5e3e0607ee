package io.github.sncamunda.servicenow.incident;

import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/**
 * GET /api/now/table/incident/{sys_id}; a missing or hidden incident fails with error code "404".
 */
final class ReadIncident {

  private ReadIncident() {}

  static IncidentResult execute(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation.Read read) {
    String sysId = IncidentInputs.sysId(read.sysId());
    ServiceNowRequest request =
        TableParameters.returning(TableParameters.request(HttpMethod.GET, sysId), read).build();
    var response = client.execute(connection, authentication, request);
    return IncidentRecords.result(
        IncidentRecords.single(response, request.describe()), sysId, null);
  }
}
