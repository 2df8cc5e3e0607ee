package io.github.sncamunda.servicenow.inbound.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a call as the ServiceNow script include does, written from the documented format (not from
 * the verifier's code): {@code X-SN-Signature: v1=base64(HMAC-SHA256(secret, ts + "." + body))}.
 */
public final class TestSigner {

  private TestSigner() {}

  public static String signature(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
      byte[] signed = new byte[prefix.length + body.length];
      System.arraycopy(prefix, 0, signed, 0, prefix.length);
      System.arraycopy(body, 0, signed, prefix.length, body.length);
      return "v1=" + Base64.getEncoder().encodeToString(mac.doFinal(signed));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The two headers of a signed call, plus a content type. */
  public static Map<String, String> headers(String secret, long timestamp, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-SN-Timestamp", Long.toString(timestamp));
    headers.put("X-SN-Signature", signature(secret, timestamp, body));
    return headers;
  }
}
