package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sncamunda.servicenow.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns the final answer of an exchange into a result: a success becomes a {@link
 * ServiceNowResponse}; an expected "nothing matched" becomes an empty outcome when the request
 * declared it so; everything else becomes a connector error a BPMN {@code errorExpression} can
 * match.
 */
final class Interpreter {

  private Interpreter() {}

  /**
   * The final answer of a call: its success as {@link Sender} read it, an empty outcome for a "No
   * Record found" the request declared, or the error.
   */
  static ServiceNowResponse interpret(Exchange exchange, Sender.Reply reply) {
    if (reply.read() != null) {
      return reply.read();
    }
    RawResponse response = reply.raw();
    if (response.successful()) {
      return new ServiceNowResponse(response.status(), response.headers(), null, null, false);
    }
    if (exchange.emptyWhenNoRecord() && noRecordFound(response)) {
      return ServiceNowResponse.noRecord(response.status(), response.headers());
    }
    throw ServiceNowErrors.http(response, exchange.call());
  }

  /**
   * A query answered 404 only because nothing matched: Table API v1 (the unversioned path on older
   * releases) does that instead of an empty list. Any other 404 stays an error.
   */
  private static boolean noRecordFound(RawResponse response) {
    if (response.status() != 404) {
      return false;
    }
    JsonNode json = ServiceNowErrors.tryJson(response.body());
    JsonNode message = json == null ? null : json.at("/error/message");
    return message != null
        && message.isTextual()
        && message.asText().strip().equalsIgnoreCase("No Record found");
  }

  /** A 2xx read into a response; fails when its body cannot be read (an unknown outcome). */
  static ServiceNowResponse success(Exchange exchange, RawResponse response) {
    if (exchange.download() != null || response.body().length == 0) {
      return new ServiceNowResponse(response.status(), response.headers(), null, null, false);
    }
    if (ServiceNowErrors.looksLikeHtml(response)) {
      throw ServiceNowErrors.invalidResponse(
          response,
          exchange.call(),
          "an HTML page instead of JSON: the instance may be hibernating (developer instances"
              + " sleep when unused), under maintenance, or a proxy answered");
    }
    boolean declaredJson = response.contentType().contains("json");
    if (declaredJson || !exchange.acceptText()) {
      try {
        Object json = Json.parsePlain(response.body());
        return new ServiceNowResponse(response.status(), response.headers(), json, null, false);
      } catch (IOException e) {
        throw ServiceNowErrors.invalidResponse(
            response, exchange.call(), "a body that is not valid JSON (truncated or malformed)");
      }
    }
    return new ServiceNowResponse(
        response.status(),
        response.headers(),
        null,
        new String(response.body(), StandardCharsets.UTF_8),
        false);
  }
}
