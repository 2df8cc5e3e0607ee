package io.github.sncamunda.servicenow.client;

import java.util.Locale;
import java.util.Set;

/**
 * Header and query parameter names whose values are credentials, or may be: never logged. Besides
 * the known ones, any name that mentions a token, secret, password, key, session, signature or
 * authorisation counts, so a flow's own {@code X-Api-Key} header is hidden too.
 */
final class SensitiveNames {

  static final String REDACTED = "<redacted>";

  private static final Set<String> KNOWN =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-sn-apikey",
          "cookie",
          "set-cookie",
          "set-cookie2",
          "x-usertoken");

  private static final String[] PARTS = {
    "token",
    "secret",
    "passw",
    "apikey",
    "api-key",
    "api_key",
    "session",
    "signature",
    "auth",
    "credential",
    "assertion"
  };

  private SensitiveNames() {}

  static boolean sensitive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (KNOWN.contains(lower)) {
      return true;
    }
    for (String part : PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  static String shown(String name, String value) {
    return sensitive(name) ? REDACTED : value;
  }
}
