package io.github.sncamunda.servicenow.auth;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.common.Fingerprint;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens shared by every invocation of every connector in this JVM. A token is reused until
 * its renewal time (see {@link AccessToken}); renewal uses the refresh token when there is one, and
 * only one thread per credential talks to the token endpoint while the others wait for its result.
 */
final class TokenCache {

  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  /** Talks to the token endpoint. */
  interface Fetcher {
    AccessToken grant();

    AccessToken refresh(String refreshToken);
  }

  // rotated secrets and per-user grants leave slots behind; past this many, expired ones go
  static final int MAX_IDLE_SLOTS = 1000;

  private final ConcurrentHashMap<Fingerprint, Slot> slots = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  AccessToken get(Fingerprint key, Fetcher fetcher) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot(clock.instant()));
    if (slots.size() > MAX_IDLE_SLOTS) {
      forgetExpired(key);
    }
    AccessToken current = slot.token;
    if (current != null && current.usableAt(clock.instant())) {
      return current;
    }
    long fetchesBefore = slot.fetches;
    slot.lock.lock();
    try {
      current = slot.token;
      if (current != null && current.usableAt(clock.instant())) {
        return current;
      }
      ConnectorException failed = slot.lastFailure;
      if (failed != null && slot.fetches != fetchesBefore) {
        // the fetch this thread waited for failed: share its answer instead of asking again, so
        // a hanging or refusing token endpoint costs one timeout, not one per waiting caller
        throw failed;
      }
      AccessToken renewed;
      try {
        renewed = renew(slot.refreshToken, fetcher);
      } catch (ConnectorException e) {
        slot.lastFailure = e;
        slot.fetches++;
        throw e;
      }
      slot.lastFailure = null;
      slot.fetches++;
      slot.token = renewed;
      if (renewed.refreshToken() != null) {
        slot.refreshToken = renewed.refreshToken();
      }
      LOG.debug(
          "OAuth token obtained; valid until {}, renewed from {}",
          renewed.expiresAt(),
          renewed.renewAt());
      return renewed;
    } finally {
      slot.lock.unlock();
    }
  }

  /**
   * Drops {@code token} if it is still the cached one (ServiceNow refused it); keeps the refresh
   * token.
   */
  void invalidate(Fingerprint key, AccessToken token) {
    Slot slot = slots.get(key);
    if (slot == null) {
      return;
    }
    slot.lock.lock();
    try {
      if (slot.token == token) {
        slot.token = null;
        LOG.debug("OAuth token refused by ServiceNow; dropped from the cache");
      }
    } finally {
      slot.lock.unlock();
    }
  }

  /** Drops slots nobody is using whose token has expired (their refresh tokens with them). */
  private void forgetExpired(Fingerprint keep) {
    Instant now = clock.instant();
    slots.forEach(
        (key, slot) -> {
          AccessToken token = slot.token;
          // a slot without a token may be about to get one: only an old one is idle
          boolean expired =
              token != null
                  ? !token.expiresAt().isAfter(now)
                  : slot.created.isBefore(now.minusSeconds(60));
          if (!key.equals(keep) && expired && !slot.lock.isLocked()) {
            slots.remove(key, slot);
          }
        });
  }

  /** How many credentials have a slot; for tests. */
  int size() {
    return slots.size();
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
    private final Instant created;
    private volatile AccessToken token;
    private volatile String refreshToken;
    // written under the lock; read before it to tell whether a fetch ended while waiting
    private volatile long fetches;
    private volatile ConnectorException lastFailure;

    private Slot(Instant created) {
      this.created = created;
    }
  }
}
