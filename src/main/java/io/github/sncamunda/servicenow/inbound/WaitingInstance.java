package io.github.sncamunda.servicenow.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.camunda.connector.api.annotation.FEEL;

/** What one waiting instance's variables make of the element's properties. */
@JsonIgnoreProperties(ignoreUnknown = true)
record WaitingInstance(Wait waitFor) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Wait(@FEEL Object recordId) {}

  /** The sys_id as text, or null when the expression gave none. */
  String recordId() {
    Object value = waitFor == null ? null : waitFor.recordId();
    return value == null ? null : value.toString();
  }
}
