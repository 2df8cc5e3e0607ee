package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.Verification;
import io.github.sncamunda.servicenow.common.SafeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a table write whose answer was lost is looked up before it is sent again: journal entries in
 * {@code sys_journal_field}, a keyed or marked record by its key, a catalog order by its requested
 * item. Each look only reads; the client resends those reads itself.
 */
final class Looks {

  /** The journal table: one row per work note, comment or other journal entry. */
  static final Table JOURNAL = new Table("sys_journal_field", "journal entry");

  private static final Table REQUEST = new Table("sc_request", "request");

  /**
   * How far before the first send a look reaches back: ServiceNow's clock and ours may differ a
   * little, and a write is stamped when its transaction starts.
   */
  static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(60);

  // a plain literal in sysparm_query is read as UTC, in the stored format
  private static final DateTimeFormatter STORED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private Looks() {}

  static String since(Instant firstSent) {
    return STORED.format(firstSent.minus(CLOCK_ALLOWANCE));
  }

  /**
   * A PATCH whose journal fields (work notes, comments, any journal field of the table) each leave
   * a row: found when an entry with the same field and text was written to this record since the
   * first send, by the API user when the authentication names one. Without journal fields there is
   * no such row, and sending the PATCH again sets the same values again.
   */
  static Verification journal(
      TableSession session, Table table, String sysId, ObjectNode fields, ReturnOptions options) {
    return new Verification(
        table.name() + " " + sysId + " (journal entry)",
        firstSent -> {
          ServiceNowRequest entries =
              TableSession.request(HttpMethod.GET, JOURNAL)
                  .query(
                      "sysparm_query",
                      "element_id="
                          + sysId
                          + "^sys_created_on>="
                          + since(firstSent)
                          + session.apiUser().map(user -> "^sys_created_by=" + user).orElse(""))
                  .query("sysparm_fields", "element,value")
                  .query("sysparm_limit", "1000")
                  .emptyWhenNoRecord()
                  .build();
          List<Map<String, Object>> rows =
              Records.list(session.execute(entries), entries.describe());
          boolean written =
              rows.stream()
                  .anyMatch(
                      row -> {
                        JsonNode sent = fields.get(Records.value(row.get("element")));
                        String value = Records.value(row.get("value"));
                        return sent != null
                            && value != null
                            && sent.asText().strip().equals(value.strip());
                      });
          return written ? Optional.of(read(session, table, sysId, options)) : Optional.empty();
        },
        false);
  }

  /**
   * A create carrying a key in {@code field}: found when a record carries it. A table without the
   * field answers every record to the query, so such an answer cannot tell.
   */
  static Verification key(
      TableSession session, Table table, String field, String key, ReturnOptions options) {
    return new Verification(
        table.name() + " with " + field + " " + SafeText.quote(key),
        firstSent -> find(session, table, field, key, options),
        true); // CreateRecord looks the key up before every insert
  }

  /** The record carrying {@code key} in {@code field}, looked up before a create inserts. */
  static Optional<Map<String, Object>> find(
      TableSession session, Table table, String field, String key, ReturnOptions options) {
    ServiceNowRequest lookup =
        options
            .withField(field)
            .applyTo(TableSession.request(HttpMethod.GET, table))
            .query("sysparm_query", field + "=" + key)
            .query("sysparm_limit", "1")
            .emptyWhenNoRecord()
            .build();
    List<Map<String, Object>> found = Records.list(session.execute(lookup), lookup.describe());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> existing = found.get(0);
    if (!existing.containsKey(field)) {
      throw new Verification.CannotTell(
          "table " + SafeText.quote(table.name()) + " has no field " + SafeText.quote(field));
    }
    return key.equals(Records.value(existing.get(field)))
        ? Optional.of(existing)
        : Optional.empty();
  }

  /**
   * A catalog order: the requested items of this catalog item created since the first send. None:
   * it was not ordered. Exactly one, ordered by the API user, with no variables to compare: that
   * order. Anything else (variables, other users' orders, no user to compare) cannot tell.
   */
  static Verification order(TableSession session, String item, int quantity, boolean variables) {
    return new Verification(
        "sc_req_item of catalog item " + item,
        firstSent -> {
          ServiceNowRequest items =
              TableSession.request(HttpMethod.GET, Table.REQUESTED_ITEM)
                  .query(
                      "sysparm_query", "cat_item=" + item + "^sys_created_on>=" + since(firstSent))
                  .query("sysparm_fields", "request,quantity,sys_created_by")
                  .query("sysparm_limit", "100")
                  .emptyWhenNoRecord()
                  .build();
          List<Map<String, Object>> found = Records.list(session.execute(items), items.describe());
          if (found.isEmpty()) {
            return Optional.empty();
          }
          Optional<String> user = session.apiUser();
          boolean one =
              found.size() == 1
                  && user.isPresent()
                  && user.get().equals(Records.value(found.get(0).get("sys_created_by")))
                  && String.valueOf(quantity).equals(Records.value(found.get(0).get("quantity")));
          if (!one || variables) {
            throw new Verification.CannotTell(
                found.size()
                    + " requested item(s) of this catalog item were created since the order was"
                    + " sent, which cannot be told apart from this order");
          }
          String request = Records.value(found.get(0).get("request"));
          return Optional.of(read(session, REQUEST, request, ReturnOptions.DEFAULTS));
        },
        false);
  }

  private static Map<String, Object> read(
      TableSession session, Table table, String sysId, ReturnOptions options) {
    ServiceNowRequest request =
        options
            .withRecordIdentity()
            .applyTo(TableSession.request(HttpMethod.GET, table, sysId))
            .build();
    return Records.single(session.execute(request), request.describe());
  }
}
