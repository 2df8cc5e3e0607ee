package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.Verification;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /api/now/table/{table}. A create with a key (the Correlation ID, a value the payload sets in
 * the correlation field, or the mark derived from the job's element instance) looks the key up
 * first and returns the record already carrying it, and after a lost answer looks it up before
 * inserting again: a retried job or a resend never creates a second one. Two jobs racing with the
 * same id can still both create: ServiceNow has no unique constraint on the field.
 */
public final class CreateRecord {

  private static final Logger LOG = LoggerFactory.getLogger(CreateRecord.class);

  /**
   * What a create needs.
   *
   * @param correlationId optional; stored in {@code correlationField} and looked up first
   * @param jobMark the key of this task's execution (the same across Zeebe's retries of the job),
   *     stored when there is no other key; null when marking is off or there is no job
   */
  public record Input(
      Object payload, String correlationId, String correlationField, String jobMark) {}

  private CreateRecord() {}

  /**
   * The mark of one execution of a task: its element instance key, the same across Zeebe's retries
   * of the job and different for the next execution; null when off or without a job.
   */
  public static String jobMark(boolean enabled, JobContext job) {
    long key = job == null ? 0 : job.getElementInstanceKey();
    return enabled && key > 0 ? "camunda-" + key : null;
  }

  public static RecordResult execute(
      TableSession session, Table table, Input input, ReturnOptions options) {
    ObjectNode fields = TableInputs.payload(input.payload(), table);
    String field = TableInputs.correlationField(input.correlationField());
    String given = TableInputs.correlationId(input.correlationId());
    ReturnOptions returned = options.withRecordIdentity();
    ServiceNowRequest.Builder insertion =
        returned.applyToWrite(TableSession.request(HttpMethod.POST, table)).body(fields);
    String key = given != null ? given : setInPayload(fields, field);
    boolean marked = key == null && input.jobMark() != null;
    if (marked) {
      key = input.jobMark();
    }
    if (key == null) {
      ServiceNowRequest insert = insertion.build(); // never repeated: nothing to look up
      return RecordResult.of(
          Records.single(session.execute(insert), insert.describe()), null, true);
    }
    withKey(fields, field, key);
    Optional<Map<String, Object>> existing;
    try {
      existing = Looks.find(session, table, field, key, returned);
    } catch (Verification.CannotTell noSuchField) {
      if (marked) {
        // the table has no such field: the mark cannot be found again, so no mark
        fields.remove(field);
        ServiceNowRequest insert = insertion.build();
        return RecordResult.of(
            Records.single(session.execute(insert), insert.describe()), null, true);
      }
      throw new ConnectorInputException(
          "Table "
              + SafeText.quote(table.name())
              + " has no field "
              + SafeText.quote(field)
              + " to find an existing record by its correlation id; choose a field of this table"
              + " as Correlation field, or leave Correlation ID empty");
    }
    if (existing.isPresent()) {
      LOG.debug("A {} with the given key exists; not creating another", table.noun());
      return RecordResult.of(existing.get(), null, false);
    }
    ServiceNowRequest insert =
        insertion.lookFirst(Looks.key(session, table, field, key, returned)).build();
    return RecordResult.of(Records.single(session.execute(insert), insert.describe()), null, true);
  }

  /**
   * A value the payload itself sets in the correlation field is the key, when it could be found
   * again (no '^', which would change the query; not longer than ServiceNow keeps).
   */
  private static String setInPayload(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
      return null;
    }
    String text = value.asText();
    return text.indexOf('^') < 0 && text.length() <= TableInputs.MAX_CORRELATION_ID ? text : null;
  }

  private static void withKey(ObjectNode payload, String field, String id) {
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
}
