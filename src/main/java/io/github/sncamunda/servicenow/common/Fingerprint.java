package io.github.sncamunda.servicenow.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A map key made of secrets without holding them: the SHA-256 digest of its fields (an OAuth
 * credential for the token cache, TLS key material for the connection pools). A changed field never
 * finds the old entry, and printing a key shows nothing.
 */
public final class Fingerprint {

  private static final String REDACTED = "[REDACTED]";

  private final byte[] digest;
  private final int hash;

  private Fingerprint(byte[] digest) {
    this.digest = digest;
    this.hash = Arrays.hashCode(digest);
  }

  /**
   * The digest of {@code fields} in order; null and empty fields differ from each other's place.
   */
  public static Fingerprint of(String... fields) {
    MessageDigest sha = sha256();
    for (String field : fields) {
      sha.update((byte) (field == null ? 0 : 1));
      if (field != null) {
        sha.update(field.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
    }
    return new Fingerprint(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint other && MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Fingerprint[" + REDACTED + "]";
  }
}
