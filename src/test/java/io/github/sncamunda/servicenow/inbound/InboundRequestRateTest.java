package io.github.sncamunda.servicenow.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.inbound.ProcessInstanceContext;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests to ServiceNow per poll round, counted at the simulator, for N replicas × M watchers × K
 * waiting instances (one wait element per replica): what docs/from-servicenow-to-camunda.md's rate
 * table is made of. A quiet table (no changes) costs one request per watcher per interval, and K
 * waiting instances cost ⌈K/100⌉ per wait element per interval, on every replica.
 */
class InboundRequestRateTest {

  @Test
  void requestsPerRoundAreReplicasTimesWatchersPlusPagesOfWaitingInstances() throws Exception {
    int[][] cases = {{1, 1, 0}, {1, 4, 100}, {3, 4, 1000}, {3, 10, 1000}};
    StringBuilder table =
        new StringBuilder("| replicas N | watchers M | waiting K | requests per round |\n");
    for (int[] c : cases) {
      int n = c[0], m = c[1], k = c[2];
      try (ServiceNowSimulator sim =
              new ServiceNowSimulator().recordRequests(true).table("change_request").start();
          ServiceNowClient client = new ServiceNowClient(ClientSettings.defaults())) {
        InboundTestContexts contexts = new InboundTestContexts();
        contexts.secret("SN_PASSWORD", ServiceNowSimulator.DEFAULT_PASSWORD);
        List<ProcessInstanceContext> waiting = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          String sysId =
              sim.seed("change_request", Map.of("short_description", "w" + i)).get("sys_id");
          waiting.add(new InboundTestContexts.Instance(i, sysId));
        }
        List<Runnable> polls = new ArrayList<>();
        for (int replica = 0; replica < n; replica++) {
          for (int watcher = 0; watcher < m; watcher++) {
            RecordWatcher w =
                RecordWatcher.bind(
                    client, contexts.watching(properties(sim, "watch", Map.of("pageSize", "100"))));
            w.poll(); // activation: the clock probe and the first poll
            polls.add(w::poll);
          }
          if (k > 0) {
            RecordWait wait =
                RecordWait.bind(
                    client,
                    contexts.waiting(
                        properties(
                            sim,
                            "waitFor",
                            Map.of("recordId", "=id", "condition", "approval=approved")),
                        waiting));
            polls.add(wait::poll);
          }
        }
        long before = sim.requests().size();
        polls.forEach(Runnable::run);
        long round = sim.requests().size() - before;
        assertThat(round).isEqualTo((long) n * (m + (k + 99) / 100));
        table.append("| ").append(n).append(" | ").append(m).append(" | ").append(k);
        table.append(" | ").append(round).append(" |\n");
      }
    }
    System.out.println(table);
  }

  private static Map<String, Object> properties(
      ServiceNowSimulator sim, String group, Map<String, String> values) {
    Map<String, Object> p = new HashMap<>();
    p.put("connection", Map.of("baseUrl", sim.baseUrl()));
    p.put(
        "authentication",
        Map.of(
            "type", "basic",
            "username", ServiceNowSimulator.DEFAULT_USER,
            "password", "{{secrets.SN_PASSWORD}}"));
    p.put("table", Map.of("table", group.equals("watch") ? "incident" : "change_request"));
    p.put(group, values);
    return p;
  }
}
