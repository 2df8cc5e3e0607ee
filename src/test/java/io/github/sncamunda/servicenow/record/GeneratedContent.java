package io.github.sncamunda.servicenow.record;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** A long, deterministic, never-materialised byte sequence for memory tests. */
final class GeneratedContent extends InputStream {

  private final SplittableRandom random;
  private long remaining;

  GeneratedContent(long seed, long length) {
    this.random = new SplittableRandom(seed);
    this.remaining = length;
  }

  @Override
  public int read() {
    if (remaining <= 0) {
      return -1;
    }
    remaining--;
    return random.nextInt(256);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (remaining <= 0) {
      return -1;
    }
    int n = (int) Math.min(length, remaining);
    for (int i = 0; i < n; i++) {
      buffer[offset + i] = (byte) random.nextInt(256);
    }
    remaining -= n;
    return n;
  }

  static String sha256(long seed, long length) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new GeneratedContent(seed, length)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
