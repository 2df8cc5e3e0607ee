package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.client.DoneOnce;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Orders a catalog item the way ServiceNow wants requested items created: {@code POST
 * /api/sn_sc/servicecatalog/items/{sys_id}/order_now} runs the catalog's workflow and variables,
 * which inserting {@code sc_req_item} rows would bypass. Then reads the request's items. After a
 * lost answer the order is looked for first (see {@link Looks#order}) and placed again only when it
 * is not there; when the look cannot tell, the job fails without retries.
 */
public final class OrderCatalogItem {

  private static final Table CATALOG_ITEM = new Table("sc_cat_item", "catalog item");

  private OrderCatalogItem() {}

  public static CatalogOrder execute(
      TableSession session,
      String itemSysId,
      Integer quantity,
      Object variables,
      ReturnOptions options) {
    String item = TableInputs.sysId(itemSysId, CATALOG_ITEM);
    int count = TableInputs.quantity(quantity);
    ObjectNode body = Json.object().put("sysparm_quantity", String.valueOf(count));
    JsonNode values = variables(variables);
    body.set("variables", values);
    ServiceNowRequest order =
        ServiceNowRequest.builder(
                HttpMethod.POST, "api", "sn_sc", "servicecatalog", "items", item, "order_now")
            .body(body)
            .lookFirst(Looks.order(session, item, count, !values.isEmpty()))
            .build();
    Map<String, Object> result = Records.single(session.execute(order), order.describe());
    String requestSysId = Records.value(result.get("sys_id"));
    if (requestSysId == null || requestSysId.isBlank()) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE,
          "ServiceNow answered " + order.describe() + " without the request's sys_id");
    }
    String number =
        Records.value(
            result.containsKey("number") ? result.get("number") : result.get("request_number"));
    try {
      return new CatalogOrder(requestSysId, number, requestedItems(session, requestSysId, options));
    } catch (ConnectorException e) {
      throw DoneOnce.failedAfter(
          "ordered request "
              + SafeText.quote(number == null ? requestSysId : number)
              + " (sys_id "
              + SafeText.quote(requestSysId)
              + ")",
          e);
    }
  }

  private static List<RecordResult> requestedItems(
      TableSession session, String requestSysId, ReturnOptions options) {
    ServiceNowRequest items =
        options
            .withRecordIdentity()
            .applyTo(TableSession.request(HttpMethod.GET, Table.REQUESTED_ITEM))
            .query("sysparm_query", "request=" + requestSysId + "^ORDERBYnumber")
            .query("sysparm_limit", String.valueOf(TableInputs.MAX_QUANTITY))
            .emptyWhenNoRecord()
            .build();
    List<RecordResult> out = new ArrayList<>();
    for (Map<String, Object> item : Records.list(session.execute(items), items.describe())) {
      out.add(RecordResult.of(item, null, null));
    }
    return out;
  }

  /** Catalog variables: a FEEL context (or JSON object text) of variable name to value. */
  private static JsonNode variables(Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return Json.object();
    }
    if (value instanceof Map || value instanceof String) {
      return TableInputs.payload(value, new Table("sc_cat_item", "catalog variable"));
    }
    throw new ConnectorInputException(
        "Variables must be a map of catalog variable names to values, e.g. {\"requested_for\":"
            + " \"abel.tuter\"}; got "
            + TableInputs.describe(value));
  }
}
