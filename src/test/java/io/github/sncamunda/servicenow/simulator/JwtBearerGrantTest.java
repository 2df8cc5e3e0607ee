package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWT bearer grant: RS256 assertions checked with the JDK, opaque 401 on any problem. */
class JwtBearerGrantTest {

  private static final String CLIENT = "jwt-client";
  private static final String SECRET = "jwt-secret";
  private static final String AUDIENCE = "https://dev12345.service-now.com/oauth_token.do";
  private static final String DENIED =
      "{\"error_description\":\"access_denied\",\"error\":\"server_error\"}";

  private static KeyPair key;
  private static KeyPair otherKey;

  private ServiceNowSimulator sim;
  private SimHttp http;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
  }

  @BeforeEach
  void start() {
    sim =
        new ServiceNowSimulator()
            .oauthClient(CLIENT, SECRET)
            .user("integration.user", "unused-password")
            .jwtVerifier(CLIENT, key.getPublic(), AUDIENCE, "k-1")
            .start();
    http = new SimHttp(sim).as(null);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ObjectNode claims() {
    long now = Instant.now().getEpochSecond();
    return SimHttp.MAPPER
        .createObjectNode()
        .put("iss", CLIENT)
        .put("sub", "integration.user")
        .put("aud", AUDIENCE)
        .put("iat", now)
        .put("exp", now + 300);
  }

  private static String jwt(ObjectNode header, ObjectNode claims, PrivateKey signer)
      throws Exception {
    String signed =
        b64(header.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(signer);
    rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + b64(rsa.sign());
  }

  private static ObjectNode header() {
    return SimHttp.MAPPER
        .createObjectNode()
        .put("alg", "RS256")
        .put("typ", "JWT")
        .put("kid", "k-1");
  }

  private static String assertion(Consumer<ObjectNode> changeClaims) throws Exception {
    ObjectNode claims = claims();
    changeClaims.accept(claims);
    return jwt(header(), claims, key.getPrivate());
  }

  private SimHttp.Answer grant(String assertion, String secret) {
    return http.send(
        "POST",
        "/oauth_token.do",
        "grant_type="
            + SimHttp.encode(JwtBearerGrant.GRANT_TYPE)
            + "&client_id="
            + CLIENT
            + "&client_secret="
            + secret
            + "&assertion="
            + SimHttp.encode(assertion),
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  @Test
  void aValidAssertionGetsATokenForItsSubject() throws Exception {
    SimHttp.Answer granted = grant(assertion(c -> {}), SECRET);

    assertThat(granted.status()).as(granted.text()).isEqualTo(200);
    JsonNode token = granted.json();
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("expires_in").asInt()).isEqualTo(1799);
    String access = token.get("access_token").asText();
    SimHttp.Answer created =
        http.as("Bearer " + access)
            .post("/api/now/table/incident", Map.of("short_description", "via JWT"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.result().at("/opened_by/value").asText()).isEqualTo("integration.user");
    assertThat(sim.tokenRequests()).isEqualTo(1);

    // aud may be a list holding the expected audience
    assertThat(grant(assertion(c -> c.putArray("aud").add("other").add(AUDIENCE)), SECRET).status())
        .isEqualTo(200);
  }

  @Test
  void everyFlawAnswersTheSameOpaque401() throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, String> bad =
        Map.ofEntries(
            Map.entry("other key", jwt(header(), claims(), otherKey.getPrivate())),
            Map.entry("tampered", tamper(assertion(c -> {}))),
            Map.entry("alg none", unsigned(claims())),
            Map.entry("other kid", jwt(header().put("kid", "k-2"), claims(), key.getPrivate())),
            Map.entry("wrong iss", assertion(c -> c.put("iss", "someone-else"))),
            Map.entry("unknown sub", assertion(c -> c.put("sub", "nobody"))),
            Map.entry("wrong aud", assertion(c -> c.put("aud", "https://elsewhere"))),
            Map.entry("expired", assertion(c -> c.put("exp", now - 5))),
            Map.entry("too long", assertion(c -> c.put("exp", now + 7200))),
            Map.entry("no iat", assertion(c -> c.remove("iat"))),
            Map.entry("not a jwt", "abc.def"));
    bad.forEach(
        (flaw, assertion) -> {
          SimHttp.Answer refused = grant(assertion, SECRET);
          assertThat(refused.status()).as(flaw).isEqualTo(401);
          assertThat(refused.text()).as(flaw).isEqualTo(DENIED);
        });
    assertThat(grant(assertion(c -> {}), "wrong-secret").status()).isEqualTo(401);
    assertThat(sim.tokenRequests()).isEqualTo(bad.size() + 1);
    assertThat(sim.activeAccessTokens()).isEmpty();
    assertThat(String.join("\n", sim.tokenRejections()))
        .contains("signature", "iss", "sub", "aud", "expired", "more than", "iat", "wrong secret");
  }

  @Test
  void aJtiWorksOnce() throws Exception {
    String once = assertion(c -> c.put("jti", "a1b2"));
    assertThat(grant(once, SECRET).status()).isEqualTo(200);
    assertThat(grant(once, SECRET).status()).isEqualTo(401);
    assertThat(sim.tokenRejections()).last().asString().contains("jti");
  }

  private static String tamper(String jwt) {
    String[] parts = jwt.split("\\.");
    ObjectNode claims = claims().put("sub", "admin");
    return parts[0]
        + "."
        + b64(claims.toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  private static String unsigned(ObjectNode claims) {
    ObjectNode header = SimHttp.MAPPER.createObjectNode().put("alg", "none");
    return b64(header.toString().getBytes(StandardCharsets.UTF_8))
        + "."
        + b64(claims.toString().getBytes(StandardCharsets.UTF_8))
        + ".";
  }
}
