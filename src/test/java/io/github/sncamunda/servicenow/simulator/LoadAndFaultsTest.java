package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrency, seeded fault mixes and the request log a load-test checker reads. */
class LoadAndFaultsTest {

  private static final String CATALOG_ITEM = "e2d6a4f1c0a8016400ea6d6cf2d36d4c";
  private final List<ServiceNowSimulator> started = new ArrayList<>();

  private ServiceNowSimulator start(ServiceNowSimulator sim) {
    started.add(sim);
    return sim.start();
  }

  @AfterEach
  void stop() {
    started.forEach(ServiceNowSimulator::close);
  }

  private static void runConcurrently(int clients, Callable<Void> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return work.call();
                }));
      }
      go.countDown();
      for (Future<Void> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void fiftyConcurrentClientsLeaveEveryTableConsistent() throws Exception {
    ServiceNowSimulator sim =
        start(new ServiceNowSimulator().standardTables().catalogItem(CATALOG_ITEM, "Mouse"));
    SimHttp http = new SimHttp(sim);
    int clients = 50;
    int rounds = 4;
    AtomicInteger ids = new AtomicInteger();

    runConcurrently(
        clients,
        () -> {
          for (int r = 0; r < rounds; r++) {
            String correlation = "c-" + ids.incrementAndGet();
            SimHttp.Answer created =
                http.post("/api/now/table/incident", Map.of("correlation_id", correlation));
            assertThat(created.status()).isEqualTo(201);
            String id = created.result().get("sys_id").asText();
            assertThat(
                    http.patch("/api/now/table/incident/" + id, Map.of("work_notes", correlation))
                        .status())
                .isEqualTo(200);
            assertThat(
                    http.get("/api/now/table/incident?sysparm_query=correlation_id=" + correlation)
                        .result())
                .hasSize(1);
            byte[] file = correlation.getBytes(StandardCharsets.UTF_8);
            assertThat(
                    http.sendBytes(
                            "POST",
                            "/api/now/attachment/file?table_name=incident&table_sys_id="
                                + id
                                + "&file_name=f.txt",
                            file,
                            "Content-Type",
                            "text/plain")
                        .status())
                .isEqualTo(201);
            assertThat(
                    http.post(
                            "/api/sn_sc/servicecatalog/items/" + CATALOG_ITEM + "/order_now",
                            Map.of("sysparm_quantity", "1"))
                        .status())
                .isEqualTo(200);
          }
          return null;
        });

    int n = clients * rounds;
    Set<String> expectedNumbers = new HashSet<>();
    for (int i = 1; i <= n; i++) {
      expectedNumbers.add(String.format("INC%07d", 10000 + i));
    }
    assertThat(sim.incidents())
        .extracting(r -> r.get("number"))
        .containsExactlyInAnyOrderElementsOf(expectedNumbers);
    assertThat(sim.incidents().stream().map(r -> r.get("correlation_id")).distinct()).hasSize(n);
    assertThat(sim.records("sys_journal_field")).hasSize(n);
    assertThat(sim.attachments()).hasSize(n);
    assertThat(sim.records("sc_request"))
        .extracting(r -> r.get("number"))
        .doesNotHaveDuplicates()
        .hasSize(n);
    assertThat(sim.records("sc_req_item")).hasSize(n);

    List<LogEntry> log = sim.requestLog();
    assertThat(log).hasSize((int) sim.totalRequests()).hasSize(n * 5);
    assertThat(log).extracting(LogEntry::sequence).doesNotHaveDuplicates();
    assertThat(log)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(LogEntry.Outcome.ANSWERED);
              assertThat(e.status()).isBetween(200, 201);
              assertThat(e.principal()).isEqualTo("admin");
              assertThat(e.processed()).isTrue();
              assertThat(e.completedAt()).isAfterOrEqualTo(e.receivedAt());
            });
  }

  private static Map<Fault, Double> mix() {
    Map<Fault, Double> rates = new LinkedHashMap<>();
    rates.put(Fault.tooManyRequests(1), 0.10); // short Retry-After
    rates.put(Fault.tooManyRequests(120), 0.05); // long Retry-After
    rates.put(Fault.serviceUnavailableHtml(), 0.05);
    rates.put(Fault.dropBeforeProcessing(), 0.05);
    rates.put(Fault.dropAfterProcessing(), 0.05);
    rates.put(Fault.answerLate(Duration.ofMillis(5)), 0.05);
    rates.put(Fault.delay(Duration.ofMillis(5)), 0.05);
    return rates;
  }

  /** Sends {@code count} creates one after the other; a dropped one is not resent. */
  private static void createSequentially(SimHttp http, int count) {
    for (int i = 0; i < count; i++) {
      try {
        http.post("/api/now/table/incident", Map.of("correlation_id", "m-" + i));
      } catch (UncheckedIOException dropped) {
        // the connection was closed without an answer
      }
    }
  }

  @Test
  void aSeededFaultMixIsReproducibleAndEveryFaultIsLoggedWithItsOutcome() {
    List<List<String>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      ServiceNowSimulator sim =
          start(new ServiceNowSimulator().faultMix(7, "POST", "/api/now/table/", mix()));
      createSequentially(new SimHttp(sim), 300);
      List<LogEntry> log = sim.requestLog();
      runs.add(log.stream().map(e -> e.fault() == null ? "-" : e.fault().describe()).toList());

      assertThat(log).hasSize(300);
      Map<String, Long> byFault =
          log.stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.fault() == null ? "none" : e.fault().getClass().getSimpleName(),
                      Collectors.counting()));
      assertThat(byFault.keySet())
          .contains(
              "none",
              "Status",
              "DropBeforeProcessing",
              "DropAfterProcessing",
              "AnswerLate",
              "Delay");
      Set<String> created = new HashSet<>();
      sim.incidents().forEach(r -> created.add(r.get("correlation_id")));
      for (LogEntry e : log) {
        String correlation = e.bodyField("correlation_id");
        switch (e.fault()) {
          case Fault.Status s -> {
            assertThat(e.outcome()).isEqualTo(LogEntry.Outcome.ANSWERED);
            assertThat(e.status()).isEqualTo(s.status());
            assertThat(e.processed()).isFalse();
            assertThat(created).doesNotContain(correlation);
          }
          case Fault.DropBeforeProcessing d -> {
            assertThat(e.outcome()).isEqualTo(LogEntry.Outcome.DROPPED);
            assertThat(e.processed()).isFalse();
            assertThat(e.ambiguous()).isTrue();
            assertThat(created).doesNotContain(correlation);
          }
          case Fault.DropAfterProcessing d -> {
            assertThat(e.outcome()).isEqualTo(LogEntry.Outcome.DROPPED);
            assertThat(e.processed()).isTrue();
            assertThat(e.principal()).isEqualTo("admin");
            assertThat(created).contains(correlation); // committed, never answered
          }
          case null, default -> {
            assertThat(e.outcome()).isEqualTo(LogEntry.Outcome.ANSWERED);
            assertThat(e.status()).isEqualTo(201);
            assertThat(created).contains(correlation);
          }
        }
      }
      assertThat(log.stream().filter(e -> e.status() == 429))
          .allSatisfy(e -> assertThat(e.request().method()).isEqualTo("POST"));
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    long faulted = runs.get(0).stream().filter(f -> !f.equals("-")).count();
    assertThat(faulted).isBetween(90L, 150L); // 40 % of 300, give or take
  }

  /** Resent writes: a create whose correlation id was already sent in an ambiguous request. */
  private static List<LogEntry> resentAfterAmbiguity(List<LogEntry> log) {
    Set<String> ambiguous = new HashSet<>();
    List<LogEntry> resent = new ArrayList<>();
    for (LogEntry e : log) {
      if (!e.method().equals("POST")) {
        continue;
      }
      String correlation = e.bodyField("correlation_id");
      if (ambiguous.contains(correlation)) {
        resent.add(e);
      }
      if (e.ambiguous()) {
        ambiguous.add(correlation);
      }
    }
    return resent;
  }

  private static Map<String, Integer> duplicates(List<Map<String, String>> records) {
    Map<String, Integer> counts = new HashMap<>();
    records.forEach(r -> counts.merge(r.get("correlation_id"), 1, Integer::sum));
    counts.values().removeIf(c -> c == 1);
    return counts;
  }

  @Test
  void theLogLetsACheckerCatchAWriteSentAgainAfterAnAmbiguousFailure() {
    ServiceNowSimulator sim = start(new ServiceNowSimulator());
    SimHttp http = new SimHttp(sim);
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());

    // a naive client resends the POST after the connection broke
    Map<String, String> order = Map.of("correlation_id", "order-1");
    try {
      http.post("/api/now/table/incident", order);
    } catch (UncheckedIOException dropped) {
      http.post("/api/now/table/incident", order);
    }
    assertThat(resentAfterAmbiguity(sim.requestLog())).hasSize(1);
    assertThat(duplicates(sim.incidents())).containsEntry("order-1", 2);

    // a careful client looks the correlation id up instead of resending
    sim.reset();
    sim.failNext(1, "POST", "/api/now/table/incident", Fault.dropAfterProcessing());
    try {
      http.post("/api/now/table/incident", order);
    } catch (UncheckedIOException dropped) {
      if (http.get("/api/now/table/incident?sysparm_query=correlation_id=order-1")
          .result()
          .isEmpty()) {
        http.post("/api/now/table/incident", order);
      }
    }
    assertThat(resentAfterAmbiguity(sim.requestLog())).isEmpty();
    assertThat(duplicates(sim.incidents())).isEmpty();
  }

  @Test
  void withRecordingOffOnlyCountersRemain() throws Exception {
    ServiceNowSimulator sim =
        start(
            new ServiceNowSimulator()
                .recordRequests(false)
                .flowCallbackDelay(Duration.ofMillis(1)));
    CountDownLatch called = new CountDownLatch(1);
    sim.onFlowTriggered(call -> called.countDown());
    SimHttp http = new SimHttp(sim);
    for (int i = 0; i < 49; i++) {
      http.get("/api/now/table/incident");
    }
    assertThat(http.post("/api/x_acme/start_order", Map.of("a", 1)).status()).isEqualTo(200);

    assertThat(called.await(5, TimeUnit.SECONDS)).isTrue(); // callbacks still run
    assertThat(sim.flowCalls()).isEmpty();
    assertThat(sim.requestLog()).isEmpty();
    assertThat(sim.requests()).isEmpty();
    assertThat(sim.requestCount("GET", "/api/now/table/incident")).isEqualTo(49);
    assertThat(sim.totalRequests()).isEqualTo(50);
  }

  @Test
  void virtualThreadsServeSlowAnswersSideBySide() throws Exception {
    ServiceNowSimulator sim = start(new ServiceNowSimulator().virtualThreads());
    sim.faultMix(1, Map.of(Fault.answerLate(Duration.ofMillis(300)), 1.0));
    SimHttp http = new SimHttp(sim);
    long begin = System.nanoTime();

    runConcurrently(
        50,
        () -> {
          assertThat(http.get("/api/now/table/incident").status()).isEqualTo(200);
          return null;
        });

    // one after the other this takes 15 s, on 8 pool threads about 2 s
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    assertThat(sim.requestLog()).hasSize(50).allSatisfy(e -> assertThat(e.ambiguous()).isTrue());
  }
}
