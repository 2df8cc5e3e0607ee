package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.SafeText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The TTL the runtime publishes this element's messages with: its {@code messageTtl} property, else
 * the runtime's default ({@code camunda.connector.inbound.message.ttl}, PT1H unless changed).
 */
final class MessageTtl {

  static final Duration RUNTIME_DEFAULT = Duration.ofHours(1);

  private MessageTtl() {}

  static Duration of(Map<String, Object> properties) {
    Object value = properties == null ? null : properties.get("messageTtl");
    if (value == null || value.toString().isBlank()) {
      return RUNTIME_DEFAULT;
    }
    try {
      return Duration.parse(value.toString().strip());
    } catch (DateTimeParseException e) {
      throw new ConnectorInputException(
          "Message TTL must be an ISO-8601 duration such as PT1H; got "
              + SafeText.quote(value.toString()));
    }
  }
}
