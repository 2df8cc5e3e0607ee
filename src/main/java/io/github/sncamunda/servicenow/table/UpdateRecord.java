package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/**
 * PATCH /api/now/table/{table}/{sys_id}: changes only the fields in the payload. After a lost
 * answer the journal is looked at first: a journal field (work notes, comments) appends on every
 * PATCH, so the PATCH is sent again only when none of its entries is there; without journal fields
 * the look finds nothing and the PATCH, setting the same values, is simply sent again.
 */
public final class UpdateRecord {

  private UpdateRecord() {}

  public static RecordResult execute(
      TableSession session, Table table, String sysId, Object payload, ReturnOptions options) {
    String id = TableInputs.sysId(sysId, table);
    ObjectNode fields = TableInputs.payload(payload, table);
    return patch(session, table, id, fields, options);
  }

  static RecordResult patch(
      TableSession session, Table table, String sysId, ObjectNode fields, ReturnOptions options) {
    ServiceNowRequest request =
        options
            .withRecordIdentity()
            .applyToWrite(TableSession.request(HttpMethod.PATCH, table, sysId))
            .body(fields)
            .lookFirst(Looks.journal(session, table, sysId, fields, options))
            .build();
    return RecordResult.of(
        Records.single(session.execute(request), request.describe()), sysId, null);
  }
}
