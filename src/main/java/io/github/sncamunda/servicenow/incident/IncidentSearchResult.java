package io.github.sncamunda.servicenow.incident;

import io.github.sncamunda.servicenow.table.RecordPage;
import java.util.List;
import java.util.Map;

/**
 * The result of Search: this page of records, the total number of matches (ServiceNow's
 * X-Total-Count; null if it sent none) and the number of records in this page.
 */
public record IncidentSearchResult(List<Map<String, Object>> records, Long total, int count) {

  static IncidentSearchResult of(RecordPage page) {
    return new IncidentSearchResult(page.records(), page.total(), page.count());
  }
}
