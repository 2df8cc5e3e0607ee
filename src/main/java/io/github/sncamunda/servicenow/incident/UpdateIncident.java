package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/** PATCH /api/now/table/incident/{sys_id}: changes only the fields in the payload. */
final class UpdateIncident {

  private UpdateIncident() {}

  static IncidentResult execute(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation.Update update) {
    String sysId = IncidentInputs.sysId(update.sysId());
    ObjectNode payload = IncidentInputs.payload(update.payload());
    ServiceNowRequest request =
        TableParameters.inputDisplayValue(
                TableParameters.returning(TableParameters.request(HttpMethod.PATCH, sysId), update),
                update.inputDisplayValue())
            .body(payload)
            .build();
    var response = client.execute(connection, authentication, request);
    return IncidentRecords.result(
        IncidentRecords.single(response, request.describe()), sysId, null);
  }
}
