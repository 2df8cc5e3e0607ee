package io.github.sncamunda.servicenow.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.Json;
import io.github.sncamunda.servicenow.common.Pem;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed JWT a JWT bearer grant presents (RFC 7523): header {@code {"alg":"RS256","typ":"JWT"}}
 * plus {@code kid} when given; claims {@code iss} (client ID), {@code sub} (user), {@code aud},
 * {@code iat}, {@code exp} and a random {@code jti}. Signed with the JDK's {@code SHA256withRSA};
 * only the claims are assembled here. A new one is made for every token request, and it is never
 * logged: it is a credential until it expires.
 */
final class JwtAssertion {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private JwtAssertion() {}

  static String sign(OAuthJwtBearerAuthentication grant, Instant now) {
    PrivateKey key = Pem.privateKey(grant.privateKey(), "Authentication: 'Private key (PEM)'");
    if (!key.getAlgorithm().equals("RSA")) {
      throw new ConnectorInputException(
          "Authentication: 'Private key (PEM)' must be an RSA key (the JWT is signed with RS256),"
              + " is "
              + key.getAlgorithm());
    }
    ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT");
    if (grant.keyId() != null && !grant.keyId().isBlank()) {
      header.put("kid", grant.keyId().strip());
    }
    long issuedAt = now.getEpochSecond();
    ObjectNode claims =
        Json.object()
            .put("iss", grant.clientId())
            .put("sub", grant.user())
            .put("aud", grant.audienceOrClientId())
            .put("iat", issuedAt)
            .put("exp", issuedAt + grant.lifetime().toSeconds())
            .put("jti", UUID.randomUUID().toString());
    String signingInput =
        BASE64URL.encodeToString(Json.write(header))
            + "."
            + BASE64URL.encodeToString(Json.write(claims));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new ConnectorInputException(
          "Authentication: 'Private key (PEM)' cannot sign an RS256 JWT");
    }
  }
}
