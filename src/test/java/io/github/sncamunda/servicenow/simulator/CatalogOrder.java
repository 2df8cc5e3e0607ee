package io.github.sncamunda.servicenow.simulator;

import java.util.Map;

/**
 * One {@code order_now} the simulator took: the {@code sc_request} it created, the catalog item,
 * quantity, variables (as text) and who ordered for whom.
 */
public record CatalogOrder(
    String requestSysId,
    String requestNumber,
    String requestItemSysId,
    String itemSysId,
    int quantity,
    Map<String, String> variables,
    String orderedBy,
    String requestedFor) {

  public CatalogOrder {
    variables = Map.copyOf(variables);
  }
}
