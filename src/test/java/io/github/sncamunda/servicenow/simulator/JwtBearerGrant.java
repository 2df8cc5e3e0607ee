package io.github.sncamunda.servicenow.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The OAuth JWT bearer grant ({@code urn:ietf:params:oauth:grant-type:jwt-bearer}): an RS256
 * assertion signed with a key registered for the client (ServiceNow's JWT verifier map), with
 * {@code iss} = client id, {@code sub} = a user, the expected {@code aud}, {@code iat}, and an
 * {@code exp} in the future but not too far. A {@code jti} may be used once.
 */
final class JwtBearerGrant {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** Thrown with the reason an assertion was refused (the client only ever sees 401). */
  static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private record Verifier(PublicKey key, String audience, String kid) {}

  private final Map<String, List<Verifier>> verifiers = new ConcurrentHashMap<>();
  private final Set<String> usedJti = ConcurrentHashMap.newKeySet();
  private final Accounts accounts;
  private volatile Duration maxLifetime = Duration.ofHours(1);

  JwtBearerGrant(Accounts accounts) {
    this.accounts = accounts;
  }

  void verifier(String clientId, PublicKey key, String audience, String kid) {
    verifiers
        .computeIfAbsent(clientId, c -> new CopyOnWriteArrayList<>())
        .add(new Verifier(Objects.requireNonNull(key), Objects.requireNonNull(audience), kid));
  }

  void maxLifetime(Duration lifetime) {
    maxLifetime = lifetime;
  }

  void reset() {
    usedJti.clear();
  }

  /** The user the assertion speaks for. */
  String verify(String assertion, String clientId, Instant now) throws Rejected {
    if (assertion == null) {
      throw new Rejected("no assertion");
    }
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      throw new Rejected("assertion is not a signed JWT");
    }
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    if (!"RS256".equals(header.path("alg").asText())) {
      throw new Rejected("alg must be RS256, not " + header.path("alg").asText());
    }
    String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
    Verifier verifier = signedBy(clientId, kid, parts);
    if (!clientId.equals(claims.path("iss").asText())) {
      throw new Rejected("iss is not the client id");
    }
    String user = claims.path("sub").asText(null);
    if (!accounts.userExists(user)) {
      throw new Rejected("sub is no user: " + user);
    }
    if (!audienceMatches(claims.get("aud"), verifier.audience())) {
      throw new Rejected("aud does not match " + verifier.audience());
    }
    if (!claims.path("iat").isNumber()) {
      throw new Rejected("iat missing");
    }
    if (!claims.path("exp").isNumber()) {
      throw new Rejected("exp missing");
    }
    Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
    if (!exp.isAfter(now)) {
      throw new Rejected("expired at " + exp);
    }
    if (exp.isAfter(now.plus(maxLifetime))) {
      throw new Rejected("exp " + exp + " is more than " + maxLifetime + " away");
    }
    if (claims.path("nbf").isNumber()
        && Instant.ofEpochSecond(claims.get("nbf").asLong()).isAfter(now)) {
      throw new Rejected("not valid before nbf");
    }
    if (claims.hasNonNull("jti") && !usedJti.add(clientId + " " + claims.get("jti").asText())) {
      throw new Rejected("jti used before");
    }
    return user;
  }

  /** The verifier whose key signed the assertion (any of the client's, matching the kid). */
  private Verifier signedBy(String clientId, String kid, String[] parts) throws Rejected {
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new Rejected("signature is not base64url");
    }
    for (Verifier verifier : verifiers.getOrDefault(clientId, List.of())) {
      if (verifier.kid() != null && !verifier.kid().equals(kid)) {
        continue;
      }
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(verifier.key());
        rsa.update(signed);
        if (rsa.verify(signature)) {
          return verifier;
        }
      } catch (GeneralSecurityException e) {
        // not this key
      }
    }
    throw new Rejected(
        "no verifier of client " + clientId + " (kid " + kid + ") accepts the signature");
  }

  private static boolean audienceMatches(JsonNode aud, String expected) {
    if (aud == null) {
      return false;
    }
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        if (expected.equals(one.asText())) {
          return true;
        }
      }
      return false;
    }
    return expected.equals(aud.asText());
  }

  private static JsonNode decode(String part) throws Rejected {
    try {
      JsonNode node = SimJson.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw new Rejected("JWT part is not a JSON object");
      }
      return node;
    } catch (IllegalArgumentException | IOException e) {
      throw new Rejected("JWT part is not base64url JSON");
    }
  }
}
