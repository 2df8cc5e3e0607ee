package io.github.sncamunda.servicenow.record;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.github.sncamunda.servicenow.attachment.DeleteAttachment;
import io.github.sncamunda.servicenow.attachment.DownloadAttachments;
import io.github.sncamunda.servicenow.attachment.ListAttachments;
import io.github.sncamunda.servicenow.attachment.SizeLimit;
import io.github.sncamunda.servicenow.attachment.UploadAttachments;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.table.AddJournalEntry;
import io.github.sncamunda.servicenow.table.CreateRecord;
import io.github.sncamunda.servicenow.table.DeleteRecord;
import io.github.sncamunda.servicenow.table.JournalField;
import io.github.sncamunda.servicenow.table.OrderCatalogItem;
import io.github.sncamunda.servicenow.table.ReadJournal;
import io.github.sncamunda.servicenow.table.ReadRecord;
import io.github.sncamunda.servicenow.table.ReturnOptions;
import io.github.sncamunda.servicenow.table.SearchRecords;
import io.github.sncamunda.servicenow.table.TableSession;
import io.github.sncamunda.servicenow.table.UpdateRecord;
import java.util.List;

/** Routes each Record Handler operation to the table operation that does it. */
final class RecordOperations {

  private RecordOperations() {}

  static Object execute(
      ServiceNowClient client, OutboundConnectorContext documents, RecordRequest request) {
    if (request == null || request.operation() == null) {
      throw new ConnectorInputException("Operation is required: one of " + RecordTexts.VALID_IDS);
    }
    TableSession session = new TableSession(client, request.connection(), request.authentication());
    ReturnOptions options =
        request.options() == null ? ReturnOptions.DEFAULTS : request.options().toReturnOptions();
    return switch (request.operation()) {
      case RecordOperation.Create create ->
          CreateRecord.execute(
              session,
              table(request),
              new CreateRecord.Input(
                  create.payload(),
                  create.correlationId(),
                  create.correlationField(),
                  CreateRecord.jobMark(
                      !Boolean.TRUE.equals(create.unmarked()), documents.getJobContext())),
              options);
      case RecordOperation.Read read ->
          ReadRecord.execute(session, table(request), read.sysId(), options);
      case RecordOperation.Update update ->
          UpdateRecord.execute(session, table(request), update.sysId(), update.payload(), options);
      case RecordOperation.Delete delete ->
          DeleteRecord.execute(session, table(request), delete.sysId());
      case RecordOperation.Search search ->
          SearchRecords.execute(
              session,
              table(request),
              new SearchRecords.Search(
                  search.query(),
                  search.orderBy(),
                  search.orderDirection(),
                  search.limit(),
                  search.offset(),
                  Boolean.TRUE.equals(search.allPages()),
                  search.maxRecords()),
              options);
      case RecordOperation.AddWorkNote note ->
          AddJournalEntry.execute(
              session, table(request), note.sysId(), JournalField.WORK_NOTES, note.text(), options);
      case RecordOperation.AddComment comment ->
          AddJournalEntry.execute(
              session,
              table(request),
              comment.sysId(),
              JournalField.COMMENTS,
              comment.text(),
              options);
      case RecordOperation.ReadJournal journal ->
          ReadJournal.execute(
              session,
              table(request),
              journal.sysId(),
              journalFields(journal.journal()),
              journal.limit());
      case RecordOperation.OrderCatalogItem order ->
          OrderCatalogItem.execute(
              session, order.itemSysId(), order.quantity(), order.variables(), options);
      case RecordOperation.UploadAttachments upload ->
          UploadAttachments.execute(
              session,
              table(request),
              upload.sysId(),
              upload.documents(),
              upload.fileName(),
              !Boolean.FALSE.equals(upload.skipExisting()),
              limit(client, upload.maxSizeMb()));
      case RecordOperation.ListAttachments list ->
          ListAttachments.execute(
              session,
              table(request),
              list.sysId(),
              list.limit(),
              list.offset(),
              Boolean.TRUE.equals(list.allPages()),
              list.maxRecords());
      case RecordOperation.DownloadAttachments download ->
          DownloadAttachments.execute(
              session,
              documents,
              selection(request, download),
              limit(client, download.maxSizeMb()));
      case RecordOperation.DeleteAttachment delete ->
          DeleteAttachment.execute(session, delete.attachmentSysId());
    };
  }

  private static io.github.sncamunda.servicenow.table.Table table(RecordRequest request) {
    if (request.table() == null) {
      throw new ConnectorInputException(
          "Table is required: choose a table, or Other with a table name");
    }
    return request.table().resolve();
  }

  private static SizeLimit limit(ServiceNowClient client, Integer megabytes) {
    return SizeLimit.of(megabytes, client.settings().maxAttachmentBytes());
  }

  private static DownloadAttachments.Selection selection(
      RecordRequest request, RecordOperation.DownloadAttachments download) {
    String source =
        download.source() == null || download.source().isBlank() ? "record" : download.source();
    return switch (source) {
      case "attachment" -> new DownloadAttachments.Selection.One(download.attachmentSysId());
      case "record" ->
          new DownloadAttachments.Selection.OfRecord(
              table(request), download.sysId(), download.fileNamePattern(), download.maxFiles());
      default ->
          throw new ConnectorInputException(
              "Download must be record or attachment; got " + SafeText.quote(source));
    };
  }

  private static List<JournalField> journalFields(String journal) {
    if (journal == null || journal.isBlank() || journal.equals("all")) {
      return List.of();
    }
    for (JournalField field : JournalField.values()) {
      if (field.field().equals(journal)) {
        return List.of(field);
      }
    }
    throw new ConnectorInputException(
        "Journal must be one of all, work_notes, comments; got " + SafeText.quote(journal));
  }
}
