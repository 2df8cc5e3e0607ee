package io.github.sncamunda.servicenow.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Access and refresh tokens the token endpoint issued, with their lifetimes. */
final class TokenStore {

  record Issued(String user, String clientId, Instant expiresAt, String refreshToken) {}

  private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
  private volatile Clock clock;
  private volatile int accessSeconds = 1799;
  private volatile long refreshSeconds = 8_640_000;

  TokenStore(Clock clock) {
    this.clock = clock;
  }

  void clock(Clock clock) {
    this.clock = clock;
  }

  void accessTokenExpiresIn(int seconds) {
    accessSeconds = seconds;
  }

  void refreshTokenExpiresIn(long seconds) {
    refreshSeconds = seconds;
  }

  int accessSeconds() {
    return accessSeconds;
  }

  /** The user of a valid (issued, unrevoked, unexpired) access token, or null. */
  String userOf(String accessToken) {
    Issued issued = accessTokens.get(accessToken);
    return issued != null && issued.expiresAt().isAfter(clock.instant()) ? issued.user() : null;
  }

  String newRefreshToken(String user, String clientId) {
    String refresh = randomToken();
    refreshTokens.put(
        refresh, new Issued(user, clientId, clock.instant().plusSeconds(refreshSeconds), null));
    return refresh;
  }

  /** The still valid refresh token issued to this client, or null. */
  Issued refreshToken(String token, String clientId) {
    Issued issued = token == null ? null : refreshTokens.get(token);
    return issued != null
            && issued.clientId().equals(clientId)
            && issued.expiresAt().isAfter(clock.instant())
        ? issued
        : null;
  }

  String newAccessToken(String user, String clientId, String refreshToken, int seconds) {
    String access = randomToken();
    accessTokens.put(
        access, new Issued(user, clientId, clock.instant().plusSeconds(seconds), refreshToken));
    return access;
  }

  Set<String> activeAccessTokens() {
    Instant now = clock.instant();
    Set<String> out = new HashSet<>();
    accessTokens.forEach(
        (token, issued) -> {
          if (issued.expiresAt().isAfter(now)) {
            out.add(token);
          }
        });
    return out;
  }

  void revokeAll() {
    accessTokens.clear();
    refreshTokens.clear();
  }

  void revokeAccessTokens() {
    accessTokens.clear();
  }

  void revoke(String token) {
    accessTokens.remove(token);
    refreshTokens.remove(token);
  }

  private static String randomToken() {
    byte[] bytes = new byte[64];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
