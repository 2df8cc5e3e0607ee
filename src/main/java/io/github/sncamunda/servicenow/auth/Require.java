package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.api.error.ConnectorInputException;

final class Require {

  private Require() {}

  static void present(String value, String label) {
    if (value == null || value.isBlank()) {
      throw new ConnectorInputException("Authentication: '" + label + "' is required");
    }
  }
}
