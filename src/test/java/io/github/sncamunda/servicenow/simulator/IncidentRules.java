package io.github.sncamunda.servicenow.simulator;

import java.util.Map;
import java.util.Set;

/** The incident business rules the simulator plays: priority lookup, resolve and close stamps. */
final class IncidentRules implements TableSchema.Rules {

  @Override
  public Set<String> derivedFields() {
    return Set.of("priority", "incident_state");
  }

  @Override
  public void derive(Map<String, String> r, String now, String user) {
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

  /** Labels of ServiceNow's default incident choices. */
  @Override
  public String display(String field, String value) {
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
