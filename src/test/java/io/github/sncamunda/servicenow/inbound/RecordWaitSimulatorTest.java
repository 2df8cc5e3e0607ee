package io.github.sncamunda.servicenow.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.api.inbound.ProcessInstanceContext;
import io.github.sncamunda.servicenow.client.ClientSettings;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.simulator.RecordedRequest;
import io.github.sncamunda.servicenow.simulator.ServiceNowSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wait for a ServiceNow record against the simulator, with hand-made waiting instances. */
class RecordWaitSimulatorTest {

  private ServiceNowSimulator sim;
  private ServiceNowClient client;
  private InboundTestContexts contexts;

  @BeforeEach
  void start() {
    contexts = new InboundTestContexts();
    sim = new ServiceNowSimulator().recordRequests(true).table("change_request").start();
    client = new ServiceNowClient(ClientSettings.defaults());
    contexts.secret("SN_PASSWORD", ServiceNowSimulator.DEFAULT_PASSWORD);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    sim.close();
  }

  private Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    p.put("connection", Map.of("baseUrl", sim.baseUrl()));
    p.put(
        "authentication",
        Map.of(
            "type", "basic",
            "username", ServiceNowSimulator.DEFAULT_USER,
            "password", "{{secrets.SN_PASSWORD}}"));
    p.put("table", Map.of("table", "change_request"));
    p.put(
        "waitFor",
        Map.of(
            "recordId", "=changeRequest.sys_id",
            "condition", "approval=approved",
            "fields", "number,approval",
            "pageSize", "100"));
    return p;
  }

  @Test
  void allWaitingInstancesAreCheckedWithOneQueryPerPageAndReleasedWhenApproved() {
    List<ProcessInstanceContext> waiting = new ArrayList<>();
    List<Map<String, String>> changes = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Map<String, String> change = sim.seed("change_request", Map.of("short_description", "c" + i));
      changes.add(change);
      waiting.add(new InboundTestContexts.Instance(1000 + i, change.get("sys_id")));
    }
    // two instances wait for the same change; one gives no sys_id at all
    waiting.add(new InboundTestContexts.Instance(5000, changes.get(0).get("sys_id")));
    waiting.add(new InboundTestContexts.Instance(5001, "x,y^NQactive=true"));
    RecordWait wait = RecordWait.bind(client, contexts.waiting(properties(), waiting));

    wait.poll();
    List<RecordedRequest> first = reads();
    assertThat(first).hasSize(3); // ⌈250/100⌉, not 251
    assertThat(first.get(0).query().get("sysparm_query"))
        .startsWith("sys_idIN" + changes.get(0).get("sys_id") + ",")
        .endsWith("^approval=approved");
    assertThat(first.get(0).query())
        .containsEntry("sysparm_fields", "sys_id,number,approval")
        .containsEntry("sysparm_display_value", "false");
    assertThat(first).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
    assertThat(waiting)
        .allSatisfy(i -> assertThat(((InboundTestContexts.Instance) i).correlated).isEmpty());

    sim.update("change_request", changes.get(0).get("sys_id"), Map.of("approval", "approved"));
    sim.update("change_request", changes.get(249).get("sys_id"), Map.of("approval", "approved"));
    wait.poll();
    assertThat(reads()).hasSize(6);
    assertThat(instance(waiting, 0).correlated)
        .singleElement()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("approval", "approved")
        .containsEntry("number", changes.get(0).get("number"));
    assertThat(instance(waiting, 249).correlated).hasSize(1);
    assertThat(instance(waiting, 250).correlated).hasSize(1); // the second instance on change 0
    assertThat(instance(waiting, 1).correlated).isEmpty();
    assertThat(instance(waiting, 251).correlated).isEmpty();
    assertThat(reads())
        .noneSatisfy(r -> assertThat(r.query().get("sysparm_query")).contains("active=true"));
  }

  @Test
  void noWaitingInstanceMeansNoRequest() {
    RecordWait wait = RecordWait.bind(client, contexts.waiting(properties(), List.of()));
    wait.poll();
    assertThat(reads()).isEmpty();
  }

  private List<RecordedRequest> reads() {
    return sim.requests().stream()
        .filter(r -> r.path().equals("/api/now/table/change_request"))
        .toList();
  }

  private static InboundTestContexts.Instance instance(List<ProcessInstanceContext> all, int i) {
    return (InboundTestContexts.Instance) all.get(i);
  }
}
