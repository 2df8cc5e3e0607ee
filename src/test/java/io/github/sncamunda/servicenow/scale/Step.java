package io.github.sncamunda.servicenow.scale;

import io.github.sncamunda.servicenow.simulator.LogEntry;
import java.util.Map;

/**
 * The three connector tasks of the load process and how a ServiceNow request is traced back to one
 * of them and to its process instance's business key (which is also the Correlation ID): the
 * create's look-up and POST carry the key, the flow trigger carries it as {@code correlationValue},
 * a work note's PATCH names the incident, whose {@code correlation_id} is the key, and so do the
 * look in the incident's journal after a note's answer was lost and the read of the incident that
 * follows a found note.
 */
enum Step {
  CREATE("CreateIncident"),
  FLOW("StartFlow"),
  NOTE("AddWorkNote");

  static final String INCIDENTS = "/api/now/table/incident";
  static final String FLOW_PATH = "/api/x_acme/scale/start";
  static final String JOURNAL = "/api/now/table/sys_journal_field";

  final String elementId;

  Step(String elementId) {
    this.elementId = elementId;
  }

  static Step ofElement(String elementId) {
    for (Step s : values()) {
      if (s.elementId.equals(elementId)) {
        return s;
      }
    }
    return null;
  }

  /** A request traced to its process instance (business key) and task. */
  record Target(String key, Step step) {}

  /**
   * The task and key of a request, or null (token requests, anything else).
   *
   * @param keyOfIncident incident sys_id → its correlation_id
   */
  static Target of(LogEntry e, Map<String, String> keyOfIncident) {
    String path = e.path();
    switch (e.method()) {
      case "POST" -> {
        if (path.equals(INCIDENTS)) {
          String key = e.bodyField("correlation_id");
          return key == null ? null : new Target(key, CREATE);
        }
        if (path.equals(FLOW_PATH)) {
          String key = e.bodyField("correlationValue");
          return key == null ? null : new Target(key, FLOW);
        }
      }
      case "GET" -> {
        String query = e.query().get("sysparm_query");
        if (path.equals(INCIDENTS) && query != null && query.startsWith("correlation_id=")) {
          return new Target(query.substring("correlation_id=".length()), CREATE);
        }
        if (path.equals(JOURNAL) && query != null && query.startsWith("element_id=")) {
          int end = query.indexOf('^');
          String sysId = query.substring("element_id=".length(), end < 0 ? query.length() : end);
          return noteOf(sysId, keyOfIncident);
        }
        if (path.startsWith(INCIDENTS + "/")) {
          return noteOf(path.substring(INCIDENTS.length() + 1), keyOfIncident);
        }
      }
      case "PATCH" -> {
        if (path.startsWith(INCIDENTS + "/")) {
          return noteOf(path.substring(INCIDENTS.length() + 1), keyOfIncident);
        }
      }
      default -> {}
    }
    return null;
  }

  private static Target noteOf(String sysId, Map<String, String> keyOfIncident) {
    String key = keyOfIncident.get(sysId);
    return key == null ? null : new Target(key, NOTE);
  }

  static boolean write(LogEntry e) {
    return e.method().equals("POST") || e.method().equals("PATCH");
  }
}
