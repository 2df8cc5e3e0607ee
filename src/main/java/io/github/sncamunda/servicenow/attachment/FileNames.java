package io.github.sncamunda.servicenow.attachment;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.regex.Pattern;

/** File names as they reach ServiceNow, and the patterns that select attachments by name. */
final class FileNames {

  static final int MAX_LENGTH = 255;
  private static final String FALLBACK = "attachment";

  private FileNames() {}

  /**
   * The name without any directory part, control or format characters, and cut to 255 characters: a
   * document named {@code ../../etc/passwd} or {@code a\u202Eexe.txt} arrives as a plain, visible
   * file name.
   */
  static String sanitize(String name) {
    if (name == null) {
      return FALLBACK;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder(base.length());
    base.codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    String clean = out.toString().strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      return FALLBACK;
    }
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH);
  }

  /**
   * A glob over file names: {@code *} any characters, {@code ?} one, case-insensitive, e.g. {@code
   * *.log}; null or blank matches every name.
   */
  static Pattern glob(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return null;
    }
    if (pattern.length() > MAX_LENGTH) {
      throw new ConnectorInputException(
          "File name pattern must be at most " + MAX_LENGTH + " characters");
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.strip().toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  static boolean matches(Pattern glob, String name) {
    return glob == null || (name != null && glob.matcher(name).matches());
  }
}
