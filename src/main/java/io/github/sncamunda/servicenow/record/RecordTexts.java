package io.github.sncamunda.servicenow.record;

/** Texts and rules shared by several Record Handler template fields and messages. */
final class RecordTexts {

  /** The operation ids a process may use, for error messages. */
  static final String VALID_IDS =
      "create, read, update, delete, search, addWorkNote, addComment, readJournal,"
          + " orderCatalogItem, uploadAttachments, listAttachments, downloadAttachments,"
          + " deleteAttachment";

  // Modeler shows a pattern's message on the field; FEEL expressions (=…) are left to the connector
  static final String SYS_ID_PATTERN = "^(=.*|[A-Za-z0-9_.-]{1,32})$";
  static final String SYS_ID_MESSAGE =
      "A sys_id: up to 32 letters, digits, '_', '.' or '-', or a FEEL expression such as"
          + " =recordSysId";
  static final String SYS_ID_TOOLTIP =
      "The record's sys_id, usually mapped from an earlier step's result, e.g. =response.sysId"
          + " stored as =changeSysId.";
  static final String COUNT_PATTERN = "^(=.*|[1-9][0-9]{0,3}|10000)$";
  static final String COUNT_MESSAGE = "A whole number from 1 to 10000, or a FEEL expression";
  static final String MEGABYTES_PATTERN = "^(=.*|[1-9][0-9]{0,4})$";
  static final String MEGABYTES_MESSAGE = "A whole number of megabytes, or a FEEL expression";
  static final String PAYLOAD_TOOLTIP =
      "The fields to set, as a FEEL context or JSON text, e.g. {\"short_description\": \"Patch"
          + " db01\", \"assignment_group\": groupSysId}. Values are stored values unless Input"
          + " display value is on.";
  static final String JOURNAL_TEXT_TOOLTIP =
      "Appended to the record's journal as one entry; plain text, line breaks kept.";

  private RecordTexts() {}
}
