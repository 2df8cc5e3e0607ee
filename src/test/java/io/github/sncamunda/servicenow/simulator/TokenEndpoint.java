package io.github.sncamunda.servicenow.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * {@code POST /oauth_token.do}: client credentials, password, refresh token and JWT bearer grants
 * ({@link JwtBearerGrant}). Every failure answers 401 {@code access_denied}, whatever the cause, as
 * ServiceNow does.
 */
final class TokenEndpoint {

  private static final String FAILED =
      "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}";

  private static final int REJECTIONS_KEPT = 100;

  private final Accounts accounts;
  private final TokenStore tokens;
  private final JwtBearerGrant jwt;
  private final Supplier<Instant> now;
  private final LongAdder requests = new LongAdder();
  private final Deque<String> rejections = new ConcurrentLinkedDeque<>();

  TokenEndpoint(Accounts accounts, TokenStore tokens, JwtBearerGrant jwt, Supplier<Instant> now) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.jwt = jwt;
    this.now = now;
  }

  long requests() {
    return requests.sum();
  }

  /** Why recent token requests were refused, oldest first (the client only sees 401). */
  List<String> rejections() {
    return List.copyOf(rejections);
  }

  void reset() {
    requests.reset();
    rejections.clear();
    jwt.reset();
  }

  Reply handle(Request request) {
    requests.increment();
    if (!request.method.equals("POST")) {
      return Reply.methodNotSupported(null);
    }
    Map<String, String> form =
        Request.decodeForm(new String(request.body(), StandardCharsets.UTF_8));
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    String authorization = request.header("Authorization");
    if (clientId == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] pair = Authenticator.basic(authorization);
      if (pair != null) {
        clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
        clientSecret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
      }
    }
    if (!accounts.clientSecretMatches(clientId, clientSecret)) {
      return failed("unknown client or wrong secret: " + clientId);
    }
    request.principal = clientId;
    String grant = String.valueOf(form.get("grant_type"));
    return switch (grant) {
      // the OAuth Application User of the registry entry
      case "client_credentials" -> issueWithRefresh(ServiceNowSimulator.DEFAULT_USER, clientId);
      case "password" -> {
        String name = form.get("username");
        yield accounts.passwordMatches(name, form.get("password"))
            ? issueWithRefresh(name, clientId)
            : failed("wrong user name or password: " + name);
      }
      case "refresh_token" -> {
        String refresh = form.get("refresh_token");
        TokenStore.Issued issued = tokens.refreshToken(refresh, clientId);
        yield issued == null
            ? failed("unknown, revoked or expired refresh token")
            : issue(issued.user(), clientId, refresh);
      }
      case JwtBearerGrant.GRANT_TYPE -> {
        try {
          yield issueWithRefresh(jwt.verify(form.get("assertion"), clientId, now.get()), clientId);
        } catch (JwtBearerGrant.Rejected e) {
          yield failed("JWT bearer: " + e.getMessage());
        }
      }
      default -> failed("unsupported grant_type " + grant);
    };
  }

  private Reply failed(String reason) {
    rejections.add(reason);
    while (rejections.size() > REJECTIONS_KEPT) {
      rejections.pollFirst();
    }
    return Reply.json(401, FAILED);
  }

  private Reply issueWithRefresh(String user, String clientId) {
    return issue(user, clientId, tokens.newRefreshToken(user, clientId));
  }

  private Reply issue(String user, String clientId, String refresh) {
    int lifetime = tokens.accessSeconds();
    String access = tokens.newAccessToken(user, clientId, refresh, lifetime);
    return Reply.json(
        200,
        SimJson.write(
            256,
            g -> {
              g.writeStartObject();
              g.writeStringField("access_token", access);
              if (refresh != null) {
                g.writeStringField("refresh_token", refresh);
              }
              g.writeStringField("scope", "useraccount");
              g.writeStringField("token_type", "Bearer");
              g.writeNumberField("expires_in", lifetime);
              g.writeEndObject();
            }));
  }
}
