package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog orders through order_now create a request and its requested item. */
class ServiceCatalogTest {

  private static final String LAPTOP = "04b7e94b4f7b4200086eeed18110c7fd";
  private static final String ORDER_NOW =
      "/api/sn_sc/servicecatalog/items/" + LAPTOP + "/order_now";

  private ServiceNowSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = new ServiceNowSimulator().catalogItem(LAPTOP, "Standard Laptop").start();
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void orderNowCreatesARequestAndItsRequestedItem() {
    SimHttp.Answer ordered =
        http.post(
            ORDER_NOW,
            Map.of("sysparm_quantity", "2", "variables", Map.of("memory", "32GB", "rush", true)));

    assertThat(ordered.status()).isEqualTo(200);
    JsonNode result = ordered.result();
    List<String> keys = new ArrayList<>();
    result.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("sys_id", "number", "request_number", "request_id", "table");
    String requestId = result.get("sys_id").asText();
    assertThat(result.get("number").asText()).isEqualTo("REQ0010001");
    assertThat(result.get("request_number").asText()).isEqualTo("REQ0010001");
    assertThat(result.get("request_id").asText()).isEqualTo(requestId);
    assertThat(result.get("table").asText()).isEqualTo("sc_request");

    JsonNode items =
        http.get(
                "/api/now/table/sc_req_item?sysparm_exclude_reference_link=true&sysparm_query=request="
                    + requestId)
            .result();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("number").asText()).isEqualTo("RITM0010001");
    assertThat(items.get(0).get("cat_item").asText()).isEqualTo(LAPTOP);
    assertThat(items.get(0).get("quantity").asText()).isEqualTo("2");
    assertThat(items.get(0).get("requested_for").asText()).isEqualTo("admin");
    assertThat(sim.record("sc_request", requestId)).isPresent();

    CatalogOrder order = sim.catalogOrders().get(0);
    assertThat(order.requestNumber()).isEqualTo("REQ0010001");
    assertThat(order.requestItemSysId()).isEqualTo(items.get(0).get("sys_id").asText());
    assertThat(order.variables()).containsEntry("memory", "32GB").containsEntry("rush", "true");
    assertThat(order.quantity()).isEqualTo(2);

    SimHttp.Answer versioned =
        http.post(
            "/api/sn_sc/v1/servicecatalog/items/" + LAPTOP + "/order_now",
            Map.of("sysparm_quantity", 1, "sysparm_requested_for", "u-42"));
    assertThat(versioned.result().get("number").asText()).isEqualTo("REQ0010002");
    assertThat(sim.catalogOrders().get(1).requestedFor()).isEqualTo("u-42");
  }

  @Test
  void unknownItemsAndBadQuantitiesAreRefusedWithTheErrorEnvelope() {
    SimHttp.Answer unknown =
        http.post(
            "/api/sn_sc/servicecatalog/items/0000/order_now", Map.of("sysparm_quantity", "1"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("status").asText()).isEqualTo("failure");
    assertThat(unknown.json().at("/error/message").asText()).contains("0000");

    for (Object quantity : new Object[] {"-1", "0", "many"}) {
      assertThat(http.post(ORDER_NOW, Map.of("sysparm_quantity", quantity)).status())
          .as("quantity %s", quantity)
          .isEqualTo(400);
    }
    assertThat(http.post(ORDER_NOW, Map.of("variables", Map.of())).status()).isEqualTo(400);
    assertThat(http.get(ORDER_NOW).status()).isEqualTo(405);
    assertThat(http.as(null).post(ORDER_NOW, Map.of("sysparm_quantity", "1")).status())
        .isEqualTo(401);
    assertThat(sim.catalogOrders()).isEmpty();
    assertThat(sim.records("sc_request")).isEmpty();
  }
}
