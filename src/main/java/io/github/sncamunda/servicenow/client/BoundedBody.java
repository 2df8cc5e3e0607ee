package io.github.sncamunda.servicenow.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads a response entity up to a byte limit. Past the limit it aborts the exchange, which closes
 * the connection: closing the stream normally would drain the rest of an oversized body.
 */
final class BoundedBody {

  private static final byte[] EMPTY = new byte[0];

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
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared >= 0 ? (int) declared : 8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        abort.run();
        throw new ResponseTooLargeException(limit);
      }
      out.write(buffer, 0, n);
    }
    in.close();
    return out.toByteArray();
  }
}
