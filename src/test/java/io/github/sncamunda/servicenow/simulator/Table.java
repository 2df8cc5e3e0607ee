package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows of one table, thread-safe. Records are immutable maps of strings (ServiceNow answers
 * every scalar as a string) replaced on each write, so readers never lock.
 */
final class Table {

  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Set by the table only; values written by clients are ignored. */
  private static final Set<String> SYSTEM =
      Set.of(
          "sys_created_on",
          "sys_created_by",
          "sys_updated_on",
          "sys_updated_by",
          "sys_mod_count",
          "sys_class_name");

  /** Where journal field writes go (the {@code sys_journal_field} table). */
  interface JournalSink {
    JournalSink NONE = (table, sysId, field, value, user) -> {};

    void append(String table, String sysId, String field, String value, String user);
  }

  private record JournalWrite(String field, String value) {}

  private static final class Row {
    final long order;
    volatile Map<String, String> fields;

    Row(long order, Map<String, String> fields) {
      this.order = order;
      this.fields = fields;
    }
  }

  final TableSchema schema;
  private final ConcurrentHashMap<String, Row> bySysId = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Row> inOrder = new ConcurrentSkipListMap<>();
  private final Set<String> extraColumns = ConcurrentHashMap.newKeySet();
  private final AtomicLong order = new AtomicLong();
  private final AtomicInteger number = new AtomicInteger(10000);
  private final JournalSink journal;
  private volatile Clock clock;

  Table(TableSchema schema, Clock clock, JournalSink journal) {
    this.schema = schema;
    this.clock = clock;
    this.journal = journal;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  /** Columns a query may name: the schema's and the extra ones written so far. */
  Set<String> queryableFields() {
    Set<String> fields = new LinkedHashSet<>(schema.fields());
    fields.addAll(extraColumns);
    return fields;
  }

  Map<String, String> insert(JsonNode body, String user) {
    String now = DATE_TIME.format(clock.instant());
    Map<String, String> r = new LinkedHashMap<>();
    for (String field : schema.fields()) {
      r.put(field, "");
    }
    r.putAll(schema.defaults());
    r.put("sys_id", newSysId());
    if (r.containsKey("opened_by")) {
      r.put("opened_by", user);
      r.put("opened_at", now);
    }
    stamp(r, "sys_class_name", schema.name());
    stamp(r, "sys_created_on", now);
    stamp(r, "sys_created_by", user);
    stamp(r, "sys_updated_on", now);
    stamp(r, "sys_updated_by", user);
    stamp(r, "sys_mod_count", "0");
    List<JournalWrite> journalWrites = new ArrayList<>();
    apply(r, body, true, journalWrites);
    if (schema.numberPrefix() != null && r.getOrDefault("number", "").isEmpty()) {
      r.put("number", String.format("%s%07d", schema.numberPrefix(), number.incrementAndGet()));
    }
    schema.rules().derive(r, now, user);
    Row row = new Row(order.incrementAndGet(), Collections.unmodifiableMap(r));
    if (bySysId.putIfAbsent(r.get("sys_id"), row) != null) {
      throw new IllegalStateException("Duplicate sys_id " + r.get("sys_id"));
    }
    inOrder.put(row.order, row);
    appendJournal(row.fields, journalWrites, user);
    return row.fields;
  }

  Map<String, String> get(String sysId) {
    Row row = bySysId.get(sysId);
    return row == null ? null : row.fields;
  }

  /** The updated record, or null when there is none with this sys_id. */
  Map<String, String> update(String sysId, JsonNode body, String user) {
    return update(sysId, body, user, clock.instant());
  }

  /**
   * An update stamped {@code stampedAt}: a transaction that began then and commits only now, after
   * later stamps were already visible (ServiceNow stamps at the start of a transaction).
   */
  Map<String, String> update(
      String sysId, JsonNode body, String user, java.time.Instant stampedAt) {
    Row row = bySysId.get(sysId);
    if (row == null) {
      return null;
    }
    synchronized (row) {
      String now = DATE_TIME.format(stampedAt);
      Map<String, String> r = new LinkedHashMap<>(row.fields);
      List<JournalWrite> journalWrites = new ArrayList<>();
      apply(r, body, false, journalWrites);
      stamp(r, "sys_updated_on", now);
      stamp(r, "sys_updated_by", user);
      if (r.containsKey("sys_mod_count")) {
        r.put("sys_mod_count", Integer.toString(Integer.parseInt(r.get("sys_mod_count")) + 1));
      }
      schema.rules().derive(r, now, user);
      row.fields = Collections.unmodifiableMap(r);
      appendJournal(row.fields, journalWrites, user);
      return row.fields;
    }
  }

  boolean delete(String sysId) {
    Row row = bySysId.remove(sysId);
    if (row != null) {
      inOrder.remove(row.order);
    }
    return row != null;
  }

  /** All records in creation order. */
  List<Map<String, String>> list() {
    List<Map<String, String>> out = new ArrayList<>(inOrder.size());
    for (Row row : inOrder.values()) {
      out.add(row.fields);
    }
    return out;
  }

  void clear() {
    bySysId.clear();
    inOrder.clear();
    number.set(10000);
  }

  /** Sets a system column the schema has (the journal table, for one, has no update stamps). */
  private void stamp(Map<String, String> r, String column, String value) {
    if (schema.fields().contains(column)) {
      r.put(column, value);
    }
  }

  /** Journal fields are not stored on the record: each non-empty write becomes a journal row. */
  private void appendJournal(Map<String, String> record, List<JournalWrite> writes, String user) {
    for (JournalWrite write : writes) {
      journal.append(schema.name(), record.get("sys_id"), write.field(), write.value(), user);
    }
  }

  private void apply(
      Map<String, String> r, JsonNode body, boolean insert, List<JournalWrite> journalWrites) {
    if (body == null || !body.isObject()) {
      return;
    }
    var it = body.fields();
    while (it.hasNext()) {
      var e = it.next();
      String field = e.getKey();
      String value = SimJson.text(e.getValue());
      if (schema.isJournal(field)) {
        if (!value.isEmpty()) {
          journalWrites.add(new JournalWrite(field, value));
        }
        continue;
      }
      if (SYSTEM.contains(field)
          || schema.rules().derivedFields().contains(field)
          || (!insert && (field.equals("sys_id") || field.equals("number")))) {
        continue;
      }
      if (field.equals("sys_id") && (value.isEmpty() || value.length() > 32)) {
        continue;
      }
      if (schema.accepts(field)) {
        r.put(field, value);
        if (!schema.fields().contains(field)) {
          extraColumns.add(field);
        }
      }
    }
  }

  static String newSysId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
