package io.github.sncamunda.servicenow.common;

/**
 * Template constraints that mirror the connectors' input rules, so Modeler flags a mistake on the
 * field before deployment. They are hints: the connectors check every value again at run time.
 *
 * <p>Modeler tests a pattern with JavaScript's {@code new RegExp(pattern)} (no flags) and skips it
 * for a FEEL value ({@code =…}) of a FEEL field; the patterns accept {@code =…} anyway, for older
 * Modelers and non-FEEL fields. A field that may stay empty has a pattern that matches what the
 * panel tests for an empty field ({@link #EMPTY_FIELD}). Only syntax that Java and JavaScript read
 * alike is used (no {@code \s}, {@code \w}, {@code \b} or flags), so the tests can check the
 * patterns with {@link java.util.regex.Pattern} against the connectors' own rules. Messages follow
 * the field's label ("Sys ID must be …").
 */
public final class FieldPatterns {

  /**
   * An empty field as the properties panel tests it: the empty text (Modeler 5.49's panel), and the
   * text {@code undefined} (newer bpmn-js-element-templates read an empty or absent input as {@code
   * undefined} and test the pattern against {@code String(undefined)}, so a pattern that only
   * accepts the empty text shows its error on a field left empty). Used as the first alternatives
   * of an optional field's pattern. A typed {@code undefined} thus passes the template check and
   * meets the connector's own rule at run time, which refuses it with an input error.
   */
  public static final String EMPTY_FIELD = "|undefined";

  /** A whole-value secret reference as the runtime resolves it, e.g. {@code {{secrets.snHost}}}. */
  private static final String SECRET = "\\{\\{ *secrets\\.[A-Za-z0-9/._-]+ *\\}\\}";

  /** A number 1 to 3600, e.g. seconds. */
  private static final String UP_TO_3600 = "[1-9][0-9]{0,2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|3600";

  /** A path: non-empty segments other than {@code .} and {@code ..}, optionally a final slash. */
  private static final String URL_PATH = "(/(?!\\.\\.?(/|$))[^/?#%\\\\ ]+)*/?";

  private static final String PORT = "(:[0-9]{1,5})?";

  /** Characters the connector refuses in a flow path: separators, whitespace, control, format. */
  private static final String PATH_CHAR =
      "[^/%\\\\?#\\u0000-\\u0020\\u007f-\\u00a0\\u00ad\\u1680\\u180e\\u2000-\\u200f"
          + "\\u2028-\\u202f\\u205f-\\u2064\\u3000\\ufeff]";

  /** One DNS label (letters, digits, inner hyphens, at most 63), empty, FEEL or a secret. */
  public static final String INSTANCE_NAME =
      "^(|=.*|" + SECRET + "|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)$";

  public static final String INSTANCE_NAME_MESSAGE =
      "must be only the instance's name, e.g. dev12345 for https://dev12345.service-now.com"
          + " (letters, digits and inner hyphens), a FEEL expression or a secret; use Base URL"
          + " override for other hosts";

  /**
   * An absolute https URL (http only for localhost) with no user info, query or fragment; empty,
   * FEEL or a secret.
   */
  public static final String URL =
      "^("
          + EMPTY_FIELD
          + "|=.*|"
          + SECRET
          + "|https://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])"
          + PORT
          + URL_PATH
          + "|http://(localhost|127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|\\[::1\\])"
          + PORT
          + URL_PATH
          + ")$";

  public static final String URL_MESSAGE =
      "must be an https URL such as https://itsm.example.com (http only for localhost), without"
          + " user, query or fragment, a FEEL expression or a secret";

  /** 1 to 3600 seconds, or empty for the default. */
  public static final String TIMEOUT_SECONDS = "^(" + EMPTY_FIELD + "|=.*|" + UP_TO_3600 + ")$";

  public static final String TIMEOUT_SECONDS_MESSAGE =
      "must be a whole number of seconds from 1 to 3600, or a FEEL expression";

  /** 30 to 3600 seconds, or empty for the default. */
  public static final String JWT_LIFETIME_SECONDS =
      "^(" + EMPTY_FIELD + "|=.*|[3-9][0-9]|[1-9][0-9]{2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|3600)$";

  public static final String JWT_LIFETIME_SECONDS_MESSAGE =
      "must be a whole number of seconds from 30 to 3600, or a FEEL expression";

  /** A sys_id: at most 32 of {@code [A-Za-z0-9_.-]}; required. */
  public static final String SYS_ID = "^(=.*|[A-Za-z0-9_.-]{1,32})$";

  public static final String SYS_ID_MESSAGE =
      "must be a sys_id (up to 32 letters, digits, '_', '.' or '-') or a FEEL expression such as"
          + " =recordSysId";

  /** 1 to 10000; required. */
  public static final String COUNT = "^(=.*|[1-9][0-9]{0,3}|10000)$";

  /** 1 to 10000, or empty for the default. */
  public static final String OPTIONAL_COUNT = "^(" + EMPTY_FIELD + "|=.*|[1-9][0-9]{0,3}|10000)$";

  public static final String COUNT_MESSAGE =
      "must be a whole number from 1 to 10000, or a FEEL expression";

  /** 0 or more (an int), or empty for 0. */
  public static final String OFFSET = "^(" + EMPTY_FIELD + "|=.*|[0-9]{1,9})$";

  public static final String OFFSET_MESSAGE =
      "must be a whole number, 0 or more, or a FEEL expression";

  /** Field names separated by commas; spaces and empty entries are dropped. */
  public static final String FIELD_LIST = "^(=.*| *([A-Za-z0-9_.]* *, *)*[A-Za-z0-9_.]* *)$";

  public static final String FIELD_LIST_MESSAGE =
      "must be field names separated by commas, e.g. sys_id,number,state";

  /** One field name, or empty. */
  public static final String FIELD_NAME = "^( *|=.*|[A-Za-z0-9_.]+)$";

  public static final String FIELD_NAME_MESSAGE =
      "must be one field name (letters, digits, '_' and '.'), e.g. sys_created_on";

  /** At most 100 characters without '^' (it goes into an encoded query), or empty. */
  public static final String CORRELATION_ID = "^(=.*|[^^]{0,100})$";

  public static final String CORRELATION_ID_MESSAGE =
      "must be at most 100 characters without '^', or a FEEL expression";

  /**
   * A REST API trigger path: {@code /api/<scope>/<name>…}, unencoded, no empty, {@code .} or {@code
   * ..} segments, no query, fragment, backslash, whitespace or control characters.
   */
  public static final String FLOW_PATH = "^(=.*|/api(/(?!\\.\\.?(/|$))" + PATH_CHAR + "+){2,})$";

  public static final String FLOW_PATH_MESSAGE =
      "must be the trigger's path as Flow Designer shows it, e.g. /api/x_acme/approvals/request:"
          + " unencoded, no spaces, '?', '#' or '%'; query parameters have their own field";

  private FieldPatterns() {}
}
