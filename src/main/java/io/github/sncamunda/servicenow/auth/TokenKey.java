package io.github.sncamunda.servicenow.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Identifies a cached token by a SHA-256 digest of the token URL and every credential field, so the
 * cache never holds a secret in a readable key and a changed password never reuses a token.
 */
final class TokenKey {

  private final byte[] digest;
  private final int hash;

  private TokenKey(byte[] digest) {
    this.digest = digest;
    this.hash = Arrays.hashCode(digest);
  }

  static TokenKey of(String tokenUrl, String... credentialFields) {
    MessageDigest sha = sha256();
    sha.update(tokenUrl.getBytes(StandardCharsets.UTF_8));
    for (String field : credentialFields) {
      sha.update((byte) 0);
      if (field != null) {
        sha.update(field.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new TokenKey(sha.digest());
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
    return o instanceof TokenKey other && MessageDigest.isEqual(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "TokenKey[" + ServiceNowAuthentication.REDACTED + "]";
  }
}
