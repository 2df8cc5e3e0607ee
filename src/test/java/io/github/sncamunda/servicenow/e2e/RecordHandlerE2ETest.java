package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.simulator.LogEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Record Handler in the real connectors runtime, from BPMN made by applying its element
 * template: a change request with approval notes (the example), a catalog order, a custom scoped
 * table, and a search over several pages with a cap.
 */
class RecordHandlerE2ETest extends RuntimeTestSupport {

  private static final String LAPTOP = "060f3afa3731300054b6a3549dbe5d3e";

  @BeforeEach
  void tables() {
    SERVICENOW.standardTables().table("x_acme_app_item").catalogItem(LAPTOP, "Standard laptop");
  }

  @Test
  @SuppressWarnings("unchecked")
  void changeRequestWithApprovalNotesAndTheJournalReadBack() {
    deploy("examples-bpmn", "change-approval-notes");

    Map<String, Object> result =
        runToCompletion(
            "servicenow-change-approval-notes",
            Map.of("host", "db01", "version", "15.4", "approver", "Jane CAB"));

    assertThat((String) result.get("changeNumber")).startsWith("CHG");
    assertThat(result).containsEntry("createdNew", true).containsEntry("changeState", "-1");
    assertThat(result).containsEntry("journalEntries", 2);
    List<Map<String, Object>> journal = (List<Map<String, Object>>) result.get("journal");
    assertThat(journal)
        .extracting(e -> e.get("field") + ": " + e.get("value"))
        .containsExactlyInAnyOrder(
            "work_notes: Approved by the change advisory board in Camunda (Jane CAB)",
            "comments: Your change was approved and is scheduled for implementation.");
    assertThat(journal).allSatisfy(e -> assertThat(e.get("createdBy")).isEqualTo(USER));
    String sysId = (String) result.get("changeSysId");
    assertThat(SERVICENOW.records("change_request"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("correlation_id", "patch-db01-15.4"));
    assertThat(SERVICENOW.journal(sysId)).hasSize(2);
  }

  /**
   * The example: ServiceNow delivers the requested item and publishes the message with its sys_id
   * as correlation key, as a business rule on sc_req_item would.
   */
  @Test
  void catalogOrderExampleWaitsForTheDeliveryByTheRequestedItemsSysId() {
    deploy("examples-bpmn", "catalog-order");

    long instance = start("servicenow-catalog-order", laptopFor("abel.tuter"));
    awaitElementActivated(instance, "AwaitDelivery");
    String ritm = SERVICENOW.records("sc_req_item").get(0).get("sys_id");
    SERVICENOW.update("sc_req_item", ritm, Map.of("stage", "complete"));
    publish("ServiceNowItemDelivered", ritm);

    awaitElementCompleted(instance, "LaptopDelivered");
    Map<String, Object> result = variables(instance);
    assertThat((String) result.get("requestNumber")).startsWith("REQ");
    assertThat((String) result.get("ritmNumber")).startsWith("RITM");
    assertThat(result).containsEntry("ritmSysId", ritm).containsEntry("deliveredStage", "complete");
    assertThat(SERVICENOW.catalogOrders()).hasSize(1);
    assertThat(SERVICENOW.journal(ritm)).isEmpty();
  }

  @Test
  void catalogOrderExampleChasesTheFulfillerAfterFiveDaysWithoutDelivery() {
    deploy("examples-bpmn", "catalog-order");

    long instance = start("servicenow-catalog-order", laptopFor("beth.anglin"));
    awaitElementActivated(instance, "AwaitDelivery");
    ENGINE.increaseTime(Duration.ofDays(5).plusHours(1));

    awaitElementCompleted(instance, "FulfilmentChased");
    String ritm = SERVICENOW.records("sc_req_item").get(0).get("sys_id");
    assertThat(SERVICENOW.journal(ritm))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field()).isEqualTo("comments");
              assertThat(c.value())
                  .startsWith("Ordered 5 days ago for beth.anglin and not delivered yet")
                  .contains("RITM");
            });
  }

  private static Map<String, Object> laptopFor(String user) {
    return Map.of("laptopItemSysId", LAPTOP, "requestedFor", user, "justification", "New starter");
  }

  @Test
  void catalogOrderThenItsRequestedItem() {
    deploy("e2e-bpmn", "e2e-catalog-order");

    Map<String, Object> result =
        runToCompletion(
            "e2e-catalog-order", Map.of("itemSysId", LAPTOP, "requestedFor", "abel.tuter"));

    assertThat((String) result.get("requestNumber")).startsWith("REQ");
    assertThat((String) result.get("ritmNumber")).startsWith("RITM");
    assertThat(result)
        .containsEntry("ritmRequest", result.get("requestSysId"))
        .containsEntry("ritmQuantity", "2");
    assertThat(SERVICENOW.catalogOrders()).hasSize(1);
  }

  @Test
  void aCustomScopedTableWithItsOwnCorrelationField() {
    deploy("e2e-bpmn", "e2e-custom-table");

    Map<String, Object> first =
        runToCompletion("e2e-custom-table", Map.of("itemName", "Widget", "ref", "ERP-42"));
    Map<String, Object> again =
        runToCompletion("e2e-custom-table", Map.of("itemName", "Widget", "ref", "ERP-42"));

    assertThat(first).containsEntry("itemCreated", true).containsEntry("readName", "Widget");
    assertThat(again)
        .containsEntry("itemCreated", false)
        .containsEntry("itemSysId", first.get("itemSysId"));
    assertThat(SERVICENOW.records("x_acme_app_item")).hasSize(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchFollowsPagesAcrossAclGapsUpToTheCap() {
    deploy("e2e-bpmn", "e2e-search-pages");
    for (int i = 1; i <= 20; i++) {
      SERVICENOW.seed(
          "change_request",
          Map.of(
              "short_description",
              "Change " + i,
              "active",
              "true",
              "number",
              String.format("CHG%07d", i)));
    }
    // rows a user may not see are dropped after the limit: pages come back short
    SERVICENOW.aclHides(
        "change_request", r -> r.get("number").endsWith("3") || r.get("number").endsWith("7"));

    Map<String, Object> result =
        runToCompletion("e2e-search-pages", Map.of("query", "active=true"));

    assertThat(result).containsEntry("foundCount", 12).containsEntry("truncated", true);
    List<String> found = (List<String>) result.get("found");
    assertThat(found)
        .hasSize(12)
        .doesNotContain("CHG0000003", "CHG0000007")
        .startsWith("CHG0000001");
    assertThat(result.get("continueAt")).isNotNull();
    List<LogEntry> pages =
        SERVICENOW.requestLog().stream()
            .filter(
                e -> e.method().equals("GET") && e.path().equals("/api/now/table/change_request"))
            .toList();
    assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
  }
}
