package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ContentConsumer;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;

/** Where and as whom one job talks to ServiceNow's Table API: the operations' common context. */
public record TableSession(
    ServiceNowClient client,
    ServiceNowConnection connection,
    ServiceNowAuthentication authentication) {

  public ServiceNowResponse execute(ServiceNowRequest request) {
    return client.execute(connection, authentication, request);
  }

  /** A streamed download; see {@link ServiceNowClient#download}. */
  public <T> T download(ServiceNowRequest request, long limit, ContentConsumer<T> consumer) {
    return client.download(connection, authentication, request, limit, consumer);
  }

  static ServiceNowRequest.Builder request(HttpMethod method, Table table) {
    return ServiceNowRequest.builder(method, "api", "now", "table", table.name());
  }

  static ServiceNowRequest.Builder request(HttpMethod method, Table table, String sysId) {
    return request(method, table).segment(sysId);
  }
}
