package io.github.sncamunda.servicenow.table;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.client.HttpMethod;
import java.util.List;
import java.util.Map;

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
    Pages.Collected collected =
        Pages.collect(
            session,
            (pageSize, pageOffset) ->
                options
                    .applyTo(TableSession.request(HttpMethod.GET, table))
                    .query("sysparm_query", query)
                    .query("sysparm_limit", String.valueOf(pageSize))
                    .query("sysparm_offset", String.valueOf(pageOffset))
                    .emptyWhenNoRecord()
                    .build(),
            limit,
            offset,
            search.allPages(),
            cap);
    List<Map<String, Object>> records = collected.records();
    Integer next = collected.nextOffset();
    return new RecordPage(records, collected.total(), records.size(), next != null, next);
  }

  /** The user's encoded query with the ordering appended; null when there is neither. */
  public static String query(String userQuery, String orderBy, String orderDirection) {
    String query = userQuery == null || userQuery.isBlank() ? "" : userQuery.strip();
    String orderField = TableInputs.orderField(orderBy);
    boolean descending = TableInputs.descending(orderDirection);
    if (orderField != null) {
      if (endsWithSeparator(query)) {
        // joined as "…^^ORDERBY…", the trailing '^' would become an escaped literal '^'
        throw new ConnectorInputException(
            "Query ends with '^': with Order by appended, ServiceNow would read it as a literal"
                + " '^' in the last condition and search for something else; remove the trailing"
                + " '^' (or end with '^^' for a literal '^')");
      }
      String order = (descending ? "ORDERBYDESC" : "ORDERBY") + orderField;
      query = query.isEmpty() ? order : query + "^" + order;
    }
    return query.isEmpty() ? null : query;
  }

  /** An odd number of trailing '^': the last one is a separator, not part of an escaped "^^". */
  private static boolean endsWithSeparator(String query) {
    int carets = 0;
    for (int i = query.length() - 1; i >= 0 && query.charAt(i) == '^'; i--) {
      carets++;
    }
    return carets % 2 == 1;
  }
}
