package io.github.sncamunda.servicenow.common;

/**
 * The one way a message echoes user input (instance names, paths, header names, sys_ids, queries,
 * table names): control characters, Unicode format characters (bidi overrides such as U+202E,
 * zero-width characters), line and paragraph separators, lone surrogates and unassigned code points
 * are shown as {@code \\uXXXX}, and long values are cut, so an error message or log line can
 * neither be forged, reordered on screen, nor flooded.
 */
public final class SafeText {

  /** Code points kept before a value is cut with an ellipsis. */
  public static final int MAX_CODE_POINTS = 64;

  private SafeText() {}

  /** The value escaped and cut, in single quotes: {@code 'dev\u000a1'}. */
  public static String quote(String value) {
    return "'" + escape(value) + "'";
  }

  /** The value escaped and cut, without quotes; {@code null} becomes {@code null}. */
  public static String escape(String value) {
    return escape(value, MAX_CODE_POINTS);
  }

  /**
   * As {@link #escape(String)}, keeping up to {@code maxCodePoints} (e.g. a logged body prefix).
   */
  public static String escape(String value, int maxCodePoints) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), maxCodePoints) + 8);
    int kept = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (kept == maxCodePoints) {
        return out.append('…').toString();
      }
      if (unsafe(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
      kept++;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean unsafe(int cp) {
    if (Character.isISOControl(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }
}
