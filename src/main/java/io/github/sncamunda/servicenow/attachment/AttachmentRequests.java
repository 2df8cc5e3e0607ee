package io.github.sncamunda.servicenow.attachment;

import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.table.Table;

/** The Attachment API's requests: /api/now/attachment… */
final class AttachmentRequests {

  private AttachmentRequests() {}

  static ServiceNowRequest.Builder attachment(HttpMethod method, String... more) {
    ServiceNowRequest.Builder request =
        ServiceNowRequest.builder(method, "api", "now", "attachment");
    for (String segment : more) {
      request.segment(segment);
    }
    return request;
  }

  /** The attachments of one record, optionally with one exact file name, oldest first. */
  static ServiceNowRequest list(Table table, String sysId, String fileName, int limit, int offset) {
    String query =
        "table_name="
            + table.name()
            + "^table_sys_id="
            + sysId
            + (fileName == null ? "" : "^file_name=" + fileName.replace("^", "^^"))
            + "^ORDERBYsys_created_on";
    return attachment(HttpMethod.GET)
        .query("sysparm_query", query)
        .query("sysparm_limit", String.valueOf(limit))
        .query("sysparm_offset", String.valueOf(offset))
        .emptyWhenNoRecord()
        .build();
  }
}
