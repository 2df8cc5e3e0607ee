package io.github.sncamunda.servicenow.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the simulator knows of one table: its columns (in answer order), reference columns, default
 * values, journal fields, record number prefix and business rules. Columns outside {@link #fields}
 * are ignored on write, as ServiceNow ignores unknown fields, unless they are custom {@code u_}
 * columns or the table has {@link #openColumns} (custom tables whose dictionary the simulator
 * cannot know).
 */
record TableSchema(
    String name,
    String numberPrefix,
    List<String> fields,
    Map<String, String> references,
    Map<String, String> defaults,
    Set<String> journalFields,
    boolean openColumns,
    Rules rules) {

  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,79}");

  /** Business rules and choice labels of a table. */
  interface Rules {
    Rules NONE = new Rules() {};

    /** Columns computed by {@link #derive}: values written by clients are ignored. */
    default Set<String> derivedFields() {
      return Set.of();
    }

    /** Sets what business rules would set after every insert or update. */
    default void derive(Map<String, String> record, String now, String user) {}

    /** Display value of a choice (or plain) column. */
    default String display(String field, String value) {
      return value;
    }
  }

  TableSchema withOpenColumns() {
    return new TableSchema(
        name, numberPrefix, fields, references, defaults, journalFields, true, rules);
  }

  boolean accepts(String column) {
    return fields.contains(column)
        || (column.startsWith("u_") && column.length() > 2)
        || (openColumns && COLUMN.matcher(column).matches());
  }

  /** Columns that are not stored on the record itself (they read back empty). */
  boolean isJournal(String column) {
    return journalFields.contains(column);
  }
}
