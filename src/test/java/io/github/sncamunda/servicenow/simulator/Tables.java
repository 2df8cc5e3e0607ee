package io.github.sncamunda.servicenow.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The tables this simulated instance has, by name. */
final class Tables {

  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private final Map<String, Predicate<Map<String, String>>> aclHidden = new ConcurrentHashMap<>();
  private final Journal journal;
  private volatile Clock clock;

  Tables(Clock clock) {
    this.clock = clock;
    Table journalRows = new Table(Journal.SCHEMA, clock, Table.JournalSink.NONE);
    tables.put(Journal.TABLE, journalRows);
    journal = new Journal(journalRows);
    add(StandardTables.INCIDENT);
  }

  Journal journal() {
    return journal;
  }

  void clock(Clock clock) {
    this.clock = clock;
    tables.values().forEach(t -> t.clock(clock));
  }

  /** Adds the table (once; adding the same table again is a no-op). */
  Table add(TableSchema schema) {
    Table table = tables.computeIfAbsent(schema.name(), n -> new Table(schema, clock, journal));
    if (!table.schema.equals(schema)) {
      throw new IllegalStateException("Table " + schema.name() + " exists with other columns");
    }
    return table;
  }

  /** The table, or null when the instance has none of that name. */
  Table find(String name) {
    return tables.get(name);
  }

  Table get(String name) {
    Table table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException(
          "The simulator has no table " + name + "; add it with table(\"" + name + "\")");
    }
    return table;
  }

  /** Rows of {@code table} the caller's ACLs deny: they count for paging but are not answered. */
  /** Runs before each list read of a table (its name): lets a test race writes with a poll. */
  volatile java.util.function.Consumer<String> beforeList = table -> {};

  void aclHides(String table, Predicate<Map<String, String>> hidden) {
    aclHidden.put(table, hidden);
  }

  boolean hidden(String table, Map<String, String> record) {
    Predicate<Map<String, String>> hidden = aclHidden.get(table);
    return hidden != null && hidden.test(record);
  }

  void clear() {
    tables.values().forEach(Table::clear);
  }
}
