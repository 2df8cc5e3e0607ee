package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentMetadata;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.client.DoneOnce;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.Replay;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.StreamContent;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.table.Pages;
import io.github.sncamunda.servicenow.table.Records;
import io.github.sncamunda.servicenow.table.Table;
import io.github.sncamunda.servicenow.table.TableInputs;
import io.github.sncamunda.servicenow.table.TableSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Attaches documents to a record: {@code POST /api/now/attachment/file} per document, its bytes
 * streamed from the document store with its content type. Every document is checked first (size
 * against the limit, names sanitised), so a too-large second file does not leave the first one
 * attached. An upload is a POST: never sent twice after an ambiguous failure; with {@code
 * skipExisting} a file of the same name and size already on the record is not attached again, so a
 * retried job does not attach twice.
 */
public final class UploadAttachments {

  private static final String OCTET_STREAM = "application/octet-stream";
  private static final int MAX_DOCUMENTS = 100;

  private UploadAttachments() {}

  private record Upload(Document document, String fileName, String contentType, long size) {}

  public static UploadedAttachments execute(
      TableSession session,
      Table table,
      String sysId,
      List<Document> documents,
      String fileName,
      boolean skipExisting,
      SizeLimit limit) {
    String record = TableInputs.sysId(sysId, table);
    List<Upload> uploads = plan(documents, fileName, limit);
    List<Attachment> out = new ArrayList<>(uploads.size());
    // with skip-existing a retried job finds what is attached; without it, it would attach again
    Replay replay = skipExisting ? Replay.BY_JOB_RETRY : Replay.NEVER;
    List<String> attached = new ArrayList<>();
    for (Upload upload : uploads) {
      Attachment same = skipExisting ? attachedAlready(session, table, record, upload) : null;
      if (same != null) {
        out.add(same.asSkipped());
        continue;
      }
      try {
        out.add(send(session, table, record, upload, limit, replay));
      } catch (ConnectorException e) {
        if (attached.isEmpty() || replay != Replay.NEVER) {
          throw e;
        }
        throw DoneOnce.failedAfter("attached " + String.join(", ", attached), e);
      }
      attached.add(SafeText.quote(upload.fileName()));
    }
    return new UploadedAttachments(out, out.size());
  }

  private static List<Upload> plan(List<Document> documents, String fileName, SizeLimit limit) {
    if (documents == null || documents.isEmpty() || documents.contains(null)) {
      throw new ConnectorInputException(
          "Documents is required: one or more Camunda documents, e.g. =[report] or"
              + " =previousTask.documents");
    }
    if (documents.size() > MAX_DOCUMENTS) {
      throw new ConnectorInputException(
          "At most " + MAX_DOCUMENTS + " documents per task; got " + documents.size());
    }
    boolean renamed = fileName != null && !fileName.isBlank();
    if (renamed && documents.size() > 1) {
      throw new ConnectorInputException(
          "File name can only be set when uploading one document; got " + documents.size());
    }
    List<Upload> uploads = new ArrayList<>(documents.size());
    for (Document document : documents) {
      DocumentMetadata metadata = document.metadata();
      String name = FileNames.sanitize(renamed ? fileName : metadata.getFileName());
      String type = metadata.getContentType();
      long size = metadata.getSize() != null ? metadata.getSize() : measure(document, limit);
      if (size > limit.bytes()) {
        throw TooLarge.error("Document " + SafeText.quote(name), size, limit);
      }
      uploads.add(
          new Upload(document, name, type == null || type.isBlank() ? OCTET_STREAM : type, size));
    }
    return uploads;
  }

  /**
   * A document store that does not record sizes (the runtime's in-memory one) is read through once,
   * counting and discarding, at most one byte past the limit: the size decides the limit check, the
   * Content-Length and the skip-existing comparison before anything is sent.
   */
  private static long measure(Document document, SizeLimit limit) {
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    try (InputStream in = document.asInputStream()) {
      int n;
      while (size <= limit.bytes() && (n = in.read(buffer)) != -1) {
        size += n;
      }
      return size;
    } catch (IOException e) {
      throw new ConnectorException(
          ErrorCodes.CONNECTION_FAILED,
          "The document could not be read from the document store: "
              + e.getClass().getSimpleName());
    }
  }

  private static Attachment send(
      TableSession session,
      Table table,
      String record,
      Upload upload,
      SizeLimit limit,
      Replay replay) {
    ServiceNowRequest request =
        AttachmentRequests.attachment(HttpMethod.POST, "file")
            .query("table_name", table.name())
            .query("table_sys_id", record)
            .query("file_name", upload.fileName())
            .content(
                new StreamContent(
                    upload.document()::asInputStream,
                    upload.size(),
                    upload.contentType(),
                    limit.bytes()))
            .replay(replay)
            .build();
    return Attachment.of(Records.single(session.execute(request), request.describe()));
  }

  /**
   * The attachment of the same name and size on the record, if any: looked up by its exact name,
   * every page of them, so a record with any number of attachments is searched whole.
   */
  private static Attachment attachedAlready(
      TableSession session, Table table, String record, Upload upload) {
    Pages.Collected named =
        Pages.collect(
            session,
            (limit, offset) ->
                AttachmentRequests.list(table, record, upload.fileName(), limit, offset),
            500,
            0,
            true,
            Integer.MAX_VALUE);
    List<Attachment> existing = new ArrayList<>(named.records().size());
    named.records().forEach(node -> existing.add(Attachment.of(node)));
    return sameFile(existing, upload);
  }

  private static Attachment sameFile(List<Attachment> existing, Upload upload) {
    if (upload.size() < 0) {
      return null; // without a size, "the same file" cannot be told apart from a new version
    }
    for (Attachment attachment : existing) {
      if (Objects.equals(attachment.fileName(), upload.fileName())
          && Objects.equals(attachment.sizeBytes(), upload.size())) {
        return attachment;
      }
    }
    return null;
  }
}
