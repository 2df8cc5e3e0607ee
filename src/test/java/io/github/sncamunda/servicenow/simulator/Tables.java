package io.github.sncamunda.servicenow.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tables this simulated instance has, by name. */
final class Tables {

  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private volatile Clock clock;

  Tables(Clock clock) {
    this.clock = clock;
    add(StandardTables.INCIDENT);
  }

  void clock(Clock clock) {
    this.clock = clock;
    tables.values().forEach(t -> t.clock(clock));
  }

  /** Adds the table (once; adding the same table again is a no-op). */
  Table add(TableSchema schema) {
    Table table = tables.computeIfAbsent(schema.name(), n -> new Table(schema, clock));
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

  void clear() {
    tables.values().forEach(Table::clear);
  }
}
