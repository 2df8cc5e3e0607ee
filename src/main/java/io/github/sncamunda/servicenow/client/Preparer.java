package io.github.sncamunda.servicenow.client;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.ServiceNowAuthentication;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.Memo;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first stage: checks everything a call needs before anything is sent (instance, credentials
 * present, timeout, body limits), serialises the body and builds the URI, into one immutable {@link
 * Exchange}. Resolving an instance is pure, so it is remembered per client.
 */
final class Preparer {

  private final ClientSettings settings;
  private final Memo<EndpointKey, ServiceNowEndpoint> endpoints =
      new Memo<>(key -> ServiceNowEndpoint.resolve(key.instanceName(), key.baseUrl()), 256);

  Preparer(ClientSettings settings) {
    this.settings = settings;
  }

  Exchange prepare(
      ServiceNowConnection connection,
      ServiceNowAuthentication authentication,
      ServiceNowRequest request) {
    if (connection == null) {
      throw new ConnectorInputException("Instance name is required");
    }
    if (authentication == null) {
      throw new ConnectorInputException("Authentication is required");
    }
    ServiceNowEndpoint endpoint = endpoint(connection);
    authentication.validate();
    Duration timeout = connection.responseTimeout(settings.responseTimeout());
    URI uri = endpoint.uri(request.pathSegments(), request.query());
    Map<String, String> headers = new LinkedHashMap<>(request.headers().size() + 1);
    headers.put("Accept", Exchange.ACCEPT_JSON);
    headers.putAll(request.headers());
    return Exchange.to(request.method(), uri, request.describe())
        .endpoint(endpoint)
        .query(request.query())
        .headers(headers)
        .body(body(request))
        .timeout(timeout)
        .replay(request.replay(), request.verification())
        .acceptText(request.acceptText())
        .emptyWhenNoRecord(request.emptyWhenNoRecord())
        .build();
  }

  private ServiceNowEndpoint endpoint(ServiceNowConnection connection) {
    boolean override = connection.baseUrl() != null && !connection.baseUrl().isBlank();
    return endpoints.get(
        override
            ? new EndpointKey(null, connection.baseUrl())
            : new EndpointKey(connection.instanceName(), null));
  }

  private static Exchange.Body body(ServiceNowRequest request) {
    if (request.content() != null) {
      return new Exchange.Body.Stream(request.content());
    }
    if (request.body() == null) {
      return new Exchange.Body.None();
    }
    PayloadLimits.checkDepth(request.body());
    byte[] bytes = Json.write(request.body());
    PayloadLimits.checkSize(bytes);
    return new Exchange.Body.Bytes(bytes, Exchange.JSON_BODY);
  }

  private record EndpointKey(String instanceName, String baseUrl) {}
}
