package io.github.sncamunda.servicenow.simulator;

import java.io.IOException;
import java.util.Map;

/** Sends each request to its endpoint; every {@code /api/} call must authenticate first. */
final class Router {

  private final TokenEndpoint tokenEndpoint;
  private final Authenticator authenticator;
  private final TableApi tableApi;
  private final AttachmentApi attachments;
  private final ServiceCatalog catalog;
  private final FlowTriggers flows;

  Router(
      TokenEndpoint tokenEndpoint,
      Authenticator authenticator,
      TableApi tableApi,
      AttachmentApi attachments,
      ServiceCatalog catalog,
      FlowTriggers flows) {
    this.tokenEndpoint = tokenEndpoint;
    this.authenticator = authenticator;
    this.tableApi = tableApi;
    this.attachments = attachments;
    this.catalog = catalog;
    this.flows = flows;
  }

  /** Whether the endpoint reads the body as a stream (the server then leaves it unread). */
  boolean streamsBody(Request request) {
    return AttachmentApi.streams(request);
  }

  Reply route(Request request) throws IOException {
    String path = request.path;
    if (path.equals("/oauth_token.do")) {
      return tokenEndpoint.handle(request);
    }
    if (!path.startsWith("/api/")) {
      return Reply.noSuchResource();
    }
    String user = authenticator.authenticate(request);
    if (user == null) {
      return Reply.error(401, "User Not Authenticated", "Required to provide Auth information")
          .withHeaders(Map.of("WWW-Authenticate", "BASIC realm=\"Service-now\""));
    }
    request.principal = user;
    if (path.startsWith("/api/now/")) {
      if (TableApi.matches(path)) {
        return tableApi.handle(request, user);
      }
      return AttachmentApi.matches(path)
          ? attachments.handle(request, user)
          : Reply.noSuchResource();
    }
    if (ServiceCatalog.matches(path)) {
      return catalog.handle(request, user);
    }
    return flows.handle(request);
  }
}
