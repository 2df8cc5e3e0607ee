package io.github.sncamunda.servicenow.attachment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.sncamunda.servicenow.table.Records;
import java.util.Map;

/**
 * An attachment as ServiceNow describes it. {@code skipped} is true on an upload that found the
 * same file (name and size) already attached, and left out otherwise.
 */
public record Attachment(
    String sysId,
    String fileName,
    Long sizeBytes,
    String contentType,
    String tableName,
    String tableSysId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean skipped) {

  static Attachment of(Map<String, Object> record) {
    return new Attachment(
        text(record, "sys_id"),
        text(record, "file_name"),
        size(record),
        text(record, "content_type"),
        text(record, "table_name"),
        text(record, "table_sys_id"),
        null);
  }

  Attachment asSkipped() {
    return new Attachment(sysId, fileName, sizeBytes, contentType, tableName, tableSysId, true);
  }

  private static String text(Map<String, Object> record, String field) {
    return Records.value(record.get(field));
  }

  private static Long size(Map<String, Object> record) {
    String value = text(record, "size_bytes");
    try {
      return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
