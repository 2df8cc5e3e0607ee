package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.SafeText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The inbound inputs typed as text: ISO-8601 durations, page sizes, field lists. */
final class Durations {

  /** The template's pattern for a duration field. */
  static final String PATTERN = "^(=.*|P(T(\\d+H)?(\\d+M)?(\\d+S)?|\\d+D)|)$";

  static final String PATTERN_MESSAGE = "must be an ISO-8601 duration such as PT30S, PT5M or PT1H";

  private Durations() {}

  static Duration parse(String value, Duration fallback, String label) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ConnectorInputException(
          label + " " + PATTERN_MESSAGE + "; got " + SafeText.quote(value));
    }
  }

  static int pageSize(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int size = Integer.parseInt(value.strip());
      if (size >= 1 && size <= 1000) {
        return size;
      }
    } catch (NumberFormatException notANumber) {
      // the error below
    }
    throw new ConnectorInputException(
        "Page size must be a number from 1 to 1000; got " + SafeText.quote(value));
  }

  static List<String> fields(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> fields =
        Arrays.stream(value.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    for (String field : fields) {
      if (!field.matches("[a-z][a-z0-9_.]{0,79}")) {
        throw new ConnectorInputException(
            "Fields must be column names separated by commas, e.g. number,short_description,state;"
                + " got "
                + SafeText.quote(field));
      }
    }
    return fields;
  }
}
