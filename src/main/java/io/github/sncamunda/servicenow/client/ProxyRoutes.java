package io.github.sncamunda.servicenow.client;

import java.io.IOException;
import java.util.Optional;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Wires the forward proxy into a client as it is built: a route planner that sends each target
 * through its proxy unless a non-proxy pattern matches, Basic credentials for the proxy only
 * (answered to its 407 challenge), and a check that turns the proxy's own refusal into a {@link
 * ProxyRefusedException}. HttpClient hands a refused {@code CONNECT}'s answer (407, 403, 502, …)
 * back as if it were the server's response; the check tells them apart by whether the tunnel was
 * opened, so a proxy's 502 is never mistaken for ServiceNow's (and retried as one).
 */
final class ProxyRoutes {

  private static final String TUNNEL_OPEN = ProxyRoutes.class.getName() + ".tunnelOpen";

  private ProxyRoutes() {}

  static void configure(HttpClientBuilder builder, ProxySettings proxy) {
    if (proxy.https() == null && proxy.http() == null) {
      return;
    }
    builder.setRoutePlanner(new Planner(proxy));
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    for (ProxySettings.Proxy server : new ProxySettings.Proxy[] {proxy.https(), proxy.http()}) {
      if (server != null && server.authenticates()) {
        credentials.setCredentials(
            new AuthScope(server.host(), server.port()),
            new UsernamePasswordCredentials(server.user(), server.password().toCharArray()));
      }
    }
    builder.setDefaultCredentialsProvider(credentials);
    // runs only once the connection to the target is ready: through an open tunnel, or to a
    // plain-http proxy that forwards the request itself
    builder.addExecInterceptorAfter(
        ChainElement.CONNECT.name(),
        "servicenow-tunnel-open",
        (request, scope, chain) -> {
          scope.clientContext.setAttribute(TUNNEL_OPEN, Boolean.TRUE);
          return chain.proceed(request, scope);
        });
    // above the protocol stage, so HttpClient answers a plain-http proxy's 407 challenge first
    builder.addExecInterceptorBefore(
        ChainElement.PROTOCOL.name(), "servicenow-proxy-outcome", ProxyRoutes::checkOutcome);
  }

  private static ClassicHttpResponse checkOutcome(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    ClassicHttpResponse response = chain.proceed(request, scope);
    HttpRoute route = scope.route;
    HttpHost proxy = route.getProxyHost();
    if (proxy == null) {
      return response;
    }
    boolean tunnelOpen = Boolean.TRUE.equals(scope.clientContext.getAttribute(TUNNEL_OPEN));
    int status = response.getCode();
    if (tunnelOpen && !(status == 407 && !route.isTunnelled())) {
      return response;
    }
    // the proxy's own answer: nothing reached ServiceNow
    response.close();
    scope.execRuntime.discardEndpoint();
    throw new ProxyRefusedException(
        status,
        response.getReasonPhrase(),
        proxy.toURI(),
        route.isTunnelled(),
        route.getTargetHost().toHostString());
  }

  /** Chooses the proxy per target from {@link ProxySettings}; no proxy means a direct route. */
  private static final class Planner extends DefaultRoutePlanner {
    private final ProxySettings proxy;

    Planner(ProxySettings proxy) {
      super(DefaultSchemePortResolver.INSTANCE);
      this.proxy = proxy;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
      Optional<ProxySettings.Proxy> server =
          proxy.forTarget(target.getSchemeName(), target.getHostName());
      return server.map(p -> new HttpHost(p.scheme(), p.host(), p.port())).orElse(null);
    }
  }

  /** The proxy answered instead of ServiceNow: a refused tunnel, or proxy authentication. */
  static final class ProxyRefusedException extends IOException {
    private final int status;

    ProxyRefusedException(int status, String reason, String proxy, boolean tunnel, String target) {
      super(
          "the proxy "
              + proxy
              + " answered "
              + status
              + (reason == null || reason.isBlank() ? "" : " " + sanitize(reason))
              + (tunnel ? " instead of opening a tunnel to " : " instead of forwarding to ")
              + target);
      this.status = status;
    }

    int status() {
      return status;
    }

    private static String sanitize(String reason) {
      return io.github.sncamunda.servicenow.common.SafeText.escape(reason, 80);
    }
  }
}
