package io.github.sncamunda.servicenow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Attachments ({@code sys_attachment}), thread-safe. Uploads are read as a stream: only the first
 * {@link #bytesKept} bytes stay in memory, with size and SHA-256 of the whole, so a 100 MB upload
 * costs the simulator at most that much.
 */
final class AttachmentStore {

  private static final int BUFFER = 64 * 1024;

  /** The metadata columns, in answer order. */
  static final List<String> SCHEMA_FIELDS =
      List.of(
          "sys_id",
          "file_name",
          "content_type",
          "size_bytes",
          "size_compressed",
          "compressed",
          "table_name",
          "table_sys_id",
          "download_link",
          "hash",
          "average_image_color",
          "image_width",
          "image_height",
          "sys_tags",
          "sys_mod_count",
          "sys_created_on",
          "sys_created_by",
          "sys_updated_on",
          "sys_updated_by");

  static final Set<String> QUERYABLE = Set.copyOf(SCHEMA_FIELDS);

  /** How metadata renders: plain columns, no references. */
  static final TableSchema SCHEMA =
      new TableSchema(
          "sys_attachment",
          null,
          SCHEMA_FIELDS,
          Map.of(),
          Map.of(),
          Set.of(),
          false,
          TableSchema.Rules.NONE);

  /** What the upload request said about the file. */
  record Upload(
      String table,
      String tableSysId,
      String fileName,
      String contentType,
      String user,
      long contentLength,
      boolean chunked) {}

  private record Entry(long order, Attachment attachment) {}

  private final Map<String, Entry> bySysId = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, Attachment> inOrder = new ConcurrentSkipListMap<>();
  private final AtomicLong order = new AtomicLong();
  private final Supplier<String> baseUrl;
  private volatile Clock clock;
  private volatile long bytesKept = 1 << 20;

  AttachmentStore(Clock clock, Supplier<String> baseUrl) {
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  void bytesKept(long max) {
    if (max < 0 || max > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("bytes kept must be between 0 and 2 GB: " + max);
    }
    bytesKept = max;
  }

  /** Reads the upload to its end, keeping its first bytes, size and SHA-256. */
  Attachment receive(Upload upload, InputStream body) throws IOException {
    long limit = bytesKept;
    ByteArrayOutputStream first = new ByteArrayOutputStream((int) Math.min(limit, BUFFER));
    MessageDigest sha = sha256();
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    for (int n; (n = body.read(buffer)) >= 0; size += n) {
      sha.update(buffer, 0, n);
      if (size < limit) {
        first.write(buffer, 0, (int) Math.min(n, limit - size));
      }
    }
    byte[] kept = first.toByteArray();
    AttachmentContent content = kept.length == size ? AttachmentContent.of(kept) : null;
    return add(upload, size, HexFormat.of().formatHex(sha.digest()), kept, content);
  }

  /** Adds an attachment as if uploaded, with content kept or generated. */
  Attachment seed(Upload upload, AttachmentContent content) {
    MessageDigest sha = sha256();
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      content.writeTo(sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] first = content.readFirst((int) Math.min(content.length(), bytesKept));
    return add(upload, content.length(), HexFormat.of().formatHex(sha.digest()), first, content);
  }

  private Attachment add(
      Upload upload, long size, String sha256, byte[] first, AttachmentContent content) {
    String sysId = Table.newSysId();
    String now = Table.DATE_TIME.format(clock.instant());
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sys_id", sysId);
    m.put("file_name", upload.fileName());
    m.put("content_type", upload.contentType());
    m.put("size_bytes", Long.toString(size));
    m.put("size_compressed", "");
    m.put("compressed", "false");
    m.put("table_name", upload.table());
    m.put("table_sys_id", upload.tableSysId());
    m.put("download_link", baseUrl.get() + "/api/now/attachment/" + sysId + "/file");
    m.put("hash", sha256);
    m.put("average_image_color", "");
    m.put("image_width", "");
    m.put("image_height", "");
    m.put("sys_tags", "");
    m.put("sys_mod_count", "0");
    m.put("sys_created_on", now);
    m.put("sys_created_by", upload.user());
    m.put("sys_updated_on", now);
    m.put("sys_updated_by", upload.user());
    Attachment attachment =
        new Attachment(m, size, sha256, first, content, upload.contentLength(), upload.chunked());
    long position = order.incrementAndGet();
    bySysId.put(sysId, new Entry(position, attachment));
    inOrder.put(position, attachment);
    return attachment;
  }

  Attachment get(String sysId) {
    Entry entry = bySysId.get(sysId);
    return entry == null ? null : entry.attachment();
  }

  boolean delete(String sysId) {
    Entry entry = bySysId.remove(sysId);
    if (entry != null) {
      inOrder.remove(entry.order());
    }
    return entry != null;
  }

  /** All attachments, oldest first. */
  List<Attachment> list() {
    return new ArrayList<>(inOrder.values());
  }

  void clear() {
    bySysId.clear();
    inOrder.clear();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
