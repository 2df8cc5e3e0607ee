package io.github.sncamunda.servicenow.record;

import io.github.sncamunda.servicenow.binding.TypeNames;
import io.github.sncamunda.servicenow.common.FieldPatterns;

/** Texts and rules shared by several Record Handler template fields and messages. */
final class RecordTexts {

  /** The operation ids a process may use, for error messages. */
  static final String VALID_IDS = TypeNames.listed(RecordOperation.class);

  // Modeler shows a pattern's message on the field; the connector checks every value again
  static final String SYS_ID_PATTERN = FieldPatterns.SYS_ID;
  static final String SYS_ID_MESSAGE = FieldPatterns.SYS_ID_MESSAGE;
  static final String SYS_ID_TOOLTIP =
      "The record's sys_id, usually mapped from an earlier step's result, e.g. =response.sysId"
          + " stored as =changeSysId.";
  static final String COUNT_PATTERN = FieldPatterns.COUNT;
  static final String OPTIONAL_COUNT_PATTERN = FieldPatterns.OPTIONAL_COUNT;
  static final String COUNT_MESSAGE = FieldPatterns.COUNT_MESSAGE;
  static final String OFFSET_PATTERN = FieldPatterns.OFFSET;
  static final String OFFSET_MESSAGE = FieldPatterns.OFFSET_MESSAGE;
  static final String MEGABYTES_PATTERN =
      "^(" + FieldPatterns.EMPTY_FIELD + "|=.*|[1-9][0-9]{0,4})$";
  static final String MEGABYTES_MESSAGE =
      "must be a whole number of megabytes, or a FEEL expression";
  static final String PAYLOAD_TOOLTIP =
      "The fields to set, as a FEEL context or JSON text, e.g. {\"short_description\": \"Patch"
          + " db01\", \"assignment_group\": groupSysId}. Values are stored values unless Input"
          + " display value is on.";
  static final String JOURNAL_TEXT_TOOLTIP =
      "Appended to the record's journal as one entry; plain text, line breaks kept.";

  private RecordTexts() {}
}
