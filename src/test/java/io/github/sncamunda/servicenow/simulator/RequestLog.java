package io.github.sncamunda.servicenow.simulator;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What arrived: every request (while recording is on), counts per method and raw path, the total
 * and the client connections. Counters are kept even with recording off; they grow with distinct
 * paths, not with requests.
 */
final class RequestLog {

  private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
  private final LongAdder total = new LongAdder();
  private volatile boolean recording = true;

  void recording(boolean on) {
    recording = on;
  }

  /** Counts the request and records it when recording is on. */
  void arrived(Request request) {
    connections.add(request.exchange.getRemoteAddress());
    total.increment();
    counts.computeIfAbsent(request.method + ' ' + request.path, k -> new LongAdder()).increment();
    if (recording) {
      recorded.add(request.record());
    }
  }

  List<RecordedRequest> requests() {
    return List.copyOf(recorded);
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
    recorded.clear();
    counts.clear();
    connections.clear();
    total.reset();
  }
}
