package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/** GET /api/now/table/{table}/{sys_id}; a missing or hidden record fails with error code "404". */
public final class ReadRecord {

  private ReadRecord() {}

  public static RecordResult execute(
      TableSession session, Table table, String sysId, ReturnOptions options) {
    String id = TableInputs.sysId(sysId, table);
    ServiceNowRequest request =
        options
            .withRecordIdentity()
            .applyTo(TableSession.request(HttpMethod.GET, table, id))
            .build();
    return RecordResult.of(Records.single(session.execute(request), request.describe()), id, null);
  }
}
