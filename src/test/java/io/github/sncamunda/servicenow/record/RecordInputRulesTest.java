package io.github.sncamunda.servicenow.record;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule fails the job with a clear message before anything is sent. */
class RecordInputRulesTest extends RecordWireMockTest {

  static Stream<Arguments> badTables() {
    return Stream.of(
        Arguments.of(other("../sys_user"), "Table name must be"),
        Arguments.of(other("incident/abc"), "Table name must be"),
        Arguments.of(other("incident?sysparm_query=x"), "Table name must be"),
        Arguments.of(other("incident#x"), "Table name must be"),
        Arguments.of(other("Incident"), "Table name must be"),
        Arguments.of(other("x_acme__item"), "Table name must be"),
        Arguments.of(other("1table"), "Table name must be"),
        Arguments.of(other("a".repeat(81)), "Table name must be"),
        Arguments.of(other("%2e%2e"), "Table name must be"),
        Arguments.of(other(""), "Table name is required"),
        Arguments.of(Map.of("table", "other"), "Table name is required"),
        Arguments.of(Map.of("table", "sys_properties"), "choose Other"),
        Arguments.of(Map.of("table", "sys_user/../x"), "Table name must be"),
        Arguments.of(Map.of(), "Table is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTables")
  void badTableNamesAreRefused(Map<String, Object> table, String message) {
    assertThatThrownBy(() -> run(table, Map.of("operation", "read", "sysId", SYS_ID)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(message);
    nothingSent();
  }

  static Stream<Arguments> badSysIds() {
    return Stream.of(
        Arguments.of("read", "abc/def"),
        Arguments.of("update", "abc?sysparm_query=x"),
        Arguments.of("delete", "../incident"),
        Arguments.of("addWorkNote", "a%2Fb"),
        Arguments.of("readJournal", "abc^ORelement_id=x"),
        Arguments.of("addComment", "a".repeat(33)),
        Arguments.of("orderCatalogItem", "abc def"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badSysIds")
  void pathOrQuerySyntaxInASysIdIsRefused(String operation, String sysId) {
    Map<String, Object> op = new HashMap<>();
    op.put("operation", operation);
    op.put(operation.equals("orderCatalogItem") ? "itemSysId" : "sysId", sysId);
    op.put("payload", Map.of("a", "b"));
    op.put("text", "note");
    assertThatThrownBy(() -> run(listed("change_request"), op))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Sys ID must be at most 32");
    nothingSent();
  }

  static Stream<Arguments> sysIdsWithoutALetterOrDigit() {
    return Stream.of(
        Arguments.of("read", "."),
        Arguments.of("update", ".."),
        Arguments.of("delete", "."),
        Arguments.of("addWorkNote", ".."),
        Arguments.of("readJournal", "..."),
        Arguments.of("listAttachments", ".."),
        Arguments.of("uploadAttachments", "."),
        Arguments.of("downloadAttachments", ".."),
        Arguments.of("deleteAttachment", ".."),
        Arguments.of("orderCatalogItem", "."),
        Arguments.of("read", "_-."));
  }

  // "/api/now/table/change_request/." would normalise to the table itself
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sysIdsWithoutALetterOrDigit")
  void aSysIdWithoutALetterOrDigitIsRefused(String operation, String sysId) {
    Map<String, Object> op = new HashMap<>();
    op.put("operation", operation);
    op.put(
        switch (operation) {
          case "orderCatalogItem" -> "itemSysId";
          case "deleteAttachment" -> "attachmentSysId";
          default -> "sysId";
        },
        sysId);
    op.put("payload", Map.of("a", "b"));
    op.put("text", "note");
    assertThatThrownBy(() -> run(listed("change_request"), op))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Sys ID must contain at least one letter or digit");
    nothingSent();
  }

  static Stream<Arguments> badOperations() {
    return Stream.of(
        Arguments.of(Map.of("operation", "create"), "Payload is required"),
        Arguments.of(Map.of("operation", "create", "payload", "[1]"), "must be a JSON object"),
        Arguments.of(
            Map.of("operation", "create", "payload", Map.of("a", "b"), "correlationId", "x^y"),
            "must not contain '^'"),
        Arguments.of(
            Map.of(
                "operation",
                "create",
                "payload",
                Map.of("a", "b"),
                "correlationId",
                "x",
                "correlationField",
                "a.b"),
            "Correlation field must be one field name"),
        Arguments.of(
            Map.of("operation", "search", "limit", 0), "Limit must be between 1 and 10000"),
        Arguments.of(
            Map.of("operation", "search", "allPages", true, "maxRecords", 10001),
            "Maximum records must be between 1 and 10000"),
        Arguments.of(Map.of("operation", "search", "orderBy", "a b"), "Order by must be one field"),
        Arguments.of(
            Map.of("operation", "readJournal", "sysId", "abc", "journal", "x"),
            "Journal must be one of"),
        Arguments.of(Map.of("operation", "explode"), "Unknown operation 'explode'"),
        Arguments.of(Map.of("sysId", "abc"), "Operation is required"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badOperations")
  void badOperationInputsAreRefused(Map<String, Object> operation, String message) {
    assertThatThrownBy(() -> run(listed("problem"), operation))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining(message);
    nothingSent();
  }

  @ParameterizedTest(name = "quantity {0}")
  @MethodSource("badQuantities")
  void badQuantitiesAreRefused(int quantity) {
    assertThatThrownBy(
            () ->
                run(
                    null,
                    Map.of(
                        "operation", "orderCatalogItem", "itemSysId", "abc", "quantity", quantity)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Quantity must be between 1 and 1000");
    nothingSent();
  }

  static Stream<Integer> badQuantities() {
    return Stream.of(0, -1, 1001);
  }
}
