package io.github.sncamunda.servicenow.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work notes and comments as ServiceNow keeps them: one {@code sys_journal_field} row per write
 * ({@code element}, {@code element_id}, {@code name} = the record's table, {@code value}), readable
 * through the Table API like any table.
 */
final class Journal implements Table.JournalSink {

  static final String TABLE = "sys_journal_field";

  static final TableSchema SCHEMA =
      new TableSchema(
          TABLE,
          null,
          List.of(
              "sys_id",
              "element",
              "element_id",
              "name",
              "value",
              "sys_created_on",
              "sys_created_by"),
          Map.of(),
          Map.of(),
          Set.of(),
          false,
          TableSchema.Rules.NONE);

  private final Table rows;

  Journal(Table rows) {
    this.rows = rows;
  }

  @Override
  public void append(String table, String sysId, String field, String value, String user) {
    rows.insert(
        SimJson.MAPPER
            .createObjectNode()
            .put("element", field)
            .put("element_id", sysId)
            .put("name", table)
            .put("value", value),
        user);
  }

  /** Journal rows of one record, oldest first. */
  List<Map<String, String>> of(String sysId) {
    return rows.list().stream().filter(r -> sysId.equals(r.get("element_id"))).toList();
  }
}
