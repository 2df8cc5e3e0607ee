package io.github.sncamunda.servicenow.inbound.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorException;
import io.github.sncamunda.servicenow.common.Json;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A call's body in payload format {@value #VERSION} (servicenow/README.md): a JSON object with
 * {@code version}, {@code table}, {@code sys_id}, {@code sys_mod_count}, {@code operation}, {@code
 * sys_updated_on} and {@code record}. Only read after the signature was accepted, so its messages
 * may say what is wrong: the caller holds the secret.
 */
record WebhookPayload(String table, String sysId, long sysModCount, Map<String, Object> body) {

  static final int VERSION = 1;

  private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]{0,79}");
  private static final Pattern SYS_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

  /** {@code table:sys_id:sys_mod_count}, the Record Watcher's message ID for the same change. */
  String messageId() {
    return table + ":" + sysId + ":" + sysModCount;
  }

  static WebhookPayload read(byte[] raw) {
    JsonNode body;
    try {
      body = raw == null || raw.length == 0 ? null : Json.parse(raw);
    } catch (IOException e) {
      throw badRequest("the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw badRequest("the body must be a JSON object");
    }
    JsonNode version = body.get("version");
    if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
      throw badRequest(
          "payload version must be "
              + VERSION
              + " (the number in field 'version'); update the script include or the connector");
    }
    String table = text(body, "table", TABLE, "a ServiceNow table name");
    String sysId = text(body, "sys_id", SYS_ID, "a sys_id");
    JsonNode modCount = body.get("sys_mod_count");
    if (modCount == null
        || !modCount.isIntegralNumber()
        || !modCount.canConvertToLong()
        || modCount.asLong() < 0) {
      throw badRequest("field 'sys_mod_count' must be a whole number, 0 or more");
    }
    return new WebhookPayload(table, sysId, modCount.asLong(), Json.toMap(body));
  }

  private static String text(JsonNode body, String field, Pattern pattern, String what) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || !pattern.matcher(value.asText()).matches()) {
      throw badRequest("field '" + field + "' must be " + what);
    }
    return value.asText();
  }

  private static WebhookConnectorException badRequest(String why) {
    return new WebhookConnectorException(400, "Bad request: " + why);
  }
}
