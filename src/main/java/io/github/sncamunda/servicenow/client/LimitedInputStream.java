package io.github.sncamunda.servicenow.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through until more than {@code limit} have been read, then fails. */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private final Runnable onExceeded;
  private long count;

  LimitedInputStream(InputStream in, long limit, Runnable onExceeded) {
    super(in);
    this.limit = limit;
    this.onExceeded = onExceeded;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  long count() {
    return count;
  }

  private void counted(long n) throws ContentTooLargeException {
    count += n;
    if (count > limit) {
      onExceeded.run();
      throw new ContentTooLargeException(limit);
    }
  }
}
