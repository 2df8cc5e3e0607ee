package io.github.sncamunda.servicenow.client;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of everything but unreserved characters, for paths and queries. */
public final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    appendEncoded(out, value);
    return out.toString();
  }

  /** Appends the encoded value; most path segments and names need no encoding at all. */
  static void appendEncoded(StringBuilder out, String value) {
    if (allUnreserved(value)) {
      out.append(value);
      return;
    }
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }

  private static boolean allUnreserved(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
