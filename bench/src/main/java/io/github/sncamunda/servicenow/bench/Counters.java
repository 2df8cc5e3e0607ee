package io.github.sncamunda.servicenow.bench;

import io.github.sncamunda.servicenow.bench.Contenders.Auth;
import io.github.sncamunda.servicenow.bench.Contenders.Call;
import io.github.sncamunda.servicenow.bench.Contenders.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token requests and TCP connections per N calls (default 10 000), counted by the server: for
 * each contender × operation × auth a fresh contender (new pool, empty token cache), the server's
 * counters reset, N calls spread over {@code threads} callers, then the server's counts.
 */
final class Counters {

  private Counters() {}

  static List<Map<String, Object>> run(int port, int adminPort, int calls, int threads) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Op op : List.of(Op.flowStart, Op.incidentCreate)) {
      for (Auth auth : Auth.values()) {
        for (String contender : List.of("raw", "ours", "rest")) {
          ServerProcess.reset(adminPort);
          long start = System.nanoTime();
          try (Contenders contenders = new Contenders(port, auth)) {
            Call call = contenders.call(contender, op);
            AtomicInteger left = new AtomicInteger(calls);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                  call.call();
                }
                return null;
              }));
            }
            for (Future<?> f : futures) {
              f.get();
            }
            pool.shutdown();
          }
          ServerProcess.Stats stats = ServerProcess.stats(adminPort);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("contender", contender);
          row.put("op", op.name());
          row.put("auth", auth.name());
          row.put("calls", calls);
          row.put("threads", threads);
          row.put("tokenRequests", stats.tokenRequests());
          row.put("acceptedConnections", stats.acceptedConnections());
          row.put("requests", stats.requests());
          row.put("seconds", (System.nanoTime() - start) / 1e9);
          System.out.printf("counters %-4s %-14s %-5s tokens=%d connections=%d requests=%d%n",
              contender, op, auth, stats.tokenRequests(), stats.acceptedConnections(), stats.requests());
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
