package io.github.sncamunda.servicenow.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Who an API call is: Basic, a Bearer token the simulator issued, or {@code x-sn-apikey}. */
final class Authenticator {

  private final Accounts accounts;
  private final TokenStore tokens;

  Authenticator(Accounts accounts, TokenStore tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** The authenticated user name, or null. */
  String authenticate(Request request) {
    String authorization = request.header("Authorization");
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        String[] pair = basic(authorization);
        return pair != null && accounts.passwordMatches(pair[0], pair[1]) ? pair[0] : null;
      }
      if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return tokens.userOf(authorization.substring(7).trim());
      }
      return null;
    }
    String key = request.header("x-sn-apikey");
    if (key == null) {
      key = request.param("x-sn-apikey");
    }
    return accounts.apiKeyUser(key);
  }

  /** {user, password} of a Basic header, or null when it is not valid Base64 "user:password". */
  static String[] basic(String authorization) {
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
