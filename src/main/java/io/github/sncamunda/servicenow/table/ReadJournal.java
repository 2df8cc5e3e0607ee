package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a record's work notes and comments from {@code sys_journal_field}, newest first: the
 * journal fields of the record itself read back empty (or only the latest entries with display
 * values). Entries are found by the record's sys_id alone: their {@code name} is the record's
 * actual class, which need not be the table it was read through.
 */
public final class ReadJournal {

  private static final String FIELDS = "sys_id,element,value,sys_created_by,sys_created_on";

  private ReadJournal() {}

  /**
   * @param fields which journal fields to read; empty means work notes and comments
   */
  public static JournalEntries execute(
      TableSession session, Table table, String sysId, List<JournalField> fields, Integer limit) {
    String id = TableInputs.sysId(sysId, table);
    int max = TableInputs.limit(limit);
    List<JournalField> wanted = fields.isEmpty() ? List.of(JournalField.values()) : fields;
    StringBuilder query = new StringBuilder();
    // not name=<table>: it holds the record's own class (cmdb_ci_server read as cmdb_ci, an
    // incident read as task), and sys_ids are unique across tables
    query.append("element_id=").append(id);
    for (int i = 0; i < wanted.size(); i++) {
      query.append(i == 0 ? "^element=" : "^ORelement=").append(wanted.get(i).field());
    }
    query.append("^ORDERBYDESCsys_created_on");
    ServiceNowRequest request =
        TableSession.request(HttpMethod.GET, Table.JOURNAL)
            .query("sysparm_query", query.toString())
            .query("sysparm_fields", FIELDS)
            .query("sysparm_limit", String.valueOf(max))
            .query("sysparm_exclude_reference_link", "true")
            .emptyWhenNoRecord()
            .build();
    List<JournalEntry> entries = new ArrayList<>();
    for (Map<String, Object> row : Records.list(session.execute(request), request.describe())) {
      entries.add(
          new JournalEntry(
              Records.value(row.get("sys_id")),
              Records.value(row.get("element")),
              Records.value(row.get("value")),
              Records.value(row.get("sys_created_by")),
              Records.value(row.get("sys_created_on"))));
    }
    return new JournalEntries(entries, entries.size());
  }
}
