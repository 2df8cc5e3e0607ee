package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.SafeText;

/** The watcher's "Changes" choice. */
final class ChangeKinds {

  private ChangeKinds() {}

  static boolean createdOnly(String value) {
    if (value == null || value.isBlank() || value.equals("any")) {
      return false;
    }
    if (value.equals("created")) {
      return true;
    }
    throw new ConnectorInputException(
        "Changes must be 'any' or 'created'; got " + SafeText.quote(value));
  }
}
