package io.github.sncamunda.servicenow.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** Attachment content a download can stream: bytes kept in memory, or generated from a seed. */
abstract sealed class AttachmentContent implements Reply.Content {

  static AttachmentContent of(byte[] bytes) {
    return new Kept(bytes);
  }

  /** {@code size} pseudo-random bytes, the same for the same seed, never all in memory. */
  static AttachmentContent generated(long size, long seed) {
    return new Generated(size, seed);
  }

  /** The first {@code n} bytes (at most {@link #length()}). */
  byte[] readFirst(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    try {
      writeTo(
          new OutputStream() {
            @Override
            public void write(int b) {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              out.write(b, off, Math.max(0, Math.min(len, n - out.size())));
              if (out.size() >= n) {
                throw new Enough();
              }
            }
          });
    } catch (Enough enough) {
      // stopped early on purpose
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Stops a generator once enough bytes were read. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  byte[] readAll() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length(), 1 << 20));
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static final class Kept extends AttachmentContent {
    private final byte[] bytes;

    Kept(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
      out.write(bytes);
    }
  }

  private static final class Generated extends AttachmentContent {
    private static final int BLOCK = 64 * 1024;
    private final long size;
    private final long seed;

    Generated(long size, long seed) {
      this.size = size;
      this.seed = seed;
    }

    @Override
    public long length() {
      return size;
    }

    /** Block k comes from its own generator, so the bytes never depend on how they are read. */
    @Override
    public void writeTo(OutputStream out) throws IOException {
      byte[] block = new byte[BLOCK];
      for (long k = 0, written = 0; written < size; k++) {
        new SplittableRandom(seed + k * 0x9E3779B97F4A7C15L).nextBytes(block);
        int n = (int) Math.min(BLOCK, size - written);
        out.write(block, 0, n);
        written += n;
      }
    }
  }
}
