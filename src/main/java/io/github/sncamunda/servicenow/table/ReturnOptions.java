package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/**
 * How records come back and how payload values are read: {@code sysparm_display_value}, {@code
 * sysparm_exclude_reference_link} (on unless turned off: plain sys_ids are what a process usually
 * wants), {@code sysparm_fields} and, for writes, {@code sysparm_input_display_value}. ServiceNow's
 * defaults are left implicit.
 */
public record ReturnOptions(
    String displayValue, Boolean excludeReferenceLink, String fields, Boolean inputDisplayValue) {

  public static final ReturnOptions DEFAULTS = new ReturnOptions(null, null, null, null);

  /** Adds the options for reading records; checks them first. */
  ServiceNowRequest.Builder applyTo(ServiceNowRequest.Builder request) {
    String display = TableInputs.displayValue(displayValue);
    if (!display.equals("false")) {
      request.query("sysparm_display_value", display);
    }
    if (!Boolean.FALSE.equals(excludeReferenceLink)) {
      request.query("sysparm_exclude_reference_link", "true");
    }
    request.query("sysparm_fields", TableInputs.fields(fields));
    return request;
  }

  /** Adds the options for writing records: the read options plus input display value. */
  ServiceNowRequest.Builder applyToWrite(ServiceNowRequest.Builder request) {
    applyTo(request);
    if (Boolean.TRUE.equals(inputDisplayValue)) {
      request.query("sysparm_input_display_value", "true");
    }
    return request;
  }

  /**
   * The same options for an operation that reports a {@link RecordResult}: an explicit field list
   * also names {@code sys_id} and {@code number}, which the result lifts out of the record.
   */
  ReturnOptions withRecordIdentity() {
    return withField("sys_id").withField("number");
  }

  /** The same options, with {@code field} added to an explicit field list. */
  ReturnOptions withField(String field) {
    String listed = TableInputs.fields(fields);
    if (listed == null || ("," + listed + ",").contains("," + field + ",")) {
      return this;
    }
    return new ReturnOptions(
        displayValue, excludeReferenceLink, listed + "," + field, inputDisplayValue);
  }
}
