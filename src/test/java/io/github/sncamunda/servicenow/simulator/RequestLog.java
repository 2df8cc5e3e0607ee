package io.github.sncamunda.servicenow.simulator;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What arrived and how it ended: one entry per request while recording is on, counts per method and
 * raw path, the total and the client connections. With recording off only the counters are kept;
 * they grow with distinct paths, not with requests.
 */
final class RequestLog {

  /** One request's entry, completed when it ends. */
  static final class Entry {
    final long sequence;
    final RecordedRequest request;
    volatile Fault fault;
    volatile LogEntry.Outcome outcome = LogEntry.Outcome.PENDING;
    volatile int status = -1;
    volatile boolean processed;
    volatile String principal;
    volatile long requestBytes;
    volatile Instant completedAt;

    Entry(long sequence, RecordedRequest request) {
      this.sequence = sequence;
      this.request = request;
    }

    LogEntry snapshot() {
      return new LogEntry(
          sequence,
          request.receivedAt(),
          principal,
          fault,
          outcome,
          status,
          processed,
          requestBytes,
          completedAt,
          request);
    }
  }

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
  private final LongAdder total = new LongAdder();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean recording = true;

  void recording(boolean on) {
    recording = on;
  }

  /** Counts the request; its entry when recording is on, else null. */
  Entry arrived(Request request) {
    connections.add(request.exchange.getRemoteAddress());
    total.increment();
    counts.computeIfAbsent(request.method + ' ' + request.path, k -> new LongAdder()).increment();
    if (!recording) {
      return null;
    }
    Entry entry = new Entry(sequence.incrementAndGet(), request.record());
    entries.add(entry);
    return entry;
  }

  /** Completes the entry (null: not recorded). */
  void ended(
      Entry entry,
      Request request,
      Fault fault,
      LogEntry.Outcome outcome,
      int status,
      boolean processed,
      Instant at) {
    if (entry == null) {
      return;
    }
    entry.fault = fault;
    entry.status = status;
    entry.processed = processed;
    entry.principal = request.principal;
    entry.requestBytes = request.bodyBytes;
    entry.completedAt = at;
    entry.outcome = outcome; // last: readers that see the outcome see the rest
  }

  List<RecordedRequest> requests() {
    return entries.stream().map(e -> e.request).toList();
  }

  List<LogEntry> entries() {
    return entries.stream()
        .map(Entry::snapshot)
        .sorted(Comparator.comparingLong(LogEntry::sequence))
        .toList();
  }

  long count(String method, String path) {
    LongAdder adder = counts.get(method.toUpperCase(Locale.ROOT) + ' ' + path);
    return adder == null ? 0 : adder.sum();
  }

  long countByPrefix(String method, String prefix) {
    long sum = 0;
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      int space = e.getKey().indexOf(' ');
      if ((method == null || e.getKey().substring(0, space).equalsIgnoreCase(method))
          && e.getKey().startsWith(prefix, space + 1)) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }

  Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  long total() {
    return total.sum();
  }

  int connections() {
    return connections.size();
  }

  void clear() {
    entries.clear();
    counts.clear();
    connections.clear();
    total.reset();
    sequence.set(0);
  }
}
