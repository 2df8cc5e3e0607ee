package io.github.sncamunda.servicenow.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schemas of the tables the simulator knows by name. */
final class StandardTables {

  private StandardTables() {}

  static final Set<String> JOURNAL = Set.of("work_notes", "comments");

  static final TableSchema INCIDENT =
      new TableSchema(
          "incident",
          "INC",
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
              "sys_mod_count"),
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
}
