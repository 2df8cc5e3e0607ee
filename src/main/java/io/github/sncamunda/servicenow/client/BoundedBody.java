package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a response entity up to a byte limit. Past the limit it aborts the exchange, which closes
 * the connection: closing the stream normally would drain the rest of an oversized body.
 */
final class BoundedBody {

  private static final byte[] EMPTY = new byte[0];
  private static final int CHUNK = 16 * 1024;

  private BoundedBody() {}

  static byte[] read(HttpEntity entity, long limit, Runnable abort) throws IOException {
    if (entity == null) {
      return EMPTY;
    }
    long declared = entity.getContentLength();
    if (declared > limit) {
      abort.run();
      throw new ResponseTooLargeException(limit);
    }
    InputStream in = entity.getContent();
    if (in == null) {
      return EMPTY;
    }
    if (declared >= 0) {
      return readDeclared(in, (int) declared);
    }
    // unknown length (chunked): collect fixed chunks, so memory stays near the bytes read
    // instead of doubling a buffer up to twice the limit
    java.util.List<byte[]> chunks = new java.util.ArrayList<>();
    long total = 0;
    while (true) {
      byte[] chunk = new byte[CHUNK];
      int filled = 0;
      int n;
      while (filled < CHUNK && (n = in.read(chunk, filled, CHUNK - filled)) != -1) {
        filled += n;
      }
      total += filled;
      if (total > limit) {
        abort.run();
        throw new ResponseTooLargeException(limit);
      }
      if (filled < CHUNK) {
        chunks.add(filled == 0 ? EMPTY : java.util.Arrays.copyOf(chunk, filled));
        break;
      }
      chunks.add(chunk);
    }
    in.close();
    byte[] out = new byte[(int) total];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, out, at, chunk.length);
      at += chunk.length;
    }
    return out;
  }

  /** Content-Length known and within the limit: one buffer of exactly that size. */
  private static byte[] readDeclared(InputStream in, int declared) throws IOException {
    byte[] out = new byte[declared];
    int filled = 0;
    int n;
    while (filled < declared && (n = in.read(out, filled, declared - filled)) != -1) {
      filled += n;
    }
    in.close();
    // a premature end is reported by the connection layer; never hand out unfilled bytes
    return filled < declared ? java.util.Arrays.copyOf(out, filled) : out;
  }
}
