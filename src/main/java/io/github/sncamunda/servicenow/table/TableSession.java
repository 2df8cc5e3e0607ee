package io.github.sncamunda.servicenow.table;

import io.github.sncamunda.servicenow.auth.ApiKeyAuthentication;
import io.github.sncamunda.servicenow.auth.BasicAuthentication;
import io.github.sncamunda.servicenow.auth.BearerTokenAuthentication;
import io.github.sncamunda.servicenow.auth.ClientCertificateAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthClientCredentialsAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthJwtBearerAuthentication;
import io.github.sncamunda.servicenow.auth.OAuthPasswordAuthentication;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.client.ContentConsumer;
import io.github.sncamunda.servicenow.client.HttpMethod;
import io.github.sncamunda.servicenow.client.ServiceNowClient;
import io.github.sncamunda.servicenow.client.ServiceNowConnection;
import io.github.sncamunda.servicenow.client.ServiceNowRequest;
import io.github.sncamunda.servicenow.client.ServiceNowResponse;
import java.util.Optional;

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

  /** The ServiceNow user the requests run as, when the authentication names one. */
  Optional<String> apiUser() {
    return switch (authentication) {
      case BasicAuthentication basic -> Optional.ofNullable(basic.username());
      case OAuthPasswordAuthentication password -> Optional.ofNullable(password.username());
      case OAuthClientCredentialsAuthentication clientCredentials -> Optional.empty();
      case OAuthJwtBearerAuthentication jwt -> Optional.empty();
      case BearerTokenAuthentication bearer -> Optional.empty();
      case ApiKeyAuthentication apiKey -> Optional.empty();
      case ClientCertificateAuthentication certificate -> Optional.empty();
      case null -> Optional.empty();
    };
  }

  static ServiceNowRequest.Builder request(HttpMethod method, Table table) {
    return ServiceNowRequest.builder(method, "api", "now", "table", table.name());
  }

  static ServiceNowRequest.Builder request(HttpMethod method, Table table, String sysId) {
    return request(method, table).segment(sysId);
  }
}
