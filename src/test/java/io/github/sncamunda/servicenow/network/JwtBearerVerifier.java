package io.github.sncamunda.servicenow.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A token endpoint for the JWT bearer grant, as a WireMock transformer ({@value #NAME}): it checks
 * the form (grant type, client ID and secret), verifies the assertion's RS256 signature with the
 * public key using the JDK's {@code Signature}, and its header and claims ({@code kid}, {@code
 * iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp} within the allowed lifetime, a {@code
 * jti} never seen before), then issues a token, or answers 401 {@code access_denied} like
 * ServiceNow does, with the reason in {@code error_description}.
 */
public final class JwtBearerVerifier implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "jwt-bearer-verifier";
  private static final ObjectMapper JSON = new ObjectMapper();

  private volatile PublicKey publicKey;
  private volatile String clientId;
  private volatile String clientSecret;
  private volatile String user;
  private volatile String audience;
  private volatile String keyId;
  private volatile Supplier<Instant> clock = Instant::now;
  private final Set<String> jtis = ConcurrentHashMap.newKeySet();
  private final List<String> assertions = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  /** What a valid request must carry; {@code keyId} null means no {@code kid} expected. */
  public JwtBearerVerifier expect(
      PublicKey publicKey,
      String clientId,
      String clientSecret,
      String user,
      String audience,
      String keyId,
      Supplier<Instant> clock) {
    this.publicKey = publicKey;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.user = user;
    this.audience = audience;
    this.keyId = keyId;
    this.clock = clock;
    jtis.clear();
    assertions.clear();
    refusals.clear();
    tokens.clear();
    issued.set(0);
    return this;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Tokens issued. */
  public int issued() {
    return issued.get();
  }

  /** Every assertion received, valid or not (to scan logs for). */
  public List<String> assertions() {
    return List.copyOf(assertions);
  }

  /** The access tokens issued. */
  public List<String> tokens() {
    return List.copyOf(tokens);
  }

  /** Why requests were refused. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Map<String, String> form = form(event.getRequest().getBodyAsString());
    String assertion = form.get("assertion");
    if (assertion != null) {
      assertions.add(assertion);
    }
    String problem = problem(form, assertion);
    if (problem != null) {
      refusals.add(problem);
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(401)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"error\":\"access_denied\",\"error_description\":\"" + problem + "\"}")
          .build();
    }
    String token = "jwt-at-" + issued.incrementAndGet();
    tokens.add(token);
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":1799}")
        .build();
  }

  private String problem(Map<String, String> form, String assertion) {
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
      return "grant_type";
    }
    if (!clientId.equals(form.get("client_id"))
        || !clientSecret.equals(form.get("client_secret"))) {
      return "client";
    }
    if (assertion == null) {
      return "no assertion";
    }
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return "not a JWS";
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(publicKey);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return "signature";
      }
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (!"RS256".equals(header.path("alg").asText())
          || !"JWT".equals(header.path("typ").asText())) {
        return "header";
      }
      if (keyId == null ? header.has("kid") : !keyId.equals(header.path("kid").asText())) {
        return "kid";
      }
      if (!clientId.equals(claims.path("iss").asText())) {
        return "iss";
      }
      if (!user.equals(claims.path("sub").asText())) {
        return "sub";
      }
      if (!audience.equals(claims.path("aud").asText())) {
        return "aud";
      }
      long now = clock.get().getEpochSecond();
      long iat = claims.path("iat").asLong(-1);
      long exp = claims.path("exp").asLong(-1);
      if (iat > now + 5 || exp <= now || exp - iat > 3600 || exp <= iat) {
        return "expiry";
      }
      String jti = claims.path("jti").asText("");
      if (jti.isEmpty() || !jtis.add(jti)) {
        return "jti";
      }
      return null;
    } catch (Exception e) {
      return "unreadable: " + e.getClass().getSimpleName();
    }
  }

  /** The claims of an assertion, for tests to look at. */
  public static JsonNode claims(String assertion) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The header of an assertion. */
  public static JsonNode header(String assertion) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[0]));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
