package io.github.sncamunda.servicenow.incident;

import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;

/** Builds requests to the Table API's incident table with the options the user chose. */
final class TableParameters {

  static final String TABLE = "incident";

  private TableParameters() {}

  static ServiceNowRequest.Builder request(HttpMethod method) {
    return ServiceNowRequest.builder(method, "api", "now", "table", TABLE);
  }

  static ServiceNowRequest.Builder request(HttpMethod method, String sysId) {
    return request(method).segment(sysId);
  }

  /**
   * Adds sysparm_display_value, sysparm_exclude_reference_link and sysparm_fields; ServiceNow's
   * defaults are left implicit.
   */
  static ServiceNowRequest.Builder returning(
      ServiceNowRequest.Builder request, IncidentOperation.ReturnsRecords options) {
    String displayValue = IncidentInputs.displayValue(options.displayValue());
    if (!displayValue.equals("false")) {
      request.query("sysparm_display_value", displayValue);
    }
    // our default differs from ServiceNow's: plain sys_ids are what a process usually wants
    if (!Boolean.FALSE.equals(options.excludeReferenceLink())) {
      request.query("sysparm_exclude_reference_link", "true");
    }
    request.query("sysparm_fields", IncidentInputs.fields(options.fields()));
    return request;
  }

  static ServiceNowRequest.Builder inputDisplayValue(
      ServiceNowRequest.Builder request, Boolean inputDisplayValue) {
    if (Boolean.TRUE.equals(inputDisplayValue)) {
      request.query("sysparm_input_display_value", "true");
    }
    return request;
  }
}
