package io.github.sncamunda.servicenow.inbound.changes;

import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change window of one watcher, without I/O: which Table API query to send next, which records
 * of an answer to publish, and where the next query starts. Every poll re-reads from the previous
 * poll's start minus the re-read window, on ServiceNow's clock (the {@code Date} of the first
 * answer), with an inclusive {@code sys_updated_on>=} (stamps have one-second resolution, so a
 * change in the second of the last read may still come), ordered by {@code sys_updated_on} then
 * {@code sys_id} and paged by that key rather than by offset, so records that change while a poll
 * runs neither shift rows past a page edge nor are read twice in it.
 *
 * <p>ACLs apply after the limit, so a page can come back empty while more rows follow. The hidden
 * rows' keys stay unknown, so the next read starts at the same key with a larger limit rather than
 * at an offset: a hidden row updated meanwhile moves to the end of the order, and with an offset
 * every row behind it would shift one place back past the offset, unread (found by
 * ChangeFeedPropertiesTest). Only past {@link #REACH} rows does the read slide by offset, with
 * {@code REACH - pageSize} rows of overlap.
 *
 * <p>The same change is read by overlapping polls and by every replica; it always yields the same
 * message ID ({@code table:sys_id:sys_mod_count}), so the engine keeps one. This feed remembers
 * what it published until the record's stamp falls behind every future read, and does not publish a
 * change older than the TTL allows (see {@link FeedSettings#maxAge()}). A failed request leaves the
 * feed where it was: the next call asks for the same page again.
 *
 * <p>Use: {@code next()}, send it, {@code changes(answer)}, publish each and report it with {@code
 * published}, then {@code advance(answer)}; repeat while {@code polling()}.
 */
public final class ChangeFeed {

  /** A Table API GET of the watched table: the query parameters. */
  public sealed interface Request {
    Map<String, String> parameters();
  }

  /** Learns ServiceNow's clock before the first poll; matches nothing. */
  public record Probe(Map<String, String> parameters) implements Request {}

  /**
   * One page of a poll: records from {@code lower} on, after key {@code after}, at {@code offset}.
   */
  public record Page(Instant lower, Key after, int offset, Map<String, String> parameters)
      implements Request {}

  /** A record's position in the feed's order. */
  public record Key(String updatedOn, String sysId) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byStamp = updatedOn.compareTo(other.updatedOn);
      return byStamp != 0 ? byStamp : sysId.compareTo(other.sysId);
    }
  }

  /**
   * What ServiceNow answered: the records, its clock, and whether more rows match than this page
   * gave (a {@code Link rel="next"}; rows hidden by ACLs count, so a short page is not the end).
   */
  public record Answer(List<Map<String, Object>> records, Instant serverTime, boolean more) {
    public Answer {
      records = List.copyOf(records);
    }
  }

  /** A change to publish. */
  public record Change(String messageId, Key key, Map<String, Object> record) {
    @Override
    public String toString() {
      return "Change[" + messageId + "]"; // the record may hold personal data
    }
  }

  private static final String ORDER = "^ORDERBYsys_updated_on^ORDERBYsys_id";

  /** The most rows one read spans while stepping over hidden rows: the Table API's usual cap. */
  static final int REACH = 10_000;

  private final FeedSettings settings;
  private final Map<String, String> published = new HashMap<>();
  private Instant floor;
  private Instant lower;
  private Poll poll;
  private Request pending;
  private long tooOld;
  private long completedPolls;

  public ChangeFeed(FeedSettings settings) {
    this.settings = settings;
  }

  private static final class Poll {
    final Instant lower;
    Key after;
    int hidden; // rows after {@code after} that came back cut by ACLs
    Instant start;

    int limit(int pageSize) {
      return Math.min(hidden + pageSize, Math.max(REACH, pageSize));
    }

    int offset(int pageSize) {
      return hidden + pageSize - limit(pageSize);
    }

    Poll(Instant lower) {
      this.lower = lower;
    }
  }

  /** The request to send now: the probe before the clock is known, else the current poll's page. */
  public Request next() {
    if (lower == null) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("sysparm_query", "sys_idISEMPTY");
      query.put("sysparm_fields", "sys_id");
      query.put("sysparm_limit", "1");
      pending = new Probe(query);
      return pending;
    }
    if (poll == null) {
      poll = new Poll(lower);
      String stamp = Stamp.format(lower);
      published.values().removeIf(updatedOn -> updatedOn.compareTo(stamp) < 0);
    }
    pending =
        new Page(poll.lower, poll.after, poll.offset(settings.pageSize()), pageParameters(poll));
    return pending;
  }

  /** Whether the current poll has pages left (call {@code next()} again now). */
  public boolean polling() {
    return poll != null;
  }

  /** The changes of an answer to the last request that this feed has not published yet. */
  public List<Change> changes(Answer answer) {
    if (!(pending instanceof Page page)) {
      return List.of();
    }
    List<Change> out = new ArrayList<>();
    for (Map<String, Object> record : answer.records()) {
      Key key = key(record);
      if (page.after() != null && key.compareTo(page.after()) <= 0) {
        continue; // not asked for: a page never goes back
      }
      Instant updated = Stamp.parse(record.get("sys_updated_on"), "sys_updated_on");
      if (settings.createdOnly()
          && Stamp.parse(record.get("sys_created_on"), "sys_created_on").isBefore(page.lower())) {
        continue;
      }
      String id = messageId(record, key);
      if (published.containsKey(id)) {
        continue;
      }
      if (Duration.between(updated, answer.serverTime()).compareTo(settings.maxAge()) > 0) {
        tooOld++;
        continue;
      }
      out.add(new Change(id, key, record));
    }
    return out;
  }

  /** The change reached the engine (published, or already there): never publish it again here. */
  public void published(Change change) {
    published.put(change.messageId(), change.key().updatedOn());
  }

  /** Moves on after a successful answer to the last request. */
  public void advance(Answer answer) {
    switch (pending) {
      case Probe probe -> {
        floor = answer.serverTime().minus(settings.catchUp());
        lower = floor;
        poll = new Poll(lower);
      }
      case Page page -> {
        if (poll.start == null) {
          poll.start = answer.serverTime();
        }
        if (answer.records().isEmpty()) {
          poll.hidden += settings.pageSize(); // read again from the same key, further
        } else {
          poll.after = key(answer.records().get(answer.records().size() - 1));
          poll.hidden = 0;
        }
        if (!answer.more()) {
          Instant next = poll.start.minus(settings.window());
          lower = next.isAfter(floor) ? next : floor;
          poll = null;
          completedPolls++;
        }
      }
    }
  }

  /** Changes not published because they were older than the TTL allows when first read. */
  public long tooOld() {
    return tooOld;
  }

  public long completedPolls() {
    return completedPolls;
  }

  /** The first change a poll reads from, ServiceNow's clock; null before the probe. */
  public Instant lower() {
    return poll != null ? poll.lower : lower;
  }

  private Map<String, String> pageParameters(Poll poll) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sysparm_query", query(poll));
    String fields = settings.fieldList();
    if (fields != null) {
      query.put("sysparm_fields", fields);
    }
    query.put("sysparm_limit", String.valueOf(poll.limit(settings.pageSize())));
    int offset = poll.offset(settings.pageSize());
    if (offset > 0) {
      query.put("sysparm_offset", String.valueOf(offset));
    }
    query.put("sysparm_display_value", "false");
    query.put("sysparm_exclude_reference_link", "true");
    return query;
  }

  /**
   * {@code sys_updated_on>=L}, or after key (u, id): {@code sys_updated_on>u ^NQ sys_updated_on=u
   * ^sys_id>id}, each with the user's filter, ordered by key.
   */
  String query(Poll poll) {
    String filter = settings.filter().isEmpty() ? "" : settings.filter() + "^";
    String created = settings.createdOnly() ? "^sys_created_on>=" + Stamp.format(poll.lower) : "";
    if (poll.after == null) {
      return filter + "sys_updated_on>=" + Stamp.format(poll.lower) + created + ORDER;
    }
    String u = poll.after.updatedOn();
    return filter
        + "sys_updated_on>"
        + u
        + created
        + "^NQ"
        + filter
        + "sys_updated_on="
        + u
        + "^sys_id>"
        + poll.after.sysId()
        + created
        + ORDER;
  }

  private String messageId(Map<String, Object> record, Key key) {
    String prefix = settings.table() + ":" + key.sysId() + ":";
    if (settings.createdOnly()) {
      return prefix + "created";
    }
    Object modCount = record.get("sys_mod_count");
    return prefix + (modCount == null ? key.updatedOn() : modCount.toString());
  }

  private static Key key(Map<String, Object> record) {
    Object sysId = record.get("sys_id");
    if (!(sysId instanceof String id) || id.isEmpty() || id.length() > 32) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE,
          "ServiceNow answered a record without a valid sys_id; the poller needs sys_id,"
              + " sys_updated_on and sys_mod_count in every record");
    }
    Instant updated = Stamp.parse(record.get("sys_updated_on"), "sys_updated_on");
    return new Key(Stamp.format(updated), id);
  }
}
