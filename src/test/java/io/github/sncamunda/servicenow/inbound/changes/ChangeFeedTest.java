package io.github.sncamunda.servicenow.inbound.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

  static final Instant T0 = Instant.parse("2026-12-07T03:00:00.700Z");

  static FeedSettings settings(String filter, boolean createdOnly, Duration catchUp) {
    return new FeedSettings(
        "change_request",
        filter,
        List.of("number", "approval"),
        createdOnly,
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        catchUp,
        Duration.ofHours(1),
        2);
  }

  static Map<String, Object> record(String sysId, String updatedOn, String modCount) {
    return Map.of("sys_id", sysId, "sys_updated_on", updatedOn, "sys_mod_count", modCount);
  }

  @Test
  void firstAProbeThenAnInclusiveWindowOrderedByKeyWithStoredValues() {
    ChangeFeed feed = new ChangeFeed(settings("active=true^ORpriority=1", false, Duration.ZERO));
    ChangeFeed.Request probe = feed.next();
    assertThat(probe).isInstanceOf(ChangeFeed.Probe.class);
    assertThat(probe.parameters()).containsEntry("sysparm_query", "sys_idISEMPTY");
    feed.advance(new ChangeFeed.Answer(List.of(), T0, false));

    ChangeFeed.Request page = feed.next();
    assertThat(page.parameters())
        .containsExactly(
            Map.entry(
                "sysparm_query",
                "active=true^ORpriority=1^sys_updated_on>=2026-12-07 03:00:00"
                    + "^ORDERBYsys_updated_on^ORDERBYsys_id"),
            Map.entry("sysparm_fields", "sys_id,sys_updated_on,sys_mod_count,number,approval"),
            Map.entry("sysparm_limit", "2"),
            Map.entry("sysparm_display_value", "false"),
            Map.entry("sysparm_exclude_reference_link", "true"));
  }

  @Test
  void pagesByKeyIncludingTiesInTheLastSecond() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    feed.next();
    ChangeFeed.Answer first =
        new ChangeFeed.Answer(
            List.of(
                record("a1", "2026-12-07 03:00:05", "0"), record("b2", "2026-12-07 03:00:05", "3")),
            T0.plusSeconds(6),
            true);
    assertThat(feed.changes(first))
        .extracting(ChangeFeed.Change::messageId)
        .containsExactly("change_request:a1:0", "change_request:b2:3");
    feed.changes(first).forEach(feed::published);
    feed.advance(first);

    assertThat(feed.next().parameters().get("sysparm_query"))
        .isEqualTo(
            "sys_updated_on>2026-12-07 03:00:05^NQsys_updated_on=2026-12-07 03:00:05"
                + "^sys_id>b2^ORDERBYsys_updated_on^ORDERBYsys_id");
    assertThat(feed.polling()).isTrue();
  }

  @Test
  void aPageCutToNothingByAclsIsReadAgainFromTheSameKeyWithALargerLimitNotAnOffset() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    Map<String, String> first = feed.next().parameters();
    feed.advance(new ChangeFeed.Answer(List.of(), T0, true));
    Map<String, String> second = feed.next().parameters();
    // an offset would skip a visible row when a hidden one before it is updated meanwhile
    assertThat(second)
        .doesNotContainKey("sysparm_offset")
        .containsEntry("sysparm_limit", "4")
        .containsEntry("sysparm_query", first.get("sysparm_query"));
    feed.advance(new ChangeFeed.Answer(List.of(), T0, true));
    assertThat(feed.next().parameters()).containsEntry("sysparm_limit", "6");
    ChangeFeed.Answer after =
        new ChangeFeed.Answer(List.of(record("c3", "2026-12-07 03:00:09", "1")), T0, false);
    feed.advance(after);
    assertThat(feed.polling()).isFalse();
    feed.next();
    assertThat(feed.next().parameters()).containsEntry("sysparm_limit", "2");
  }

  @Test
  void pastTheReachAReadSlidesByOffsetKeepingAllButOnePageOfOverlap() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    feed.next();
    int emptyPages = ChangeFeed.REACH / 2 + 3;
    for (int i = 0; i < emptyPages; i++) {
      feed.advance(new ChangeFeed.Answer(List.of(), T0, true));
      feed.next();
    }
    Map<String, String> parameters = feed.next().parameters();
    assertThat(parameters)
        .containsEntry("sysparm_limit", String.valueOf(ChangeFeed.REACH))
        .containsEntry("sysparm_offset", String.valueOf(2 * emptyPages + 2 - ChangeFeed.REACH));
  }

  @Test
  void theNextPollStartsAWindowBeforeThisPollsStartOnServiceNowsClockAndForgetsOlderIds() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    feed.next();
    Instant pollStart = T0.plusSeconds(600);
    ChangeFeed.Answer answer =
        new ChangeFeed.Answer(List.of(record("a1", "2026-12-07 03:09:00", "0")), pollStart, false);
    feed.changes(answer).forEach(feed::published);
    feed.advance(answer);
    assertThat(feed.lower()).isEqualTo(pollStart.minus(Duration.ofMinutes(5)));
    assertThat(feed.next().parameters().get("sysparm_query"))
        .startsWith("sys_updated_on>=2026-12-07 03:05:00^");
    // still inside the window: already published, not again
    ChangeFeed.Answer again =
        new ChangeFeed.Answer(
            List.of(record("a1", "2026-12-07 03:09:00", "0")), pollStart.plusSeconds(30), false);
    assertThat(feed.changes(again)).isEmpty();
  }

  @Test
  void catchUpReachesBackOnServiceNowsClock() {
    ChangeFeed feed = new ChangeFeed(settings("", false, Duration.ofMinutes(30)));
    feed.next();
    feed.advance(new ChangeFeed.Answer(List.of(), T0, false));
    assertThat(feed.next().parameters().get("sysparm_query"))
        .startsWith("sys_updated_on>=2026-12-07 02:30:00^");
  }

  @Test
  void createdOnlyAddsTheCreationBoundAndOneIdPerRecord() {
    ChangeFeed feed = started(settings("priority=1", true, Duration.ZERO));
    ChangeFeed.Request page = feed.next();
    assertThat(page.parameters().get("sysparm_query"))
        .isEqualTo(
            "priority=1^sys_updated_on>=2026-12-07 03:00:00^sys_created_on>=2026-12-07 03:00:00"
                + "^ORDERBYsys_updated_on^ORDERBYsys_id");
    assertThat(page.parameters().get("sysparm_fields")).contains("sys_created_on");
    ChangeFeed.Answer answer =
        new ChangeFeed.Answer(
            List.of(
                Map.of(
                    "sys_id", "n1",
                    "sys_updated_on", "2026-12-07 03:00:09",
                    "sys_created_on", "2026-12-07 03:00:01",
                    "sys_mod_count", "4")),
            T0.plusSeconds(10),
            false);
    assertThat(feed.changes(answer))
        .extracting(ChangeFeed.Change::messageId)
        .containsExactly("change_request:n1:created");
  }

  @Test
  void aChangeOlderThanTheTtlAllowsIsNotPublished() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    feed.next();
    ChangeFeed.Answer late =
        new ChangeFeed.Answer(
            List.of(record("a1", "2026-12-07 03:00:01", "0")), T0.plus(Duration.ofHours(2)), false);
    assertThat(feed.changes(late)).isEmpty();
    assertThat(feed.tooOld()).isEqualTo(1);
  }

  @Test
  void displayValuesOrMissingKeysAreAnInvalidAnswer() {
    ChangeFeed feed = started(settings("", false, Duration.ZERO));
    feed.next();
    ChangeFeed.Answer display =
        new ChangeFeed.Answer(List.of(record("a1", "07.12.2026 04:00:01", "0")), T0, false);
    assertThatThrownBy(() -> feed.changes(display))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("yyyy-MM-dd HH:mm:ss")
        .extracting(e -> ((ConnectorException) e).getErrorCode())
        .isEqualTo("INVALID_RESPONSE");
    ChangeFeed.Answer noId =
        new ChangeFeed.Answer(List.of(Map.of("sys_updated_on", "2026-12-07 03:00:01")), T0, false);
    assertThatThrownBy(() -> feed.changes(noId)).hasMessageContaining("sys_id");
  }

  @Test
  void filtersThatWouldEscapeThePollersConditionsAreRefused() {
    assertThatThrownBy(() -> settings("active=true^NQpriority=1", false, Duration.ZERO))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("^NQ");
    assertThatThrownBy(() -> settings("active=true^ORDERBYnumber", false, Duration.ZERO))
        .hasMessageContaining("ORDERBY");
    assertThatThrownBy(() -> settings("active=true^", false, Duration.ZERO))
        .hasMessageContaining("ends with '^'");
  }

  @Test
  void aTtlNotLongerThanTheReachPlusTwoIntervalsIsRefused() {
    assertThatThrownBy(
            () ->
                new FeedSettings(
                    "incident",
                    "",
                    List.of(),
                    false,
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(59),
                    Duration.ofHours(1),
                    100))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Message TTL PT1H is too short")
        .hasMessageContaining("two polling intervals (PT1H)");
  }

  @Test
  void theServerClockComesFromTheDateHeaderOnly() {
    assertThat(Stamp.serverTime("Mon, 07 Dec 2026 03:00:00 GMT"))
        .isEqualTo(Instant.parse("2026-12-07T03:00:00Z"));
    assertThatThrownBy(() -> Stamp.serverTime(null)).hasMessageContaining("never the runtime's");
  }

  @Test
  void backoffSlowsDownAfterFailuresHonoursRetryAfterAndRecovers() {
    Backoff backoff =
        new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> fixed(Long.MAX_VALUE));
    assertThat(backoff.afterFailure(Optional.empty())).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.afterFailure(Optional.empty())).isEqualTo(Duration.ofMinutes(2));
    for (int i = 0; i < 10; i++) {
      backoff.afterFailure(Optional.empty());
    }
    assertThat(backoff.afterFailure(Optional.empty())).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.afterFailure(Optional.of(Duration.ofHours(1))))
        .isEqualTo(Duration.ofHours(1));
    assertThat(backoff.afterSuccess()).isEqualTo(Duration.ofSeconds(30));
    Backoff low = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> fixed(0));
    assertThat(low.afterFailure(Optional.empty())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void waitingRecordsAreCheckedInBatchesOfAtMostThePageSizeAndAShortUrl() {
    List<String> ids =
        java.util.stream.IntStream.range(0, 1000).mapToObj(i -> String.format("%032x", i)).toList();
    List<Map<String, String>> queries =
        SysIdBatches.queries(ids, "approval=approved", List.of("approval"), 100);
    assertThat(queries).hasSize(10);
    assertThat(queries.get(0).get("sysparm_query"))
        .startsWith("sys_idIN" + ids.get(0) + "," + ids.get(1))
        .endsWith("^approval=approved");
    assertThat(queries)
        .allSatisfy(q -> assertThat(q.get("sysparm_query").length()).isLessThan(4000));
    assertThat(SysIdBatches.queries(ids, "", List.of(), 1000))
        .hasSizeGreaterThan(1)
        .allSatisfy(q -> assertThat(q.get("sysparm_query").length()).isLessThanOrEqualTo(4000));
    assertThat(SysIdBatches.isSysId("a,b")).isFalse();
    assertThat(SysIdBatches.isSysId("^NQactive=true")).isFalse();
  }

  private static ChangeFeed started(FeedSettings settings) {
    ChangeFeed feed = new ChangeFeed(settings);
    feed.next();
    feed.advance(new ChangeFeed.Answer(List.of(), T0, false));
    return feed;
  }

  private static RandomGenerator fixed(long value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return value;
      }

      @Override
      public long nextLong(long bound) {
        return Math.min(value, bound - 1);
      }
    };
  }
}
