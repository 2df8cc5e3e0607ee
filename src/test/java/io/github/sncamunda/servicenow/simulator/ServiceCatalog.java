package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Service Catalog API's {@code POST /api/sn_sc/[v1/]servicecatalog/items/{sys_id}/order_now}
 * with one-step checkout: creates an {@code sc_request} and one {@code sc_req_item} carrying the
 * quantity, and answers the request's sys_id and number.
 */
final class ServiceCatalog {

  private static final Pattern ORDER_NOW =
      Pattern.compile("/api/sn_sc/(?:v\\d+/)?servicecatalog/items/([^/]+)/order_now");

  private final Map<String, String> items = new ConcurrentHashMap<>();
  private final List<CatalogOrder> orders = new CopyOnWriteArrayList<>();
  private final Tables tables;

  ServiceCatalog(Tables tables) {
    this.tables = tables;
  }

  static boolean matches(String path) {
    return path.startsWith("/api/sn_sc/");
  }

  /** Registers an orderable item; adds the tables orders are written to. */
  void item(String sysId, String name) {
    tables.add(StandardTables.SC_REQUEST);
    tables.add(StandardTables.SC_REQ_ITEM);
    items.put(sysId, name);
  }

  List<CatalogOrder> orders() {
    return List.copyOf(orders);
  }

  void reset() {
    orders.clear();
  }

  Reply handle(Request request, String user) {
    Matcher m = ORDER_NOW.matcher(request.path);
    if (!m.matches()) {
      return Reply.noSuchResource();
    }
    if (!request.method.equals("POST")) {
      return Reply.methodNotSupported(request.method + " method not supported for API");
    }
    String itemId = m.group(1);
    String itemName = items.get(itemId);
    if (itemName == null) {
      return Reply.error(400, "Invalid catalog item " + itemId, "Item not found or not available");
    }
    JsonNode body = SimJson.objectBody(request.body());
    if (body == null) {
      return Reply.invalidJson();
    }
    int quantity = quantity(body.get("sysparm_quantity"));
    if (quantity < 1) {
      return Reply.error(400, "Invalid quantity", "sysparm_quantity must be a positive number");
    }
    String requestedFor = SimJson.text(body.get("sysparm_requested_for"));
    if (requestedFor.isEmpty()) {
      requestedFor = user;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    JsonNode vars = body.get("variables");
    if (vars != null && vars.isObject()) {
      vars.fields().forEachRemaining(e -> variables.put(e.getKey(), SimJson.text(e.getValue())));
    }
    Map<String, String> scRequest =
        tables
            .get("sc_request")
            .insert(
                SimJson.MAPPER
                    .createObjectNode()
                    .put("requested_for", requestedFor)
                    .put("short_description", itemName),
                user);
    Map<String, String> item =
        tables
            .get("sc_req_item")
            .insert(
                SimJson.MAPPER
                    .createObjectNode()
                    .put("request", scRequest.get("sys_id"))
                    .put("cat_item", itemId)
                    .put("quantity", Integer.toString(quantity))
                    .put("requested_for", requestedFor)
                    .put("short_description", itemName),
                user);
    orders.add(
        new CatalogOrder(
            scRequest.get("sys_id"),
            scRequest.get("number"),
            item.get("sys_id"),
            itemId,
            quantity,
            variables,
            user,
            requestedFor));
    return Reply.json(200, answer(scRequest));
  }

  private static byte[] answer(Map<String, String> scRequest) {
    return SimJson.write(
        256,
        g -> {
          g.writeStartObject();
          g.writeObjectFieldStart("result");
          g.writeStringField("sys_id", scRequest.get("sys_id"));
          g.writeStringField("number", scRequest.get("number"));
          g.writeStringField("request_number", scRequest.get("number"));
          g.writeStringField("request_id", scRequest.get("sys_id"));
          g.writeStringField("table", "sc_request");
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** The quantity as a positive whole number, or 0 when missing or invalid. */
  private static int quantity(JsonNode value) {
    try {
      return value == null ? 0 : Integer.parseInt(SimJson.text(value).trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
