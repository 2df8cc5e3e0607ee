package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.Replay;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/now/table/{table}. With a correlation id, a record already carrying it in the
 * correlation field is returned instead, so a job retried after a lost response does not create a
 * second one. Two jobs racing with the same id can still both create: ServiceNow has no unique
 * constraint on the field.
 */
public final class CreateRecord {

  private static final Logger LOG = LoggerFactory.getLogger(CreateRecord.class);

  private CreateRecord() {}

  /**
   * @param correlationId optional; stored in {@code correlationField} and looked up first
   */
  public static RecordResult execute(
      TableSession session,
      Table table,
      Object payload,
      String correlationId,
      String correlationField,
      ReturnOptions options) {
    ObjectNode fields = TableInputs.payload(payload, table);
    String id = TableInputs.correlationId(correlationId);
    String field = TableInputs.correlationField(correlationField);
    ReturnOptions returned = options.withRecordIdentity();
    ServiceNowRequest.Builder insertion =
        returned.applyToWrite(TableSession.request(HttpMethod.POST, table)).body(fields);
    if (id == null) {
      ServiceNowRequest insert = insertion.build(); // never repeated: nothing to look up first
      return RecordResult.of(
          Records.single(session.execute(insert), insert.describe()), null, true);
    }
    // a retried job looks the id up before it inserts again
    ServiceNowRequest insert = insertion.replay(Replay.BY_JOB_RETRY).build();
    withCorrelationId(fields, field, id);
    ReturnOptions lookupOptions = returned.withField(field);
    ServiceNowRequest lookup =
        lookupOptions
            .applyTo(TableSession.request(HttpMethod.GET, table))
            .query("sysparm_query", field + "=" + id)
            .query("sysparm_limit", "1")
            .emptyWhenNoRecord()
            .build();
    List<Map<String, Object>> found = Records.list(session.execute(lookup), lookup.describe());
    if (!found.isEmpty()) {
      Map<String, Object> existing = found.get(0);
      requireCorrelationField(existing, table, field);
      if (id.equals(Records.value(existing.get(field)))) {
        LOG.debug("A {} with the given correlation id exists; not creating another", table.noun());
        return RecordResult.of(existing, null, false);
      }
    }
    return RecordResult.of(Records.single(session.execute(insert), insert.describe()), null, true);
  }

  private static void withCorrelationId(ObjectNode payload, String field, String id) {
    JsonNode given = payload.get(field);
    if (given != null && !given.isNull() && !given.asText().equals(id)) {
      throw new ConnectorInputException(
          "Payload sets "
              + field
              + " to a different value than Correlation ID; set only one of them, or the same"
              + " value in both");
    }
    payload.put(field, id);
  }

  /**
   * ServiceNow ignores query conditions on unknown fields and then matches every record: a record
   * without the field means the table has no such field, and the look-up proved nothing.
   */
  private static void requireCorrelationField(
      Map<String, Object> record, Table table, String field) {
    if (!record.containsKey(field)) {
      throw new ConnectorInputException(
          "Table "
              + SafeText.quote(table.name())
              + " has no field "
              + SafeText.quote(field)
              + " to find an existing record by its correlation id; choose a field of this table"
              + " as Correlation field, or leave Correlation ID empty");
    }
  }
}
