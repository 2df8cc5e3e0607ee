package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.sncamunda.servicenow.table.RecordResult;
import java.util.Map;

/**
 * The result of Create, Read and Update: the incident's sys_id and number for easy mapping, the
 * whole record as ServiceNow returned it, and for Create whether a new incident was made ({@code
 * false} when one with the same correlation ID already existed).
 */
public record IncidentResult(
    String sysId,
    String number,
    Map<String, Object> record,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean created) {

  static IncidentResult of(RecordResult record) {
    return new IncidentResult(record.sysId(), record.number(), record.record(), record.created());
  }
}
