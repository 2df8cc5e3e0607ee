package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * Writes a {@link StreamContent} to the connection in fixed chunks, opening its source afresh for
 * each send and counting bytes against the limit, so memory stays at one buffer whatever the size.
 */
final class StreamingEntity extends AbstractHttpEntity {

  private static final int CHUNK = 64 * 1024;

  private final StreamContent content;

  StreamingEntity(StreamContent content) {
    // sent as the document store gave it: parsing would throw on a charset this JVM lacks
    super(content.contentType(), null, content.length() < 0);
    this.content = content;
  }

  @Override
  public long getContentLength() {
    return content.length();
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public boolean isStreaming() {
    return false;
  }

  @Override
  public InputStream getContent() throws IOException {
    return content.open().open();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long written = 0;
    try (InputStream in = content.open().open()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        written += n;
        if (written > content.limit()) {
          throw new ContentTooLargeException(content.limit());
        }
        if (content.length() >= 0 && written > content.length()) {
          throw new IOException(
              "the content is longer than the " + content.length() + " bytes announced");
        }
        out.write(buffer, 0, n);
      }
    }
    if (content.length() >= 0 && written < content.length()) {
      // a source shorter than it said would leave the message framing broken
      throw new IOException(
          "the content was " + written + " bytes, not the " + content.length() + " announced");
    }
  }

  @Override
  public void close() {}
}
