package io.github.sncamunda.servicenow.incident;

import io.github.sncamunda.servicenow.binding.TypeNames;

/** Texts shared by several template fields and messages. */
final class TemplateTexts {

  /** The ids a process may use, for error messages. */
  static final String VALID_IDS = TypeNames.listed(IncidentOperation.class);

  static final String SYS_ID_TOOLTIP =
      "The incident's sys_id, usually mapped from an earlier step's result, e.g. =incidentSysId"
          + " from {incidentSysId: response.sysId}.";

  /** The operations whose result carries records, which the table options shape. */
  static final String[] RETURNS_RECORDS = {"create", "read", "update", "search"};

  private TemplateTexts() {}
}
