package io.github.sncamunda.servicenow.inbound;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.inbound.changes.ChangeFeed;
import io.github.sncamunda.servicenow.inbound.changes.Stamp;
import io.github.sncamunda.servicenow.table.Table;
import java.util.List;
import java.util.Map;

/**
 * The only requests the inbound connectors send: GETs of one table through the shared client (its
 * authentication types, proxy, mutual TLS and CAs, retries), never a write.
 */
final class TableReads {

  private final ServiceNowClient client;
  private final ServiceNowConnection connection;
  private final ServiceNowAuthentication authentication;
  private final Table table;

  TableReads(
      ServiceNowClient client,
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      Table table) {
    if (authentication == null) {
      throw new ConnectorInputException("Authentication is required");
    }
    this.client = client;
    this.connection = connection == null ? new ServiceNowConnection(null, null, null) : connection;
    this.authentication = authentication;
    this.table = table;
    this.connection.endpoint(); // a missing or invalid instance fails activation, not each poll
  }

  Table table() {
    return table;
  }

  /** The records of one GET with these parameters (none when nothing matched). */
  ServiceNowResponse get(Map<String, String> parameters) {
    return client.execute(
        connection,
        authentication,
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", table.name())
            .queries(parameters)
            .emptyWhenNoRecord()
            .build());
  }

  static List<Map<String, Object>> records(ServiceNowResponse response) {
    List<Map<String, Object>> records = response.records();
    if (records == null) {
      throw new ConnectorException(
          ErrorCodes.INVALID_RESPONSE, "ServiceNow's answer carried no list of records");
    }
    return records;
  }

  /**
   * A page for the feed: records, ServiceNow's clock, and whether more rows match. The {@code Link}
   * header's {@code rel="next"} says so even when ACLs left the page short; without a Link header a
   * full page means there may be more.
   */
  static ChangeFeed.Answer answer(ServiceNowResponse response, String limit) {
    List<Map<String, Object>> records = records(response);
    String link = response.header("link");
    boolean more =
        link != null
            ? link.contains("rel=\"next\"")
            : limit != null && records.size() >= Integer.parseInt(limit);
    return new ChangeFeed.Answer(records, Stamp.serverTime(response.header("date")), more);
  }
}
