package io.github.sncamunda.servicenow.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * GET /api/now/table/{table} with an encoded query: one page, or every page up to a record cap.
 * ServiceNow applies {@code sysparm_limit} before ACL filtering, so a short page is not the end:
 * the next page is the one its {@code Link: rel="next"} names (or, without links, as long as {@code
 * X-Total-Count} says more exist).
 */
public final class SearchRecords {

  /** What to search for and how much to return. */
  public record Search(
      String query,
      String orderBy,
      String orderDirection,
      Integer limit,
      Integer offset,
      boolean allPages,
      Integer maxRecords) {

    public static Search page(
        String query, String orderBy, String orderDirection, Integer limit, Integer offset) {
      return new Search(query, orderBy, orderDirection, limit, offset, false, null);
    }
  }

  private SearchRecords() {}

  public static RecordPage execute(
      TableSession session, Table table, Search search, ReturnOptions options) {
    String query = query(search.query(), search.orderBy(), search.orderDirection());
    int limit = TableInputs.limit(search.limit());
    int offset = TableInputs.offset(search.offset());
    int cap = search.allPages() ? TableInputs.maxRecords(search.maxRecords()) : limit;
    options.applyTo(TableSession.request(HttpMethod.GET, table)); // checks the options up front

    List<Map<String, Object>> records = new ArrayList<>();
    Long total = null;
    Integer next = offset;
    while (next != null && records.size() < cap) {
      int pageSize = Math.min(limit, cap - records.size());
      ServiceNowRequest request = page(table, query, pageSize, next, options);
      ServiceNowResponse response = session.execute(request);
      for (JsonNode record : Records.list(response, request.describe())) {
        if (records.size() == cap) {
          break; // a server that ignores sysparm_limit must not push past the cap
        }
        records.add(Json.toMap(record));
      }
      total =
          response.noRecord() ? Long.valueOf(0) : Records.number(response.header("x-total-count"));
      next = nextOffset(response, next, pageSize, total);
      if (!search.allPages()) {
        break;
      }
    }
    boolean more = next != null;
    return new RecordPage(records, total, records.size(), more, more ? next : null);
  }

  private static ServiceNowRequest page(
      Table table, String query, int limit, int offset, ReturnOptions options) {
    return options
        .applyTo(TableSession.request(HttpMethod.GET, table))
        .query("sysparm_query", query)
        .query("sysparm_limit", String.valueOf(limit))
        .query("sysparm_offset", String.valueOf(offset))
        .emptyWhenNoRecord()
        .build();
  }

  /** Where the next page starts, or null when this was the last. */
  private static Integer nextOffset(
      ServiceNowResponse response, int offset, int pageSize, Long total) {
    if (response.noRecord()) {
      return null;
    }
    String link = response.header("link");
    if (link != null) {
      OptionalInt next = Links.nextOffset(link);
      // a link that does not move forward would loop forever
      return next.isPresent() && next.getAsInt() > offset ? next.getAsInt() : null;
    }
    long following = (long) offset + pageSize;
    return total != null && following < total ? (int) following : null;
  }

  /** The user's encoded query with the ordering appended; null when there is neither. */
  public static String query(String userQuery, String orderBy, String orderDirection) {
    String query = userQuery == null || userQuery.isBlank() ? "" : userQuery.strip();
    String orderField = TableInputs.orderField(orderBy);
    boolean descending = TableInputs.descending(orderDirection);
    if (orderField != null) {
      String order = (descending ? "ORDERBYDESC" : "ORDERBY") + orderField;
      query = query.isEmpty() ? order : query + "^" + order;
    }
    return query.isEmpty() ? null : query;
  }
}
