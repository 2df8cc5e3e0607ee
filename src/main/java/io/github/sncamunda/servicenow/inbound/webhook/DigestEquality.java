package io.github.sncamunda.servicenow.inbound.webhook;

import java.security.MessageDigest;

/**
 * How the expected and the received HMAC are compared. A seam so a test can see what is compared;
 * the only production comparison is {@link #CONSTANT_TIME}.
 */
@FunctionalInterface
interface DigestEquality {

  /**
   * {@link MessageDigest#isEqual}: its running time depends on the length of the arrays only, not
   * on where they first differ, so a caller cannot find a valid signature byte by byte. The
   * verifier only ever hands it two digests of the same length.
   */
  DigestEquality CONSTANT_TIME = MessageDigest::isEqual;

  boolean equal(byte[] expected, byte[] received);
}
