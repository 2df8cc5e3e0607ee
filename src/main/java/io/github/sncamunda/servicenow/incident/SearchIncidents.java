package io.github.sncamunda.servicenow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GET /api/now/table/incident with an encoded query, one page at a time. */
final class SearchIncidents {

  private SearchIncidents() {}

  static IncidentSearchResult execute(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      IncidentOperation.Search search) {
    String query = query(search);
    ServiceNowRequest request =
        TableParameters.returning(TableParameters.request(HttpMethod.GET), search)
            .query("sysparm_query", query)
            .query("sysparm_limit", String.valueOf(IncidentInputs.limit(search.limit())))
            .query("sysparm_offset", String.valueOf(IncidentInputs.offset(search.offset())))
            .emptyWhenNoRecord()
            .build();
    ServiceNowResponse response = client.execute(connection, authentication, request);
    if (response.noRecord()) {
      return new IncidentSearchResult(List.of(), 0L, 0);
    }
    JsonNode result = response.result();
    if (result == null || !result.isArray()) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE,
          "ServiceNow answered "
              + response.status()
              + " to "
              + request.describe()
              + " without a list in 'result'");
    }
    List<Map<String, Object>> records = new ArrayList<>(result.size());
    result.forEach(record -> records.add(IncidentRecords.toMap(record)));
    return new IncidentSearchResult(
        records, total(response.header("x-total-count")), records.size());
  }

  /** The user's encoded query with the ordering appended; null when there is neither. */
  static String query(IncidentOperation.Search search) {
    String query = search.query() == null || search.query().isBlank() ? "" : search.query().strip();
    String orderField = IncidentInputs.orderField(search.orderBy());
    if (orderField != null) {
      String order =
          (IncidentInputs.descending(search.orderDirection()) ? "ORDERBYDESC" : "ORDERBY")
              + orderField;
      query = query.isEmpty() ? order : query + "^" + order;
    } else {
      IncidentInputs.descending(search.orderDirection());
    }
    return query.isEmpty() ? null : query;
  }

  private static Long total(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
