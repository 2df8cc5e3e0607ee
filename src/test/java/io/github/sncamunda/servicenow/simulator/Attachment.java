package io.github.sncamunda.servicenow.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attachment the simulator holds: its {@code sys_attachment} metadata, size and SHA-256 of the
 * whole content, the first bytes, and the whole content only when it was small enough to keep (see
 * {@code ServiceNowSimulator.attachmentBytesKept}) or is generated on demand.
 */
public final class Attachment {

  private final Map<String, String> metadata;
  private final long size;
  private final String sha256;
  private final byte[] firstBytes;
  private final AttachmentContent content;
  private final long uploadContentLength;
  private final boolean uploadChunked;

  Attachment(
      Map<String, String> metadata,
      long size,
      String sha256,
      byte[] firstBytes,
      AttachmentContent content,
      long uploadContentLength,
      boolean uploadChunked) {
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.size = size;
    this.sha256 = sha256;
    this.firstBytes = firstBytes;
    this.content = content;
    this.uploadContentLength = uploadContentLength;
    this.uploadChunked = uploadChunked;
  }

  /** The fields the Attachment API answers ({@code sys_id}, {@code file_name}, …). */
  public Map<String, String> metadata() {
    return metadata;
  }

  public String sysId() {
    return metadata.get("sys_id");
  }

  public String fileName() {
    return metadata.get("file_name");
  }

  public String contentType() {
    return metadata.get("content_type");
  }

  public String tableName() {
    return metadata.get("table_name");
  }

  public String tableSysId() {
    return metadata.get("table_sys_id");
  }

  /** Bytes of the whole content. */
  public long size() {
    return size;
  }

  /** SHA-256 of the whole content, lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Whether {@link #bytes()} and downloads can give the whole content. */
  public boolean contentKept() {
    return content != null;
  }

  /** The whole content; only when {@link #contentKept()} (mind the size of generated ones). */
  public byte[] bytes() {
    if (content == null) {
      throw new IllegalStateException(
          "Only the first " + firstBytes.length + " of " + size + " bytes were kept");
    }
    return content.readAll();
  }

  /** The first bytes, as many as were kept (all of a small upload). */
  public byte[] firstBytes() {
    return firstBytes.clone();
  }

  /** The upload's {@code Content-Length}, or -1 when it was sent chunked (or seeded). */
  public long uploadContentLength() {
    return uploadContentLength;
  }

  /** Whether the upload came with {@code Transfer-Encoding: chunked}. */
  public boolean uploadChunked() {
    return uploadChunked;
  }

  /** The content for a download, or null when it was not kept. */
  AttachmentContent content() {
    return content;
  }

  @Override
  public String toString() {
    return "Attachment[" + sysId() + " " + fileName() + ", " + size + " bytes]";
  }
}
