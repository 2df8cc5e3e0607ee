package io.github.sncamunda.servicenow.inbound.webhook;

import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.inbound.webhook.MappedHttpRequest;
import io.camunda.connector.api.inbound.webhook.WebhookConnectorException.WebhookSecurityException;
import io.camunda.connector.api.inbound.webhook.WebhookHttpResponse;
import io.camunda.connector.api.inbound.webhook.WebhookProcessingPayload;
import io.camunda.connector.api.inbound.webhook.WebhookResult;
import io.camunda.connector.api.inbound.webhook.WebhookResultContext;
import io.github.sncamunda.servicenow.common.SafeText;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Accepted;
import io.github.sncamunda.servicenow.inbound.webhook.Verdict.Rejected;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One activated webhook: checks the signature before anything of the body is read, then reads the
 * payload and hands the runtime what it correlates. The signature and credentials never reach the
 * process: they are not among the headers passed on.
 */
final class WebhookReceiver {

  static final String MESSAGE_ID = "messageId";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  private static final int MIN_SECRET_LENGTH = 16;
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]{0,3}");
  // headers that carry a credential or the signature: never into variables, results or logs
  private static final Set<String> WITHHELD =
      Set.of(
          SignatureVerifier.SIGNATURE_HEADER.toLowerCase(),
          "authorization",
          "proxy-authorization",
          "cookie");

  private final String path;
  private final SignatureVerifier verifier;

  private WebhookReceiver(String path, SignatureVerifier verifier) {
    this.path = path;
    this.verifier = verifier;
  }

  /** Checks the properties; a mistake fails the activation and names the field, never a value. */
  static WebhookReceiver activate(WebhookProperties properties, Clock clock) {
    String path = properties.inbound() == null ? null : properties.inbound().context();
    if (path == null || path.isBlank()) {
      throw new ConnectorInputException(
          "Webhook path is required: the last part of the URL ServiceNow posts to, e.g."
              + " servicenow-changes");
    }
    if (!PATH.matcher(path).matches()) {
      throw new ConnectorInputException(
          "Webhook path must be 1 to 100 letters, digits, - or _, got " + SafeText.quote(path));
    }
    String secret = properties.secret();
    if (secret == null || secret.isBlank()) {
      throw new ConnectorInputException(
          "Shared secret is required: reference a Camunda secret, e.g."
              + " {{secrets.snWebhookSecret}}");
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new ConnectorInputException(
          "Shared secret must be at least "
              + MIN_SECRET_LENGTH
              + " characters; generate one, e.g. with openssl rand -hex 32");
    }
    return new WebhookReceiver(
        path, new SignatureVerifier(secret, tolerance(properties.toleranceSeconds()), clock));
  }

  private static Duration tolerance(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return SignatureVerifier.DEFAULT_TOLERANCE;
    }
    String trimmed = seconds.trim();
    if (!SECONDS.matcher(trimmed).matches() || Integer.parseInt(trimmed) > 3600) {
      throw new ConnectorInputException(
          "Clock tolerance must be 1 to 3600 seconds, or empty for 300, got "
              + SafeText.quote(seconds));
    }
    return Duration.ofSeconds(Integer.parseInt(trimmed));
  }

  WebhookResult receive(WebhookProcessingPayload call) {
    switch (verifier.verify(call.headers(), call.rawBody())) {
      case Rejected rejected -> {
        // the reason stays here; the caller gets the same bare 401 for every reason
        LOG.info("ServiceNow Webhook '{}': call refused ({})", path, rejected.reason());
        throw new WebhookSecurityException(401, WebhookSecurityException.Reason.INVALID_SIGNATURE);
      }
      case Accepted accepted -> {
        WebhookPayload payload = WebhookPayload.read(call.rawBody());
        LOG.debug(
            "ServiceNow Webhook '{}': signed call for {}",
            path,
            SafeText.quote(payload.messageId()));
        return new Result(
            new MappedHttpRequest(payload.body(), passedOn(call.headers()), call.params()),
            Map.of(MESSAGE_ID, payload.messageId(), "timestamp", accepted.timestamp()));
      }
    }
  }

  private static Map<String, String> passedOn(Map<String, String> headers) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (!WITHHELD.contains(name.toLowerCase())) {
              kept.put(name.toLowerCase(), value);
            }
          });
    }
    return kept;
  }

  @Override
  public String toString() {
    return "WebhookReceiver[path=" + path + ", " + verifier + "]";
  }

  /** 202 for every accepted call, a duplicate the engine dropped included. */
  private record Result(MappedHttpRequest request, Map<String, Object> connectorData)
      implements WebhookResult {

    @Override
    public Function<WebhookResultContext, WebhookHttpResponse> response() {
      return done ->
          new WebhookHttpResponse(
              Map.of("received", true, MESSAGE_ID, connectorData.get(MESSAGE_ID)), Map.of(), 202);
    }
  }
}
