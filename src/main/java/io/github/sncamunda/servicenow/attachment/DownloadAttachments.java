package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentFactory;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.table.Pages;
import io.github.sncamunda.servicenow.table.Records;
import io.github.sncamunda.servicenow.table.Table;
import io.github.sncamunda.servicenow.table.TableInputs;
import io.github.sncamunda.servicenow.table.TableSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns attachments into Camunda documents: one by its sys_id, or every attachment of a record
 * whose file name matches a pattern. Sizes are checked against the limit from ServiceNow's metadata
 * before any content moves, then each file is streamed from {@code GET
 * /api/now/attachment/{sys_id}/file} straight into the document store, the limit enforced while
 * reading.
 */
public final class DownloadAttachments {

  /** Which attachments to download. */
  public sealed interface Selection {
    record One(String attachmentSysId) implements Selection {}

    record OfRecord(Table table, String sysId, String fileNamePattern, Integer maxFiles)
        implements Selection {}
  }

  private static final int DEFAULT_MAX_FILES = 20;

  private DownloadAttachments() {}

  public static DownloadedAttachments execute(
      TableSession session, DocumentFactory documents, Selection selection, SizeLimit limit) {
    Chosen picked =
        switch (selection) {
          case Selection.One one ->
              new Chosen(List.of(metadata(session, one.attachmentSysId())), false);
          case Selection.OfRecord record -> ofRecord(session, record);
        };
    List<Attachment> chosen = picked.attachments();
    for (Attachment attachment : chosen) {
      if (attachment.sizeBytes() != null && attachment.sizeBytes() > limit.bytes()) {
        throw TooLarge.error(
            "Attachment " + SafeText.quote(attachment.fileName()), attachment.sizeBytes(), limit);
      }
    }
    List<Document> out = new ArrayList<>(chosen.size());
    for (Attachment attachment : chosen) {
      out.add(download(session, documents, attachment, limit));
    }
    return new DownloadedAttachments(out, chosen, chosen.size(), picked.truncated());
  }

  /** The attachments to download; {@code truncated} when more matched than were chosen. */
  private record Chosen(List<Attachment> attachments, boolean truncated) {}

  private static Attachment metadata(TableSession session, String attachmentSysId) {
    String id = TableInputs.sysId(attachmentSysId, AttachmentTable.ATTACHMENT);
    ServiceNowRequest request = AttachmentRequests.attachment(HttpMethod.GET, id).build();
    return Attachment.of(Records.single(session.execute(request), request.describe()));
  }

  private static Chosen ofRecord(TableSession session, Selection.OfRecord record) {
    String sysId = TableInputs.sysId(record.sysId(), record.table());
    Pattern names = FileNames.glob(record.fileNamePattern());
    int maxFiles =
        record.maxFiles() == null ? DEFAULT_MAX_FILES : TableInputs.maxRecords(record.maxFiles());
    Pages.Collected attached =
        Pages.collect(
            session,
            (limit, offset) -> AttachmentRequests.list(record.table(), sysId, null, limit, offset),
            500,
            0,
            true,
            TableInputs.MAX_LIMIT);
    List<Attachment> chosen = new ArrayList<>();
    int matched = 0;
    for (Map<String, Object> node : attached.records()) {
      Attachment attachment = Attachment.of(node);
      if (FileNames.matches(names, attachment.fileName()) && matched++ < maxFiles) {
        chosen.add(attachment);
      }
    }
    return new Chosen(chosen, matched > maxFiles || attached.nextOffset() != null);
  }

  private static Document download(
      TableSession session, DocumentFactory documents, Attachment attachment, SizeLimit limit) {
    ServiceNowRequest request =
        AttachmentRequests.attachment(HttpMethod.GET, attachment.sysId(), "file")
            .header("Accept", "*/*")
            .build();
    String fileName = FileNames.sanitize(attachment.fileName());
    return session.download(
        request,
        limit.bytes(),
        (content, head) -> {
          String type = head.header("content-type");
          return documents.create(
              DocumentCreationRequest.from(content)
                  .fileName(fileName)
                  .contentType(attachment.contentType() != null ? attachment.contentType() : type)
                  .build());
        });
  }
}
