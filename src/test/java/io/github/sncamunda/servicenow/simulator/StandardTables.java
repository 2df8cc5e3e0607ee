package io.github.sncamunda.servicenow.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Schemas of the tables the simulator knows by name, and of custom tables. Column lists are a
 * useful subset of a base system's dictionary, not all of it; task tables share the task columns
 * ({@code correlation_id}, journals, …). Default states follow a recent base system (problem 101
 * New, change request -5 New, others 1); instances customise their choices.
 */
final class StandardTables {

  private StandardTables() {}

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,79}");

  static final Set<String> JOURNAL = Set.of("work_notes", "comments");

  private static final List<String> SYS =
      List.of(
          "sys_class_name",
          "sys_domain",
          "sys_created_on",
          "sys_created_by",
          "sys_updated_on",
          "sys_updated_by",
          "sys_mod_count");

  private static final List<String> TASK =
      List.of(
          "sys_id",
          "number",
          "short_description",
          "description",
          "state",
          "active",
          "priority",
          "impact",
          "urgency",
          "opened_by",
          "opened_at",
          "assignment_group",
          "assigned_to",
          "cmdb_ci",
          "parent",
          "correlation_id",
          "correlation_display",
          "approval",
          "close_notes",
          "closed_by",
          "closed_at",
          "due_date",
          "watch_list",
          "work_notes_list",
          "work_notes",
          "comments");

  private static final Map<String, String> TASK_REFERENCES =
      Map.of(
          "opened_by", "sys_user",
          "assigned_to", "sys_user",
          "closed_by", "sys_user",
          "assignment_group", "sys_user_group",
          "cmdb_ci", "cmdb_ci",
          "parent", "task");

  private static final Map<String, String> TASK_DEFAULTS =
      Map.of(
          "state", "1",
          "active", "true",
          "priority", "4",
          "impact", "3",
          "urgency", "3",
          "approval", "not requested",
          "sys_domain", "global");

  static final TableSchema INCIDENT =
      new TableSchema(
          "incident",
          "INC",
          withSys(
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
              "comments"),
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
              Map.entry("parent_incident", "incident")),
          Map.ofEntries(
              Map.entry("state", "1"),
              Map.entry("impact", "3"),
              Map.entry("urgency", "3"),
              Map.entry("severity", "3"),
              Map.entry("active", "true"),
              Map.entry("escalation", "0"),
              Map.entry("reopen_count", "0"),
              Map.entry("knowledge", "false"),
              Map.entry("made_sla", "true"),
              Map.entry("notify", "1"),
              Map.entry("upon_approval", "proceed"),
              Map.entry("approval", "not requested"),
              Map.entry("sys_domain", "global")),
          JOURNAL,
          false,
          new IncidentRules());

  static final TableSchema PROBLEM =
      task(
          "problem",
          "PRB",
          List.of("category", "subcategory", "known_error", "cause_notes", "fix_notes"),
          Map.of(),
          Map.of("state", "101", "known_error", "false"));

  static final TableSchema CHANGE_REQUEST =
      task(
          "change_request",
          "CHG",
          List.of(
              "type",
              "category",
              "risk",
              "requested_by",
              "start_date",
              "end_date",
              "justification",
              "implementation_plan",
              "backout_plan",
              "test_plan",
              "close_code"),
          Map.of("requested_by", "sys_user"),
          Map.of("state", "-5", "type", "normal", "risk", "3"));

  static final TableSchema CHANGE_TASK =
      task(
          "change_task",
          "CTASK",
          List.of("change_request", "planned_start_date", "planned_end_date"),
          Map.of("change_request", "change_request"),
          Map.of());

  static final TableSchema SC_REQUEST =
      task(
          "sc_request",
          "REQ",
          List.of("requested_for", "request_state", "stage", "price", "special_instructions"),
          Map.of("requested_for", "sys_user"),
          Map.of("request_state", "requested", "stage", "requested"));

  static final TableSchema SC_REQ_ITEM =
      task(
          "sc_req_item",
          "RITM",
          List.of("request", "cat_item", "quantity", "requested_for", "stage", "price"),
          Map.of("request", "sc_request", "cat_item", "sc_cat_item", "requested_for", "sys_user"),
          Map.of("quantity", "1", "stage", "request_approved"));

  static final TableSchema SC_TASK =
      task(
          "sc_task",
          "SCTASK",
          List.of("request", "request_item"),
          Map.of("request", "sc_request", "request_item", "sc_req_item"),
          Map.of());

  static final TableSchema CMDB_CI =
      plain(
          "cmdb_ci",
          List.of(
              "sys_id",
              "name",
              "short_description",
              "asset_tag",
              "serial_number",
              "ip_address",
              "fqdn",
              "manufacturer",
              "model_id",
              "location",
              "assigned_to",
              "support_group",
              "operational_status",
              "install_status",
              "correlation_id",
              "correlation_display"),
          Map.of(
              "manufacturer", "core_company",
              "model_id", "cmdb_model",
              "location", "cmn_location",
              "assigned_to", "sys_user",
              "support_group", "sys_user_group"),
          Map.of("operational_status", "1", "install_status", "1", "sys_domain", "global"));

  static final TableSchema SYS_USER =
      plain(
          "sys_user",
          List.of(
              "sys_id",
              "user_name",
              "first_name",
              "last_name",
              "name",
              "email",
              "title",
              "department",
              "manager",
              "phone",
              "mobile_phone",
              "active",
              "locked_out",
              "web_service_access_only",
              "correlation_id",
              "correlation_display"),
          Map.of("department", "cmn_department", "manager", "sys_user"),
          Map.of(
              "active", "true",
              "locked_out", "false",
              "web_service_access_only", "false",
              "sys_domain", "global"));

  static final TableSchema SYS_USER_GROUP =
      plain(
          "sys_user_group",
          List.of("sys_id", "name", "description", "manager", "email", "type", "parent", "active"),
          Map.of("manager", "sys_user", "parent", "sys_user_group"),
          Map.of("active", "true", "sys_domain", "global"));

  /** The tables {@code standardTables()} adds. */
  static final List<TableSchema> ALL =
      List.of(
          INCIDENT,
          PROBLEM,
          CHANGE_REQUEST,
          CHANGE_TASK,
          SC_REQUEST,
          SC_REQ_ITEM,
          SC_TASK,
          CMDB_CI,
          SYS_USER,
          SYS_USER_GROUP);

  private static final Map<String, TableSchema> BY_NAME = new HashMap<>();

  static {
    ALL.forEach(s -> BY_NAME.put(s.name(), s));
  }

  static void checkName(String name) {
    if (name == null || !TABLE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Not a ServiceNow table name (lower-case letters, digits, '_'): " + name);
    }
  }

  /** The known table of this name, or a custom table that takes any column. */
  static TableSchema named(String name) {
    checkName(name);
    if (name.equals(Journal.TABLE)) {
      return Journal.SCHEMA;
    }
    TableSchema known = BY_NAME.get(name);
    return known != null
        ? known
        : plain(name, List.of("sys_id"), Map.of(), Map.of()).withOpenColumns();
  }

  /**
   * A custom table that extends task (numbered with {@code numberPrefix}, journals, {@code
   * correlation_id}) and takes any further column.
   */
  static TableSchema customTask(String name, String numberPrefix) {
    checkName(name);
    if (BY_NAME.containsKey(name)) {
      throw new IllegalArgumentException(name + " is a standard table; use table(name)");
    }
    return task(name, numberPrefix, List.of(), Map.of(), Map.of()).withOpenColumns();
  }

  private static List<String> withSys(String... columns) {
    List<String> fields = new ArrayList<>(List.of(columns));
    fields.addAll(SYS);
    return List.copyOf(fields);
  }

  private static TableSchema task(
      String name,
      String prefix,
      List<String> extra,
      Map<String, String> references,
      Map<String, String> defaults) {
    List<String> fields = new ArrayList<>(TASK);
    fields.addAll(extra);
    fields.addAll(SYS);
    Map<String, String> refs = new LinkedHashMap<>(TASK_REFERENCES);
    refs.putAll(references);
    Map<String, String> values = new LinkedHashMap<>(TASK_DEFAULTS);
    values.putAll(defaults);
    return new TableSchema(
        name, prefix, List.copyOf(fields), refs, values, JOURNAL, false, TableSchema.Rules.NONE);
  }

  private static TableSchema plain(
      String name,
      List<String> columns,
      Map<String, String> references,
      Map<String, String> defaults) {
    List<String> fields = new ArrayList<>(columns);
    fields.addAll(SYS);
    return new TableSchema(
        name,
        null,
        List.copyOf(fields),
        references,
        defaults,
        Set.of(),
        false,
        TableSchema.Rules.NONE);
  }
}
