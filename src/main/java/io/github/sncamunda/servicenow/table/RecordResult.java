package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One record: its sys_id and number lifted out for easy mapping, the whole record as ServiceNow
 * returned it, and for Create whether a new record was made ({@code false} when one with the same
 * correlation id already existed).
 */
public record RecordResult(
    String sysId,
    String number,
    Map<String, Object> record,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean created) {

  static RecordResult of(Map<String, Object> record, String fallbackSysId, Boolean created) {
    String sysId = Records.value(record.get("sys_id"));
    return new RecordResult(
        sysId == null ? fallbackSysId : sysId,
        Records.value(record.get("number")),
        record,
        created);
  }
}
