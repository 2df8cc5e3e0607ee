package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.api.error.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens shared by every invocation of both connectors in this JVM. A token is reused until
 * {@code skew} before it expires; renewal uses the refresh token when there is one, and only one
 * thread per credential talks to the token endpoint while the others wait for its result.
 */
public final class TokenCache {

  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  /** Talks to the token endpoint. */
  public interface Fetcher {
    AccessToken grant();

    AccessToken refresh(String refreshToken);
  }

  private final ConcurrentHashMap<TokenKey, Slot> slots = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration skew;

  public TokenCache(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = skew;
  }

  public AccessToken get(TokenKey key, Fetcher fetcher) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    AccessToken current = slot.token;
    if (current != null && current.usableAt(clock.instant(), skew)) {
      return current;
    }
    slot.lock.lock();
    try {
      current = slot.token;
      if (current != null && current.usableAt(clock.instant(), skew)) {
        return current;
      }
      AccessToken renewed = renew(slot.refreshToken, fetcher);
      slot.token = renewed;
      if (renewed.refreshToken() != null) {
        slot.refreshToken = renewed.refreshToken();
      }
      return renewed;
    } finally {
      slot.lock.unlock();
    }
  }

  /**
   * Drops {@code token} if it is still the cached one (ServiceNow refused it); keeps the refresh
   * token.
   */
  public void invalidate(TokenKey key, AccessToken token) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return;
    }
    slot.lock.lock();
    try {
      if (slot.token == token) {
        slot.token = null;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private AccessToken renew(String refreshToken, Fetcher fetcher) {
    if (refreshToken != null) {
      try {
        return fetcher.refresh(refreshToken);
      } catch (ConnectorException refreshRefused) {
        LOG.debug(
            "Refresh token was refused ({}); requesting a new token",
            refreshRefused.getErrorCode());
      }
    }
    return fetcher.grant();
  }

  private static final class Slot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken token;
    private volatile String refreshToken;
  }
}
