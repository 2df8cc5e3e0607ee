package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.table.CatalogOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ordering through the Service Catalog API, then reading the request's requested items. */
class CatalogOrderTest extends RecordWireMockTest {

  private static final String ITEM = "060f3afa3731300054b6a3549dbe5d3e";
  private static final String ORDER_NOW = "/api/sn_sc/servicecatalog/items/" + ITEM + "/order_now";
  private static final String REQUEST = "b8f7d0a1c3a0a010e5e2b8d4e0d3e4f1";

  @Test
  void ordersAndReturnsTheRequestWithItsRequestedItems() {
    wm.stubFor(
        post(urlPathEqualTo(ORDER_NOW))
            .willReturn(
                okJson(
                    result(
                        "{\"sys_id\":\""
                            + REQUEST
                            + "\",\"number\":\"REQ0010001\","
                            + "\"request_number\":\"REQ0010001\",\"request_id\":\""
                            + REQUEST
                            + "\","
                            + "\"table\":\"sc_request\"}"))));
    wm.stubFor(
        get(urlPathEqualTo(table("sc_req_item")))
            .willReturn(
                okJson(
                    result(
                        "[{\"sys_id\":\"r1\",\"number\":\"RITM0010001\",\"request\":\""
                            + REQUEST
                            + "\",\"quantity\":\"2\"}]"))));

    CatalogOrder order =
        (CatalogOrder)
            run(
                null,
                Map.of(
                    "operation",
                    "orderCatalogItem",
                    "itemSysId",
                    ITEM,
                    "quantity",
                    2,
                    "variables",
                    Map.of("requested_for", "abel.tuter", "justification", "New starter")));

    assertThat(order.sysId()).isEqualTo(REQUEST);
    assertThat(order.number()).isEqualTo("REQ0010001");
    assertThat(order.requestedItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.sysId()).isEqualTo("r1");
              assertThat(item.number()).isEqualTo("RITM0010001");
            });
    wm.verify(
        postRequestedFor(urlPathEqualTo(ORDER_NOW))
            .withRequestBody(
                equalToJson(
                    "{\"sysparm_quantity\":\"2\",\"variables\":{\"requested_for\":\"abel.tuter\","
                        + "\"justification\":\"New starter\"}}")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(table("sc_req_item")))
            .withQueryParam("sysparm_query", equalTo("request=" + REQUEST + "^ORDERBYnumber")));
  }

  @Test
  void anOrderIsNotSentAgainAfterAnAmbiguousFailure() {
    wm.stubFor(
        post(urlPathEqualTo(ORDER_NOW))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> run(null, Map.of("operation", "orderCatalogItem", "itemSysId", ITEM)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED));
    wm.verify(1, postRequestedFor(urlPathEqualTo(ORDER_NOW)));
  }

  @Test
  void anUnknownItemIsServiceNowsErrorWithItsMessage() {
    wm.stubFor(
        post(urlPathEqualTo(ORDER_NOW))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"Catalog item not"
                        + " found\",\"detail\":\"\"},\"status\":\"failure\"}",
                    400)));

    assertThatThrownBy(() -> run(null, Map.of("operation", "orderCatalogItem", "itemSysId", ITEM)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("400");
              assertThat(e.getMessage()).contains("Catalog item not found");
            });
  }

  @Test
  void requestedItemsKeepTheirSysIdAndNumberWhenFieldsNamesOthers() {
    wm.stubFor(
        post(urlPathEqualTo(ORDER_NOW))
            .willReturn(
                okJson(result("{\"sys_id\":\"" + REQUEST + "\",\"number\":\"REQ0010001\"}"))));
    wm.stubFor(
        get(urlPathEqualTo(table("sc_req_item")))
            .withQueryParam("sysparm_fields", equalTo("quantity,sys_id,number"))
            .willReturn(
                okJson(
                    result(
                        "[{\"quantity\":\"1\",\"sys_id\":\"r1\",\"number\":\"RITM0010001\"}]"))));

    CatalogOrder order =
        (CatalogOrder)
            run(
                null,
                Map.of("operation", "orderCatalogItem", "itemSysId", ITEM),
                Map.of("fields", "quantity"));

    assertThat(order.requestedItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.sysId()).isEqualTo("r1");
              assertThat(item.number()).isEqualTo("RITM0010001");
            });
  }
}
