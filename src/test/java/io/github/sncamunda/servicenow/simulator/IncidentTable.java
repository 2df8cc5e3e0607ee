package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread-safe in-memory {@code incident} table. Records are immutable maps of strings
 * (ServiceNow answers every scalar as a string) replaced on each write, so readers never lock.
 * Fields outside {@link #FIELDS} are ignored on write unless they start with {@code u_} (custom
 * columns), as ServiceNow ignores unknown fields.
 */
final class IncidentTable {

  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Reference field → referenced table. */
  static final Map<String, String> REFERENCES =
      Map.ofEntries(
          Map.entry("caller_id", "sys_user"),
          Map.entry("assigned_to", "sys_user"),
          Map.entry("opened_by", "sys_user"),
          Map.entry("resolved_by", "sys_user"),
          Map.entry("closed_by", "sys_user"),
          Map.entry("assignment_group", "sys_user_group"),
          Map.entry("cmdb_ci", "cmdb_ci"),
          Map.entry("business_service", "cmdb_ci_service"),
          Map.entry("location", "cmn_location"),
          Map.entry("company", "core_company"),
          Map.entry("problem_id", "problem"),
          Map.entry("parent_incident", "incident"));

  static final Set<String> JOURNAL = Set.of("work_notes", "comments");

  /** Set by the table only; values written by clients are ignored. */
  private static final Set<String> SYSTEM =
      Set.of(
          "sys_created_on",
          "sys_created_by",
          "sys_updated_on",
          "sys_updated_by",
          "sys_mod_count",
          "sys_class_name",
          "priority",
          "incident_state");

  /** Every column in the order records are returned. */
  static final Set<String> FIELDS;

  static {
    Set<String> f =
        new LinkedHashSet<>(
            List.of(
                "sys_id",
                "number",
                "short_description",
                "description",
                "caller_id",
                "opened_by",
                "opened_at",
                "state",
                "incident_state",
                "impact",
                "urgency",
                "priority",
                "severity",
                "category",
                "subcategory",
                "contact_type",
                "assignment_group",
                "assigned_to",
                "cmdb_ci",
                "business_service",
                "location",
                "company",
                "problem_id",
                "parent_incident",
                "correlation_id",
                "correlation_display",
                "hold_reason",
                "close_code",
                "close_notes",
                "resolved_by",
                "resolved_at",
                "closed_by",
                "closed_at",
                "active",
                "reopen_count",
                "escalation",
                "knowledge",
                "made_sla",
                "notify",
                "upon_approval",
                "approval",
                "due_date",
                "watch_list",
                "work_notes_list",
                "work_notes",
                "comments",
                "sys_class_name",
                "sys_domain",
                "sys_created_on",
                "sys_created_by",
                "sys_updated_on",
                "sys_updated_by",
                "sys_mod_count"));
    FIELDS = Collections.unmodifiableSet(f);
  }

  record JournalEntry(String field, String value, String createdOn, String createdBy) {}

  private static final class Row {
    final long order;
    volatile Map<String, String> fields;
    final List<JournalEntry> journal = Collections.synchronizedList(new ArrayList<>());

    Row(long order, Map<String, String> fields) {
      this.order = order;
      this.fields = fields;
    }
  }

  private final ConcurrentHashMap<String, Row> rows = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();
  private final AtomicInteger number = new AtomicInteger(10000);
  private volatile Clock clock;

  IncidentTable(Clock clock) {
    this.clock = clock;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  /** Known columns plus custom {@code u_} columns present on any record, for query validation. */
  boolean isField(String name) {
    return FIELDS.contains(name) || (name.startsWith("u_") && name.length() > 2);
  }

  Set<String> queryableFields() {
    Set<String> fields = new LinkedHashSet<>(FIELDS);
    for (Row row : rows.values()) {
      for (String key : row.fields.keySet()) {
        if (key.startsWith("u_")) {
          fields.add(key);
        }
      }
    }
    return fields;
  }

  Map<String, String> insert(JsonNode body, String user) {
    String now = DATE_TIME.format(clock.instant());
    Map<String, String> r = new LinkedHashMap<>();
    for (String field : FIELDS) {
      r.put(field, "");
    }
    r.put("sys_id", newSysId());
    r.put("state", "1");
    r.put("impact", "3");
    r.put("urgency", "3");
    r.put("severity", "3");
    r.put("active", "true");
    r.put("opened_by", user);
    r.put("opened_at", now);
    r.put("contact_type", "");
    r.put("escalation", "0");
    r.put("reopen_count", "0");
    r.put("knowledge", "false");
    r.put("made_sla", "true");
    r.put("notify", "1");
    r.put("upon_approval", "proceed");
    r.put("approval", "not requested");
    r.put("sys_class_name", "incident");
    r.put("sys_domain", "global");
    r.put("sys_created_on", now);
    r.put("sys_created_by", user);
    r.put("sys_updated_on", now);
    r.put("sys_updated_by", user);
    r.put("sys_mod_count", "0");
    List<JournalEntry> journal = new ArrayList<>();
    apply(r, body, true, journal, now, user);
    if (r.get("number").isEmpty()) {
      r.put("number", String.format("INC%07d", number.incrementAndGet()));
    }
    derive(r, now, user);
    Row row = new Row(order.incrementAndGet(), Collections.unmodifiableMap(r));
    row.journal.addAll(journal);
    if (rows.putIfAbsent(r.get("sys_id"), row) != null) {
      throw new IllegalStateException("Duplicate sys_id " + r.get("sys_id"));
    }
    return row.fields;
  }

  Map<String, String> get(String sysId) {
    Row row = rows.get(sysId);
    return row == null ? null : row.fields;
  }

  Map<String, String> update(String sysId, JsonNode body, String user) {
    Row row = rows.get(sysId);
    if (row == null) {
      return null;
    }
    synchronized (row) {
      String now = DATE_TIME.format(clock.instant());
      Map<String, String> r = new LinkedHashMap<>(row.fields);
      List<JournalEntry> journal = new ArrayList<>();
      apply(r, body, false, journal, now, user);
      r.put("sys_updated_on", now);
      r.put("sys_updated_by", user);
      r.put("sys_mod_count", Integer.toString(Integer.parseInt(r.get("sys_mod_count")) + 1));
      derive(r, now, user);
      row.fields = Collections.unmodifiableMap(r);
      row.journal.addAll(journal);
      return row.fields;
    }
  }

  boolean delete(String sysId) {
    return rows.remove(sysId) != null;
  }

  /** All records in creation order. */
  List<Map<String, String>> list() {
    List<Row> all = new ArrayList<>(rows.values());
    all.sort(Comparator.comparingLong(r -> r.order));
    List<Map<String, String>> out = new ArrayList<>(all.size());
    for (Row row : all) {
      out.add(row.fields);
    }
    return out;
  }

  List<JournalEntry> journal(String sysId) {
    Row row = rows.get(sysId);
    if (row == null) {
      return List.of();
    }
    synchronized (row.journal) {
      return List.copyOf(row.journal);
    }
  }

  int size() {
    return rows.size();
  }

  void clear() {
    rows.clear();
    number.set(10000);
  }

  private void apply(
      Map<String, String> r,
      JsonNode body,
      boolean insert,
      List<JournalEntry> journal,
      String now,
      String user) {
    if (body == null || !body.isObject()) {
      return;
    }
    var it = body.fields();
    while (it.hasNext()) {
      var e = it.next();
      String field = e.getKey();
      String value = text(e.getValue());
      if (JOURNAL.contains(field)) {
        if (!value.isEmpty()) {
          journal.add(new JournalEntry(field, value, now, user));
        }
        continue;
      }
      if (SYSTEM.contains(field)
          || (!insert && (field.equals("sys_id") || field.equals("number")))) {
        continue;
      }
      if (field.equals("sys_id") && (value.isEmpty() || value.length() > 32)) {
        continue;
      }
      if (FIELDS.contains(field) || (field.startsWith("u_") && field.length() > 2)) {
        r.put(field, value);
      }
    }
  }

  /** What business rules and the priority lookup would set. */
  private static void derive(Map<String, String> r, String now, String user) {
    r.put("priority", priority(r.get("impact"), r.get("urgency"), r.getOrDefault("priority", "5")));
    String state = r.get("state");
    r.put("incident_state", state);
    switch (state) {
      case "6" -> {
        r.putIfAbsent("resolved_at", "");
        if (r.get("resolved_at").isEmpty()) {
          r.put("resolved_at", now);
          r.put("resolved_by", user);
        }
        r.put("active", "true");
      }
      case "7", "8" -> {
        if (r.get("closed_at").isEmpty()) {
          r.put("closed_at", now);
          r.put("closed_by", user);
        }
        r.put("active", "false");
      }
      default -> r.put("active", "true");
    }
  }

  /**
   * ServiceNow's default priority lookup (dl_u_priority): impact + urgency 2→1, 3→2, 4→3, 5→4, 6→5.
   */
  static String priority(String impact, String urgency, String fallback) {
    try {
      int i = Integer.parseInt(impact);
      int u = Integer.parseInt(urgency);
      if (i >= 1 && i <= 3 && u >= 1 && u <= 3) {
        return Integer.toString(i + u - 1);
      }
    } catch (NumberFormatException ignored) {
      // keep the fallback
    }
    return fallback == null || fallback.isEmpty() ? "5" : fallback;
  }

  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isObject()) {
      JsonNode inner = value.has("value") ? value.get("value") : value.get("sys_id");
      return inner == null ? value.toString() : text(inner);
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    return value.toString();
  }

  static String newSysId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /** Display value of a choice or plain field as ServiceNow's default incident choices label it. */
  static String display(String field, String value) {
    return switch (field) {
      case "state", "incident_state" ->
          switch (value) {
            case "1" -> "New";
            case "2" -> "In Progress";
            case "3" -> "On Hold";
            case "6" -> "Resolved";
            case "7" -> "Closed";
            case "8" -> "Canceled";
            default -> value;
          };
      case "impact", "urgency", "severity" ->
          switch (value) {
            case "1" -> "1 - High";
            case "2" -> "2 - Medium";
            case "3" -> "3 - Low";
            default -> value;
          };
      case "priority" ->
          switch (value) {
            case "1" -> "1 - Critical";
            case "2" -> "2 - High";
            case "3" -> "3 - Moderate";
            case "4" -> "4 - Low";
            case "5" -> "5 - Planning";
            default -> value;
          };
      default -> value;
    };
  }
}
