package io.github.sncamunda.servicenow.incident;

/** Texts shared by several template fields and messages. */
final class TemplateTexts {

  /** The ids a process may use, for error messages. */
  static final String VALID_IDS = "create, read, update, delete, search";

  static final String PAYLOAD_DESCRIPTION =
      "JSON object of incident fields, e.g. {\"short_description\": \"Disk full on db01\","
          + " \"urgency\": \"2\"}";
  static final String SYS_ID_DESCRIPTION =
      "The incident's sys_id (32 characters), usually from an earlier step, e.g. =incidentSysId";
  static final String DISPLAY_VALUE_DESCRIPTION =
      "sysparm_display_value: return stored values (false), display values (true) or both (all)";
  static final String EXCLUDE_LINK_DESCRIPTION =
      "sysparm_exclude_reference_link: return reference fields as plain sys_ids instead of {link,"
          + " value} objects";
  static final String FIELDS_DESCRIPTION =
      "sysparm_fields: comma-separated fields to return, e.g. sys_id,number,state. Empty returns"
          + " all fields.";
  static final String INPUT_DISPLAY_VALUE_DESCRIPTION =
      "sysparm_input_display_value: treat payload values as display values, e.g. a caller's name"
          + " instead of its sys_id";

  private TemplateTexts() {}
}
