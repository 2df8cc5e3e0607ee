package io.github.sncamunda.servicenow.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.inbound.CorrelationRequest;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.RecordedRequest;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Record Watcher against the simulator's change feed, without the runtime: the SDK's test
 * context binds the properties as the runtime does, and polls are driven by hand.
 */
class RecordWatcherSimulatorTest {

  private ServiceNowSimulator sim;
  private ServiceNowClient client;
  private InboundTestContexts contexts;

  @BeforeEach
  void start() {
    contexts = new InboundTestContexts();
    // the system clock: the JDK server's Date header is the JVM's, so it must be ServiceNow's too
    sim = new ServiceNowSimulator().recordRequests(true).start();
    client = new ServiceNowClient(ClientSettings.defaults());
    contexts.secret("SN_PASSWORD", ServiceNowSimulator.DEFAULT_PASSWORD);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    sim.close();
  }

  private Map<String, Object> properties(Map<String, String> watch) {
    Map<String, Object> p = new HashMap<>();
    p.put("inbound", Map.of("type", "io.github.sncamunda:servicenow-record-watcher:1"));
    p.put("connection", Map.of("baseUrl", sim.baseUrl()));
    p.put(
        "authentication",
        Map.of(
            "type", "basic",
            "username", ServiceNowSimulator.DEFAULT_USER,
            "password", "{{secrets.SN_PASSWORD}}"));
    p.put("table", Map.of("table", "incident"));
    p.put("watch", watch);
    p.put("messageTtl", "PT1H");
    return p;
  }

  private RecordWatcher watcher(Map<String, String> watch) {
    return RecordWatcher.bind(client, contexts.watching(properties(watch)));
  }

  private List<String> acceptedIds() {
    return contexts.accepted.stream().map(CorrelationRequest::getMessageId).toList();
  }

  @Test
  void oneMessagePerChangeFromNowOnWithTiesRacesLateCommitsAndAclCutPages() {
    var before = sim.seedIncident(Map.of("short_description", "p1 before"));
    nextSecond();
    RecordWatcher watcher =
        watcher(
            Map.of(
                "filter",
                "short_descriptionSTARTSWITHp1",
                "fields",
                "number,short_description",
                "pageSize",
                "2"));
    watcher.poll(); // learns ServiceNow's clock, then reads from now on
    assertThat(contexts.accepted).isEmpty();

    // three changes in one second (a tie), one filtered out, one hidden by ACLs
    var a = sim.seedIncident(Map.of("short_description", "p1 a"));
    var b = sim.seedIncident(Map.of("short_description", "p1 b"));
    var c = sim.seedIncident(Map.of("short_description", "p1 c"));
    sim.seedIncident(Map.of("short_description", "p4 low"));
    var secret = sim.seedIncident(Map.of("short_description", "p1 hidden"));
    sim.aclHides("incident", r -> r.get("sys_id").equals(secret.get("sys_id")));
    // while the poll pages, someone updates a: its new version lands after the page cursor
    AtomicBoolean raced = new AtomicBoolean();
    sim.beforeEachList(
        table -> {
          if (raced.compareAndSet(false, true)) {
            sim.update("incident", a.get("sys_id"), Map.of("short_description", "p1 a2"));
          }
        });
    watcher.poll();
    assertThat(acceptedIds())
        .contains(
            "incident:" + b.get("sys_id") + ":0",
            "incident:" + c.get("sys_id") + ":0",
            "incident:" + a.get("sys_id") + ":1")
        .doesNotContain(
            "incident:" + secret.get("sys_id") + ":0", "incident:" + before.get("sys_id") + ":0")
        .doesNotHaveDuplicates();
    assertThat(contexts.accepted.get(0).getVariables())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsKeys("sys_id", "number", "short_description", "sys_mod_count");

    // the request shape: stored values, inclusive window, key order, key paging
    List<RecordedRequest> reads =
        sim.requests().stream().filter(r -> r.path().equals("/api/now/table/incident")).toList();
    assertThat(reads.get(0).query())
        .containsEntry("sysparm_query", "sys_idISEMPTY")
        .containsEntry("sysparm_limit", "1");
    RecordedRequest first = reads.get(1);
    assertThat(first.query().get("sysparm_query"))
        .startsWith("short_descriptionSTARTSWITHp1^sys_updated_on>=")
        .endsWith("^ORDERBYsys_updated_on^ORDERBYsys_id");
    assertThat(first.query())
        .containsEntry("sysparm_display_value", "false")
        .containsEntry("sysparm_exclude_reference_link", "true")
        .containsEntry("sysparm_limit", "2")
        .containsEntry(
            "sysparm_fields", "sys_id,sys_updated_on,sys_mod_count,number,short_description");
    assertThat(reads)
        .anySatisfy(
            r ->
                assertThat(r.query().get("sysparm_query"))
                    .contains("^NQshort_descriptionSTARTSWITHp1^sys_updated_on="));
    assertThat(reads).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));

    // the next poll re-reads the window: nothing new is published twice
    int published = contexts.accepted.size();
    watcher.poll();
    assertThat(contexts.accepted).hasSize(published);

    // a transaction that began in a second the polls already read commits now: its stamp is older
    // than changes already seen, but still inside the re-read window
    sim.commitLate(
        "incident",
        b.get("sys_id"),
        Map.of("short_description", "p1 b late"),
        java.time.LocalDateTime.parse(c.get("sys_updated_on").replace(' ', 'T'))
            .toInstant(java.time.ZoneOffset.UTC));
    watcher.poll();
    assertThat(acceptedIds()).contains("incident:" + b.get("sys_id") + ":1");
  }

  @Test
  void replicasWatchingTheSameTablePublishTheSameIdsSoTheEngineKeepsEachChangeOnce() {
    Map<String, String> watch = Map.of("pageSize", "3");
    List<RecordWatcher> replicas = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      replicas.add(watcher(watch));
      replicas.get(i).poll();
    }
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 4; i++) {
        var r = sim.seedIncident(Map.of("short_description", "r" + round + "-" + i));
        expected.add("incident:" + r.get("sys_id") + ":0");
      }
      replicas.forEach(RecordWatcher::poll);
    }
    assertThat(acceptedIds()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(contexts.attempts).hasSize(expected.size() * 3);
  }

  @Test
  void aRateLimitFailsThePollAndThePollerWaitsAsLongAsServiceNowAsks() {
    RecordWatcher watcher = watcher(Map.of("pollingInterval", "PT30S"));
    List<Duration> delays = new ArrayList<>();
    Poller poller = recordingPoller(contexts.watching(properties(Map.of())), watcher, delays);
    poller.tick();
    assertThat(delays).containsExactly(Duration.ofSeconds(30));
    sim.failNext(1, Fault.tooManyRequests(3600));
    poller.tick();
    assertThat(delays.get(1)).isEqualTo(Duration.ofSeconds(3600));
    sim.failNext(10, Fault.serverError());
    poller.tick();
    assertThat(delays.get(2)).isGreaterThan(Duration.ofSeconds(30));
    poller.tick();
    poller.tick();
    assertThat(delays.get(4)).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    sim.clearFaults();
    poller.tick();
    assertThat(delays.get(5)).isEqualTo(Duration.ofSeconds(30));
  }

  /** A poller whose scheduler only records the delays it is asked for. */
  private static Poller recordingPoller(
      io.camunda.connector.api.inbound.InboundConnectorContext context,
      RecordWatcher watcher,
      List<Duration> delays) {
    return new Poller(
        new io.github.sncamunda.servicenow.inbound.changes.Backoff(
            Duration.ofSeconds(30),
            Duration.ofMinutes(15),
            java.util.concurrent.ThreadLocalRandom::current),
        new Poller.Scheduler() {
          @Override
          public void schedule(Runnable task, Duration delay) {
            delays.add(delay);
          }

          @Override
          public void close() {}
        },
        context,
        watcher::poll);
  }

  /** Waits for the next second of ServiceNow's one-second stamps (the simulator's system clock). */
  private static void nextSecond() {
    long millis = System.currentTimeMillis();
    try {
      Thread.sleep(1000 - millis % 1000 + 20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aRefusedPasswordTurnsTheHealthDownWithoutTheSecret() {
    String secret = "wrong-Pa55-SECRET-5e1f";
    contexts.secret("SN_PASSWORD", secret);
    var context = contexts.watching(properties(Map.of()));
    RecordWatcher watcher = RecordWatcher.bind(client, context);
    List<Duration> delays = new ArrayList<>();
    Poller poller = recordingPoller(context, watcher, delays);
    poller.tick();
    assertThat(context.getHealth().getStatus())
        .isEqualTo(io.camunda.connector.api.inbound.Health.Status.DOWN);
    assertThat(context.getHealth().getError().code()).isEqualTo("401");
    assertThat(context.getHealth().toString()).doesNotContain(secret);
    assertThat(delays.get(0)).isGreaterThan(Duration.ofSeconds(30));
  }

  @Test
  void badPropertiesFailActivationBeforeAnythingIsSent() {
    assertThatThrownBy(() -> watcher(Map.of("filter", "active=true^NQpriority=1")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("^NQ");
    assertThatThrownBy(() -> watcher(Map.of("startFrom", "catchUp", "catchUp", "PT2H")))
        .hasMessageContaining("Message TTL PT1H is too short");
    assertThatThrownBy(() -> watcher(Map.of("pollingInterval", "every minute")))
        .hasMessageContaining("Polling interval must be an ISO-8601 duration");
    assertThatThrownBy(() -> watcher(Map.of("fields", "number,sys_id;drop")))
        .hasMessageContaining("Fields must be column names");
    assertThat(sim.requests()).isEmpty();
  }
}
