package io.github.sncamunda.servicenow.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Attachment API: {@code POST /api/now/attachment/file} (raw body, read as a stream), {@code
 * GET /api/now/attachment} (query, paged), {@code GET|DELETE /api/now/attachment/<sys_id>} and
 * {@code GET /api/now/attachment/<sys_id>/file}.
 */
final class AttachmentApi {

  private static final Pattern PATH =
      Pattern.compile("/api/now/(?:v\\d+/)?attachment(?:/([^/]+)(/file)?)?/?");
  private static final int DEFAULT_LIMIT = 1000;

  private final AttachmentStore store;
  private final Tables tables;
  private final Supplier<String> baseUrl;

  AttachmentApi(AttachmentStore store, Tables tables, Supplier<String> baseUrl) {
    this.store = store;
    this.tables = tables;
    this.baseUrl = baseUrl;
  }

  static boolean matches(String path) {
    return PATH.matcher(path).matches();
  }

  /** Uploads are streamed: the server must leave their body unread. */
  static boolean streams(Request request) {
    return request.method.equals("POST") && isUpload(request.path);
  }

  private static boolean isUpload(String path) {
    Matcher m = PATH.matcher(path);
    return m.matches() && "file".equals(m.group(1)) && m.group(2) == null;
  }

  Reply handle(Request request, String user) throws IOException {
    Matcher m = PATH.matcher(request.path);
    if (!m.matches()) {
      return Reply.noSuchResource();
    }
    String id = m.group(1);
    boolean file = m.group(2) != null;
    if (id == null) {
      return request.method.equals("GET")
          ? list(request)
          : Reply.methodNotSupported(request.method + " method not supported for API");
    }
    if (id.equals("file") && !file) {
      return request.method.equals("POST")
          ? upload(request, user)
          : Reply.methodNotSupported(request.method + " method not supported for API");
    }
    Attachment attachment = store.get(id);
    if (attachment == null) {
      return Reply.notFound();
    }
    return switch (request.method) {
      case "GET" ->
          file
              ? download(attachment)
              : Reply.json(200, render(request).single(attachment.metadata()));
      case "DELETE" -> {
        if (file) {
          yield Reply.methodNotSupported("DELETE method not supported for API");
        }
        store.delete(id);
        yield Reply.empty(204);
      }
      default -> Reply.methodNotSupported(request.method + " method not supported for API");
    };
  }

  private Reply upload(Request request, String user) throws IOException {
    String table = request.param("table_name");
    String tableSysId = request.param("table_sys_id");
    String fileName = request.param("file_name");
    String contentType = request.header("Content-Type");
    for (String[] required :
        new String[][] {
          {"table_name", table},
          {"table_sys_id", tableSysId},
          {"file_name", fileName},
          {"Content-Type header", contentType}
        }) {
      if (required[1] == null || required[1].isBlank()) {
        return Reply.error(400, "Missing " + required[0], "Mandatory for attachment uploads");
      }
    }
    Table target = tables.find(table);
    Map<String, String> record = target == null ? null : target.get(tableSysId);
    if (record == null || tables.hidden(table, record)) {
      return Reply.error(
          404, "Record not found", "No record " + tableSysId + " in " + table + " to attach to");
    }
    String length = request.header("Content-Length");
    String encoding = request.header("Transfer-Encoding");
    AttachmentStore.Upload upload =
        new AttachmentStore.Upload(
            table,
            tableSysId,
            fileName,
            contentType,
            user,
            length == null ? -1 : Long.parseLong(length.trim()),
            encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked"));
    Attachment attachment = store.receive(upload, request.bodyStream());
    request.bodyBytes = attachment.size();
    return Reply.json(201, render(request).single(attachment.metadata()))
        .withHeaders(
            Map.of("Location", baseUrl.get() + "/api/now/attachment/" + attachment.sysId()));
  }

  private static Reply download(Attachment attachment) {
    AttachmentContent content = attachment.content();
    if (content == null) {
      return Reply.error(
          500,
          "Content not kept by the simulator",
          "Only the first "
              + attachment.firstBytes().length
              + " bytes were kept; raise attachmentBytesKept to download it");
    }
    String metadata = SimJson.MAPPER.valueToTree(attachment.metadata()).toString();
    return new Reply(
        200,
        attachment.contentType(),
        Reply.EMPTY,
        Map.of("X-Attachment-Metadata", metadata),
        content);
  }

  private Reply list(Request request) {
    List<Map<String, String>> all = store.list().stream().map(Attachment::metadata).toList();
    List<Map<String, String>> matching =
        EncodedQuery.parse(request.param("sysparm_query"), AttachmentStore.QUERYABLE).select(all);
    Paging paging = Paging.of(request, matching.size(), DEFAULT_LIMIT);
    return new Reply(
        200,
        ServiceNowSimulator.JSON,
        render(request).list(paging.page(matching)),
        paging.headers(request, baseUrl.get()));
  }

  private RecordJson render(Request request) {
    return RecordJson.of(AttachmentStore.SCHEMA, request, baseUrl.get());
  }
}
