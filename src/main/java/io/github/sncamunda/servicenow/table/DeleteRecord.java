package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.client.HttpMethod;

/** DELETE /api/now/table/{table}/{sys_id}; ServiceNow answers 204 without a body. */
public final class DeleteRecord {

  private DeleteRecord() {}

  public static DeletedRecord execute(TableSession session, Table table, String sysId) {
    String id = TableInputs.sysId(sysId, table);
    session.execute(TableSession.request(HttpMethod.DELETE, table, id).build());
    return new DeletedRecord(id, true);
  }
}
