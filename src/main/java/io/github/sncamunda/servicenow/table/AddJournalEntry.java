package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sncamunda.servicenow.common.Json;

/**
 * Adds a work note or a comment: a PATCH of {@code work_notes} or {@code comments} on the record.
 * Each PATCH appends a journal entry, so after a lost answer the journal is looked at first and the
 * PATCH is sent again only when the entry is not there (see {@link UpdateRecord}).
 */
public final class AddJournalEntry {

  private AddJournalEntry() {}

  public static RecordResult execute(
      TableSession session,
      Table table,
      String sysId,
      JournalField field,
      String text,
      ReturnOptions options) {
    String id = TableInputs.sysId(sysId, table);
    String entry = TableInputs.journalText(text, field.label());
    ObjectNode body = Json.object().put(field.field(), entry);
    return UpdateRecord.patch(session, table, id, body, options);
  }
}
