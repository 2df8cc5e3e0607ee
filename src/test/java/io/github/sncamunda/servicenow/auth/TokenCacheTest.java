package io.github.sncamunda.servicenow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.common.Fingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Slots of credentials nobody uses any more do not pile up for the life of the JVM. */
class TokenCacheTest {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final TokenCache cache = new TokenCache(clock);
  private final AtomicInteger grants = new AtomicInteger();

  private final TokenCache.Fetcher fetcher =
      new TokenCache.Fetcher() {
        @Override
        public AccessToken grant() {
          return AccessToken.issued(
              "t" + grants.incrementAndGet(), null, clock.instant(), Duration.ofMinutes(30));
        }

        @Override
        public AccessToken refresh(String refreshToken) {
          throw new AssertionError("no refresh tokens here");
        }
      };

  @Test
  void expiredSlotsAreForgottenOnceThereAreMoreThanTheCap() {
    for (int i = 0; i < TokenCache.MAX_IDLE_SLOTS; i++) {
      cache.get(Fingerprint.of("rotated-secret-" + i), fetcher);
    }
    assertThat(cache.size()).isEqualTo(TokenCache.MAX_IDLE_SLOTS);

    clock.now = clock.now.plus(Duration.ofHours(1)); // every one of those tokens has expired
    Fingerprint current = Fingerprint.of("current-secret");
    cache.get(current, fetcher);

    assertThat(cache.size()).isEqualTo(1);
    int before = grants.get();
    cache.get(current, fetcher);
    assertThat(grants.get()).isEqualTo(before); // the live credential kept its token
  }

  @Test
  void liveTokensAreKeptWhateverTheirNumber() {
    for (int i = 0; i <= TokenCache.MAX_IDLE_SLOTS; i++) {
      cache.get(Fingerprint.of("user-" + i), fetcher);
    }

    assertThat(cache.size()).isEqualTo(TokenCache.MAX_IDLE_SLOTS + 1);
    int before = grants.get();
    cache.get(Fingerprint.of("user-0"), fetcher);
    assertThat(grants.get()).isEqualTo(before);
  }
}
