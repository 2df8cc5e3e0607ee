package io.github.sncamunda.servicenow.inbound.changes;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Locale;

/**
 * A user's encoded query that the pollers combine with conditions of their own. It is ANDed into
 * every sub-query, so it must not open sub-queries ({@code ^NQ}) or order the result (the pollers
 * order by key), and must not end with a lone {@code ^} (it would escape the appended separator).
 */
public final class QueryFilter {

  private QueryFilter() {}

  /** The filter stripped, or "" when there is none; {@code label} names the field in errors. */
  public static String check(String filter, String label) {
    if (filter == null || filter.isBlank()) {
      return "";
    }
    String query = filter.strip();
    String upper = query.toUpperCase(Locale.ROOT);
    if (upper.startsWith("NQ") || upper.contains("^NQ")) {
      throw new ConnectorInputException(
          label
              + " must not contain ^NQ (a new query): the poller ANDs its own conditions into the"
              + " filter, and ^NQ would let records outside them through; use ^OR within one"
              + " query instead");
    }
    if (upper.startsWith("ORDERBY") || upper.contains("^ORDERBY")) {
      throw new ConnectorInputException(
          label
              + " must not contain ORDERBY: the poller orders by sys_updated_on and sys_id to page"
              + " by key; remove the ordering");
    }
    int carets = 0;
    for (int i = query.length() - 1; i >= 0 && query.charAt(i) == '^'; i--) {
      carets++;
    }
    if (carets % 2 == 1) {
      throw new ConnectorInputException(
          label + " ends with '^': remove it (ServiceNow would read the next '^' as a literal)");
    }
    return query;
  }
}
