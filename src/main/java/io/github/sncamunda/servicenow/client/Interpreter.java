package io.github.sncamunda.servicenow.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.api.error.ConnectorException;
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

  static ServiceNowResponse interpret(Exchange exchange, RawResponse response) {
    if (response.successful()) {
      try {
        return success(exchange, response);
      } catch (ConnectorException unreadable) {
        throw ServiceNowErrors.unknownOutcome(unreadable, exchange); // a 2xx: it was done
      }
    }
    if (exchange.emptyWhenNoRecord() && noRecordFound(response)) {
      return ServiceNowResponse.noRecord(response.status(), response.headers());
    }
    ConnectorException error = ServiceNowErrors.http(response, exchange.call());
    throw ServiceNowErrors.mayHaveBeenProcessed(response.status())
        ? ServiceNowErrors.unknownOutcome(error, exchange)
        : error;
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

  private static ServiceNowResponse success(Exchange exchange, RawResponse response) {
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
