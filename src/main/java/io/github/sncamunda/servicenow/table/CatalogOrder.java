package io.github.sncamunda.servicenow.table;

import java.util.List;

/**
 * The result of Order catalog item: the request ({@code sc_request}) ServiceNow created, and its
 * requested items ({@code sc_req_item}) as the catalog workflow created them.
 */
public record CatalogOrder(String sysId, String number, List<RecordResult> requestedItems) {}
