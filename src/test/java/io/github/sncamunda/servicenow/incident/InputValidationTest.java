package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input rule fails the job with a ConnectorInputException before anything is sent. */
class InputValidationTest extends IncidentWireMockTest {

  @AfterEach
  void nothingWasSent() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  static Stream<Arguments> badSysIds() {
    return Stream.of(
        Arguments.of("", "Sys ID is required"),
        Arguments.of("   ", "Sys ID is required"),
        Arguments.of("a".repeat(33), "at most 32"),
        Arguments.of("../sys_user", "at most 32"),
        Arguments.of("abc/def", "at most 32"),
        Arguments.of("abc def", "at most 32"),
        Arguments.of("abc%2Fdef", "at most 32"),
        Arguments.of("abc?x=1", "at most 32"),
        Arguments.of("abc\ndef", "\\u000a"));
  }

  @ParameterizedTest
  @MethodSource("badSysIds")
  void sysIdRulesApplyToReadUpdateAndDelete(String sysId, String reason) {
    for (String operation : List.of("read", "update", "delete")) {
      // through the function directly, since the runtime's bean validation would answer blank ids
      // first
      IncidentOperation op =
          switch (operation) {
            case "read" -> new IncidentOperation.Read(sysId);
            case "update" -> new IncidentOperation.Update(sysId, Map.of("priority", "2"));
            default -> new IncidentOperation.Delete(sysId);
          };
      assertThatThrownBy(
              () ->
                  IncidentOperations.execute(
                      client, null, new IncidentRequest(connection(), auth(), op)))
          .as(operation)
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining(reason);
    }
  }

  @Test
  void missingSysIdIsRefusedThroughTheSdk() {
    assertThatThrownBy(() -> run(Map.of("operation", "read")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("sysId");
  }

  static Stream<Arguments> badPayloads() {
    return Stream.of(
        Arguments.of(List.of(Map.of("short_description", "x")), "not a JSON object", "got a list"),
        Arguments.of(42, "number", "got a number"),
        Arguments.of(true, "boolean", "got a boolean"),
        Arguments.of("[{\"short_description\":\"x\"}]", "JSON array", "got JSON array"),
        Arguments.of("\"just text\"", "JSON string", "got JSON string"),
        Arguments.of("17", "JSON number", "got JSON number"),
        Arguments.of("{\"short_description\": \"x\"", "truncated", "not valid JSON (line 1"),
        Arguments.of("{short_description: x}", "unquoted", "not valid JSON (line 1"),
        Arguments.of("{\"a\":1} trailing", "trailing", "not valid JSON"),
        Arguments.of("", "empty", "Payload is required"),
        Arguments.of("  ", "blank", "Payload is required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badPayloads")
  void payloadMustBeAJsonObject(Object payload, String label, String reason) {
    for (IncidentOperation op :
        List.of(
            new IncidentOperation.Create(payload), new IncidentOperation.Update(SYS_ID, payload))) {
      assertThatThrownBy(
              () ->
                  IncidentOperations.execute(
                      client, null, new IncidentRequest(connection(), auth(), op)))
          .as(label)
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining(reason);
    }
  }

  @Test
  void nullPayloadIsRefused() {
    for (IncidentOperation op :
        List.of(new IncidentOperation.Create(null), new IncidentOperation.Update(SYS_ID, null))) {
      assertThatThrownBy(
              () ->
                  IncidentOperations.execute(
                      client, null, new IncidentRequest(connection(), auth(), op)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("Payload is required");
    }
  }

  @Test
  void invalidJsonMessageDoesNotEchoThePayload() {
    assertThatThrownBy(
            () -> run(Map.of("operation", "create", "payload", "{\"caller\": \"Jane Roe\", oops}")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("Jane Roe");
  }

  @Test
  void unknownOperationNamesTheValidOnes() {
    assertThatThrownBy(() -> runJson("{\"operation\":\"explode\",\"sysId\":\"" + SYS_ID + "\"}"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("Unknown operation 'explode'; use one of create, read, update, delete, search");
  }

  @Test
  void missingOperationIsRefused() {
    assertThatThrownBy(() -> runJson("{\"sysId\":\"" + SYS_ID + "\"}"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Operation is required: one of create, read, update, delete, search");
    assertThatThrownBy(
            () ->
                IncidentOperations.execute(
                    client, null, new IncidentRequest(connection(), auth(), null)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Operation is required");
  }

  @Test
  void wrongTypesNameTheFieldButNotTheValue() {
    assertThatThrownBy(() -> runJson("{\"operation\":\"search\",\"limit\":\"ten-ish\"}"))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessage("Invalid input in 'operation.limit': expected a whole number");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void searchLimitMustBeBetween1And10000(int limit) {
    assertThatThrownBy(() -> run(Map.of("operation", "search", "limit", limit)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Limit must be between 1 and 10000; got " + limit);
  }

  @Test
  void searchOffsetMustNotBeNegative() {
    assertThatThrownBy(() -> run(Map.of("operation", "search", "offset", -5)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Offset must be 0 or more");
  }

  @ParameterizedTest
  @ValueSource(strings = {"number^ORDERBYpriority", "sys created", "number;drop", "a,b"})
  void searchOrderByMustBeOneFieldName(String orderBy) {
    assertThatThrownBy(() -> run(Map.of("operation", "search", "orderBy", orderBy)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Order by must be one field name");
  }

  @Test
  void searchOrderDirectionIsChecked() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "operation", "search", "orderBy", "number", "orderDirection", "sideways")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("ascending or descending");
  }

  @Test
  void displayValueAndFieldsAreChecked() {
    assertThatThrownBy(
            () -> run(Map.of("operation", "read", "sysId", SYS_ID, "displayValue", "maybe")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Display value must be one of false, true, all");
    assertThatThrownBy(
            () -> run(Map.of("operation", "read", "sysId", SYS_ID, "fields", "number,sys_id&x=1")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Fields must be a comma-separated list");
  }

  @Test
  void connectionAndAuthenticationAreCheckedByTheClientBeforeSending() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(
        "authentication", Map.of("type", "basic", "username", USER, "password", PASSWORD));
    variables.put("operation", Map.of("operation", "read", "sysId", SYS_ID));
    var noInstance =
        io.camunda.connector.runtime.test.outbound.OutboundConnectorContextBuilder.create()
            .variables(variables)
            .build();
    assertThatThrownBy(() -> new IncidentHandlerFunction(client).execute(noInstance))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Instance name is required");

    assertThatThrownBy(
            () ->
                IncidentOperations.execute(
                    client,
                    null,
                    new IncidentRequest(
                        connection(),
                        new io.github.sncamunda.servicenow.auth.BasicAuthentication(USER, ""),
                        new IncidentOperation.Read(SYS_ID))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Password");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
