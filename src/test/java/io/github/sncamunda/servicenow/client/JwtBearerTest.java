package io.github.sncamunda.servicenow.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.auth.OAuthJwtBearerAuthentication;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.common.Pem;
import io.github.sncamunda.servicenow.network.JwtBearerVerifier;
import io.github.sncamunda.servicenow.network.TestPki;
import io.github.sncamunda.servicenow.security.LogCapture;
import io.github.sncamunda.servicenow.security.SecretScan;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JWT bearer grant against a token endpoint that verifies what ServiceNow verifies ({@link
 * JwtBearerVerifier}: the RS256 signature with the public key, kid, iss, sub, aud, iat/exp, a fresh
 * jti): one token for many calls, renewal with a new JWT, a wrong key refused as {@code
 * AUTHENTICATION_FAILED}, unusable keys refused before anything is sent, and neither the key nor a
 * JWT in any log.
 */
class JwtBearerTest {

  private static final JwtBearerVerifier VERIFIER = new JwtBearerVerifier();
  private static final KeyPair KEYS = TestPki.rsa();
  private static final String CLIENT_ID = "7c1f0e2a9b3d4e5f";
  private static final String CLIENT_SECRET = "jwt-client+SECRET/1234=";
  private static final String USER = "camunda.integration";
  private static final String API = "/api/now/table/incident/abc";

  @RegisterExtension
  static WireMockExtension sn =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(VERIFIER))
          .build();

  private final TestClock clock = new TestClock();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private ServiceNowClient client;

  @BeforeEach
  void setUp() {
    VERIFIER.expect(
        KEYS.getPublic(),
        CLIENT_ID,
        CLIENT_SECRET,
        USER,
        CLIENT_ID,
        "camunda-2026",
        clock::instant);
    sn.stubFor(
        post("/oauth_token.do").willReturn(aResponse().withTransformers(JwtBearerVerifier.NAME)));
    sn.stubFor(
        get(API)
            .withHeader("Authorization", matching("Bearer jwt-at-[0-9]+"))
            .willReturn(okJson("{\"result\":{\"sys_id\":\"abc\"}}")));
    client = new ServiceNowClient(ClientSettings.defaults(), clock, sleeper);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
  }

  private static OAuthJwtBearerAuthentication jwt(
      String privateKeyPem, String keyId, String audience) {
    return new OAuthJwtBearerAuthentication(
        CLIENT_ID, CLIENT_SECRET, USER, privateKeyPem, keyId, audience, null, null);
  }

  private ServiceNowResponse read(OAuthJwtBearerAuthentication auth) {
    return client.execute(
        ServiceNowConnection.baseUrl(sn.baseUrl()),
        auth,
        ServiceNowRequest.builder(HttpMethod.GET, "api", "now", "table", "incident", "abc")
            .build());
  }

  @Test
  void twentyCallsNeedOneVerifiedToken() {
    OAuthJwtBearerAuthentication auth = jwt(TestPki.pkcs8(KEYS.getPrivate()), "camunda-2026", null);

    for (int i = 0; i < 20; i++) {
      assertThat(read(auth).status()).isEqualTo(200);
    }

    assertThat(VERIFIER.refusals()).isEmpty();
    assertThat(VERIFIER.issued()).isEqualTo(1);
    sn.verify(1, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
    sn.verify(20, getRequestedFor(urlPathEqualTo(API)));
    JsonNode claims = JwtBearerVerifier.claims(VERIFIER.assertions().get(0));
    assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo(USER);
    assertThat(claims.get("aud").asText()).as("the client ID by default").isEqualTo(CLIENT_ID);
    assertThat(claims.get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    assertThat(JwtBearerVerifier.header(VERIFIER.assertions().get(0)).get("kid").asText())
        .isEqualTo("camunda-2026");
  }

  @Test
  void anExplicitAudienceAndNoKeyId() {
    String audience = sn.baseUrl() + "/oauth_token.do";
    VERIFIER.expect(
        KEYS.getPublic(), CLIENT_ID, CLIENT_SECRET, USER, audience, null, clock::instant);

    assertThat(read(jwt(TestPki.pkcs8(KEYS.getPrivate()), " ", audience)).status()).isEqualTo(200);
    assertThat(VERIFIER.refusals()).isEmpty();
  }

  @Test
  void anExpiringTokenIsRenewedWithANewJwt() {
    OAuthJwtBearerAuthentication auth = jwt(TestPki.pkcs8(KEYS.getPrivate()), "camunda-2026", null);
    read(auth);
    clock.advance(Duration.ofSeconds(1799 - 59));
    read(auth);

    assertThat(VERIFIER.issued()).isEqualTo(2);
    assertThat(VERIFIER.refusals()).as("the second JWT has its own jti and dates").isEmpty();
    sn.verify(2, postRequestedFor(urlPathEqualTo("/oauth_token.do")));
  }

  @Test
  void aJwtSignedWithAnotherKeyIsAuthenticationFailed() {
    OAuthJwtBearerAuthentication tampered =
        jwt(TestPki.pkcs8(TestPki.rsa().getPrivate()), "camunda-2026", null);

    assertThatThrownBy(() -> read(tampered))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.AUTHENTICATION_FAILED);
              assertThat(e.getMessage())
                  .contains("OAuth jwt-bearer token request to " + sn.baseUrl() + "/oauth_token.do")
                  .contains("refused with 401")
                  .contains("certificate of this private key");
            });
    assertThat(VERIFIER.refusals()).containsExactly("signature");
    sn.verify(0, getRequestedFor(urlPathEqualTo(API)));
    assertThat(sleeper.pauses).isEmpty();
  }

  @Test
  void unusableKeysAreInputErrorsBeforeAnythingIsSent() {
    String pkcs1 = TestPki.pkcs1(KEYS.getPrivate());
    assertThatThrownBy(() -> read(jwt(pkcs1, null, null)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("PKCS#1")
        .hasMessageContaining(Pem.CONVERT_TO_PKCS8)
        .hasMessageNotContaining(MutualTlsTest.body(pkcs1));

    assertThatThrownBy(() -> read(jwt(TestPki.pkcs8(TestPki.ec().getPrivate()), null, null)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("must be an RSA key");

    assertThatThrownBy(() -> read(jwt("{{secrets.snJwtKey}}", null, null)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("is not PEM text");

    OAuthJwtBearerAuthentication tooLong =
        new OAuthJwtBearerAuthentication(
            CLIENT_ID,
            CLIENT_SECRET,
            USER,
            TestPki.pkcs8(KEYS.getPrivate()),
            null,
            null,
            null,
            7200);
    assertThatThrownBy(() -> read(tooLong))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("between 30 and 3600");
    sn.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void neitherTheKeyNorAJwtNorATokenAppearsAnywhereAtTrace() {
    String key = TestPki.pkcs8(KEYS.getPrivate());
    String otherKey = TestPki.pkcs8(TestPki.rsa().getPrivate());
    SecretScan scan = new SecretScan().secret(CLIENT_SECRET);
    String log;
    try (LogCapture capture = new LogCapture()) {
      OAuthJwtBearerAuthentication good = jwt(key, "camunda-2026", null);
      OAuthJwtBearerAuthentication bad = jwt(otherKey, "camunda-2026", null);
      scan.see(good);
      scan.see(bad);
      scan.see(read(good));
      try {
        read(bad);
      } catch (ConnectorException e) {
        scan.see(e);
      }
      log = capture.text();
      assertThat(capture.countFrom(ExchangeLog.NAME)).isGreaterThan(1);
    }
    assertThat(VERIFIER.assertions()).hasSize(2);
    VERIFIER.assertions().forEach(scan::secret);
    VERIFIER.tokens().forEach(scan::secret);
    for (String pem : new String[] {key, otherKey}) {
      for (String line : pem.split("\n")) {
        if (!line.startsWith("-----")) {
          scan.secret(line);
        }
      }
    }
    assertThat(scan.findings(log)).as("in the log").isEmpty();
    assertThat(scan.findings(scan.seenText())).as("in results, errors and toString()").isEmpty();
  }
}
