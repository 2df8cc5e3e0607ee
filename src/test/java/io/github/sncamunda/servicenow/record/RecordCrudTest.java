package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.table.DeletedRecord;
import io.github.sncamunda.servicenow.table.RecordResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCrudTest extends RecordWireMockTest {

  private static final String CHANGE =
      """
      {"sys_id":"a9e30c7dc61122760116894de7bcc7bd","number":"CHG0030001","state":"-5",
       "short_description":"Patch db01","correlation_id":"","type":"normal"}\
      """;

  @Test
  void createsAChangeRequest() {
    wm.stubFor(
        post(urlPathEqualTo(table("change_request")))
            .willReturn(jsonResponse(result(CHANGE), 201)));

    Object result =
        run(
            listed("change_request"),
            Map.of("operation", "create", "payload", Map.of("short_description", "Patch db01")));

    assertThat(result).isInstanceOf(RecordResult.class);
    assertThat(asVariables(result))
        .containsEntry("sysId", SYS_ID)
        .containsEntry("number", "CHG0030001")
        .containsEntry("created", true);
    wm.verify(
        postRequestedFor(urlPathEqualTo(table("change_request")))
            .withHeader("Authorization", equalTo(BASIC))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withRequestBody(equalToJson("{\"short_description\":\"Patch db01\"}")));
  }

  @Test
  void createsInACustomScopedTableTypedAsOther() {
    wm.stubFor(
        post(urlPathEqualTo(table("x_acme_app_item")))
            .willReturn(jsonResponse(result("{\"sys_id\":\"abc\",\"u_name\":\"one\"}"), 201)));

    Object result =
        run(
            other("x_acme_app_item"),
            Map.of("operation", "create", "payload", "{\"u_name\": \"one\"}"),
            Map.of("inputDisplayValue", true, "fields", "sys_id, u_name"));

    assertThat(asVariables(result)).containsEntry("sysId", "abc").containsEntry("number", null);
    wm.verify(
        postRequestedFor(urlPathEqualTo(table("x_acme_app_item")))
            .withQueryParam("sysparm_input_display_value", equalTo("true"))
            .withQueryParam("sysparm_fields", equalTo("sys_id,u_name,number")));
  }

  @Test
  void correlationIdInACustomFieldReturnsTheExistingRecordInsteadOfCreating() {
    wm.stubFor(
        get(urlPathEqualTo(table("x_acme_app_item")))
            .withQueryParam("sysparm_query", equalTo("u_external_ref=ORDER-7"))
            .willReturn(okJson(result("[{\"sys_id\":\"abc\",\"u_external_ref\":\"ORDER-7\"}]"))));

    Object result =
        run(
            other("x_acme_app_item"),
            Map.of(
                "operation",
                "create",
                "payload",
                Map.of("u_name", "one"),
                "correlationId",
                "ORDER-7",
                "correlationField",
                "u_external_ref"),
            Map.of("fields", "sys_id"));

    assertThat(asVariables(result)).containsEntry("sysId", "abc").containsEntry("created", false);
    wm.verify(0, postRequestedFor(urlPathEqualTo(table("x_acme_app_item"))));
    // the correlation field is asked for even when Fields names others, so it can be checked
    wm.verify(
        getRequestedFor(urlPathEqualTo(table("x_acme_app_item")))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number,u_external_ref"))
            .withQueryParam("sysparm_limit", equalTo("1")));
  }

  @Test
  void aCorrelationFieldTheTableLacksIsRefusedInsteadOfMatchingAnyRecord() {
    // ServiceNow ignores the unknown condition and returns an arbitrary record without the field
    wm.stubFor(
        get(urlPathEqualTo(table("x_acme_app_item")))
            .willReturn(okJson(result("[{\"sys_id\":\"someone-else\",\"u_name\":\"x\"}]"))));

    assertThatThrownBy(
            () ->
                run(
                    other("x_acme_app_item"),
                    Map.of(
                        "operation",
                        "create",
                        "payload",
                        Map.of("u_name", "one"),
                        "correlationId",
                        "ORDER-7")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("has no field 'correlation_id'");
    wm.verify(0, postRequestedFor(urlPathEqualTo(table("x_acme_app_item"))));
  }

  @Test
  void readsUpdatesAndDeletesByTheirSysId() {
    wm.stubFor(
        get(urlPathEqualTo(table("problem") + "/" + SYS_ID)).willReturn(okJson(result(CHANGE))));
    wm.stubFor(
        patch(urlPathEqualTo(table("problem") + "/" + SYS_ID)).willReturn(okJson(result(CHANGE))));
    wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete(
                urlPathEqualTo(table("problem") + "/" + SYS_ID))
            .willReturn(aResponse().withStatus(204)));

    Object read = run(listed("problem"), Map.of("operation", "read", "sysId", SYS_ID));
    Object updated =
        run(
            listed("problem"),
            Map.of("operation", "update", "sysId", SYS_ID, "payload", Map.of("state", "3")));
    Object deleted = run(listed("problem"), Map.of("operation", "delete", "sysId", SYS_ID));

    assertThat(asVariables(read)).containsEntry("sysId", SYS_ID).doesNotContainKey("created");
    assertThat(asVariables(updated)).containsEntry("number", "CHG0030001");
    assertThat(deleted).isEqualTo(new DeletedRecord(SYS_ID, true));
    wm.verify(
        patchRequestedFor(urlPathEqualTo(table("problem") + "/" + SYS_ID))
            .withRequestBody(equalToJson("{\"state\":\"3\"}")));
    wm.verify(deleteRequestedFor(urlPathEqualTo(table("problem") + "/" + SYS_ID)));
  }

  @Test
  void aMissingRecordIsA404WithServiceNowsMessage() {
    wm.stubFor(
        get(urlPathEqualTo(table("change_task") + "/nope"))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't"
                        + " exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}",
                    404)));

    assertThatThrownBy(
            () -> run(listed("change_task"), Map.of("operation", "read", "sysId", "nope")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("404");
              assertThat(e.getMessage())
                  .contains("No Record found", "GET /api/now/table/change_task/nope");
            });
  }

  @Test
  void everyListedTableReachesItsOwnPath() {
    for (String name : TableChoice.LISTED) {
      wm.stubFor(
          get(urlPathEqualTo(table(name) + "/" + SYS_ID))
              .willReturn(okJson(result("{\"sys_id\":\"" + SYS_ID + "\"}"))));
      assertThat(asVariables(run(listed(name), Map.of("operation", "read", "sysId", SYS_ID))))
          .containsEntry("sysId", SYS_ID);
      wm.verify(getRequestedFor(urlPathEqualTo(table(name) + "/" + SYS_ID)));
    }
  }

  /** A record as ServiceNow answers when sys_id and number are among the asked-for fields. */
  private static final String ASKED =
      "{\"number\":\"CHG0030001\",\"state\":\"-5\",\"sys_id\":\"" + SYS_ID + "\"}";

  @Test
  void fieldsWithoutSysIdStillReturnTheSysIdOfACreatedRecord() {
    wm.stubFor(
        post(urlPathEqualTo(table("change_request")))
            .withQueryParam("sysparm_fields", equalTo("number,state,sys_id"))
            .willReturn(jsonResponse(result(ASKED), 201)));

    Object result =
        run(
            listed("change_request"),
            Map.of("operation", "create", "payload", Map.of("short_description", "Patch db01")),
            Map.of("fields", "number, state"));

    assertThat(asVariables(result))
        .containsEntry("sysId", SYS_ID)
        .containsEntry("number", "CHG0030001");
  }

  @Test
  void fieldsWithoutSysIdOrNumberStillReturnBothForAnExistingCorrelatedRecord() {
    wm.stubFor(
        get(urlPathEqualTo(table("change_request")))
            .withQueryParam("sysparm_fields", equalTo("state,sys_id,number,correlation_id"))
            .willReturn(
                okJson(
                    result(
                        "[{\"state\":\"-5\",\"sys_id\":\""
                            + SYS_ID
                            + "\",\"number\":\"CHG0030001\",\"correlation_id\":\"C-1\"}]"))));

    Object result =
        run(
            listed("change_request"),
            Map.of(
                "operation",
                "create",
                "payload",
                Map.of("short_description", "Patch db01"),
                "correlationId",
                "C-1"),
            Map.of("fields", "state"));

    assertThat(asVariables(result))
        .containsEntry("sysId", SYS_ID)
        .containsEntry("number", "CHG0030001")
        .containsEntry("created", false);
    wm.verify(0, postRequestedFor(urlPathEqualTo(table("change_request"))));
  }

  @Test
  void fieldsWithoutSysIdOrNumberStillReturnBothOnReadAndUpdate() {
    String record = table("change_request") + "/" + SYS_ID;
    wm.stubFor(
        get(urlPathEqualTo(record))
            .withQueryParam("sysparm_fields", equalTo("state,sys_id,number"))
            .willReturn(okJson(result(ASKED))));
    wm.stubFor(
        patch(urlPathEqualTo(record))
            .withQueryParam("sysparm_fields", equalTo("state,sys_id,number"))
            .willReturn(okJson(result(ASKED))));

    for (String operation : new String[] {"read", "update"}) {
      Object result =
          run(
              listed("change_request"),
              operation.equals("read")
                  ? Map.of("operation", "read", "sysId", SYS_ID)
                  : Map.of(
                      "operation", "update", "sysId", SYS_ID, "payload", Map.of("state", "-5")),
              Map.of("fields", "state"));

      assertThat(asVariables(result))
          .as(operation)
          .containsEntry("sysId", SYS_ID)
          .containsEntry("number", "CHG0030001");
    }
  }

  @Test
  void anExplicitFieldListIsNotRepeatedOrReordered() {
    wm.stubFor(
        get(urlPathEqualTo(table("change_request") + "/" + SYS_ID))
            .willReturn(okJson(result(ASKED))));

    run(
        listed("change_request"),
        Map.of("operation", "read", "sysId", SYS_ID),
        Map.of("fields", "state,number,sys_id"));

    wm.verify(
        getRequestedFor(urlPathEqualTo(table("change_request") + "/" + SYS_ID))
            .withQueryParam("sysparm_fields", equalTo("state,number,sys_id")));
  }
}
