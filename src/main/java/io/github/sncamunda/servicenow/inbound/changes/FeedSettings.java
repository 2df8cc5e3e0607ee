package io.github.sncamunda.servicenow.inbound.changes;

import io.camunda.connector.api.error.ConnectorInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one watcher reads and how often, validated. {@code window} is how far each poll re-reads
 * before the previous poll's start (ServiceNow's clock), to catch transactions that commit after a
 * later stamp was visible; {@code catchUp} how far the first poll after activation reaches back
 * (zero: changes from now on). {@code ttl} is the message TTL: an ID must not recur after the
 * engine forgot it, so the TTL has to cover the longest reach back plus two intervals.
 */
public record FeedSettings(
    String table,
    String filter,
    List<String> fields,
    boolean createdOnly,
    Duration interval,
    Duration window,
    Duration catchUp,
    Duration ttl,
    int pageSize) {

  /** The columns every poll needs besides the user's. */
  static final List<String> KEY_FIELDS = List.of("sys_id", "sys_updated_on", "sys_mod_count");

  public FeedSettings {
    filter = QueryFilter.check(filter, "Filter");
    fields = List.copyOf(fields);
    requirePositive(interval, "Polling interval");
    requireNotNegative(window, "Re-read window");
    requireNotNegative(catchUp, "Catch-up");
    requirePositive(ttl, "Message TTL");
    if (pageSize < 1 || pageSize > 10_000) {
      throw new ConnectorInputException("Page size must be between 1 and 10000, was " + pageSize);
    }
    Duration needed = reach(window, catchUp).plus(interval.multipliedBy(2));
    if (ttl.compareTo(needed) <= 0) {
      throw new ConnectorInputException(
          "Message TTL "
              + ttl
              + " is too short: a change can be read again for "
              + reach(window, catchUp)
              + " (the longer of re-read window and catch-up), so the TTL must be longer than that"
              + " plus two polling intervals ("
              + needed
              + "), or the engine would accept the same message ID twice and start two"
              + " instances");
    }
  }

  /** How far back a poll may read relative to ServiceNow's clock. */
  private static Duration reach(Duration window, Duration catchUp) {
    return window.compareTo(catchUp) >= 0 ? window : catchUp;
  }

  /** {@code sysparm_fields}, or null for every field; the key fields are always included. */
  String fieldList() {
    if (fields.isEmpty()) {
      return null;
    }
    Set<String> all = new LinkedHashSet<>(KEY_FIELDS);
    if (createdOnly) {
      all.add("sys_created_on");
    }
    all.addAll(fields);
    return String.join(",", new ArrayList<>(all));
  }

  /**
   * How old (ServiceNow's clock) a change may be when first read and still be published: past this,
   * the engine may have forgotten an earlier publication of the same ID (a replica back from a long
   * outage), so publishing again could start a second instance.
   */
  Duration maxAge() {
    return ttl.minus(interval);
  }

  private static void requirePositive(Duration value, String label) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConnectorInputException(label + " must be a positive duration, e.g. PT30S");
    }
  }

  private static void requireNotNegative(Duration value, String label) {
    if (value == null || value.isNegative()) {
      throw new ConnectorInputException(label + " must be a duration of zero or more, e.g. PT5M");
    }
  }
}
