package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camunda.connector.api.error.ConnectorInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateIncidentTest extends IncidentWireMockTest {

  @Test
  void postsThePayloadAndReturnsTheNewRecord() {
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Location", wm.baseUrl() + TABLE + "/" + SYS_ID)
                    .withBody(result(RECORD))));

    Object result =
        run(
            Map.of(
                "operation",
                "create",
                "payload",
                Map.of("short_description", "Disk full on db01", "urgency", "1", "impact", "1")));

    assertThat(result).isInstanceOf(IncidentResult.class);
    IncidentResult incident = (IncidentResult) result;
    assertThat(incident.sysId()).isEqualTo(SYS_ID);
    assertThat(incident.number()).isEqualTo("INC0010042");
    assertThat(incident.created()).isTrue();
    assertThat(incident.record())
        .containsEntry("priority", "1")
        .containsEntry(
            "caller_id",
            Map.of(
                "link",
                    "https://dev12345.service-now.com/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441",
                "value", "6816f79cc0a8016401c5a33be04be441"));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TABLE))
            .withHeader("Authorization", equalTo(BASIC))
            .withHeader(
                "Content-Type",
                com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withRequestBody(
                equalToJson(
                    "{\"short_description\":\"Disk full on"
                        + " db01\",\"urgency\":\"1\",\"impact\":\"1\"}")));
    wm.verify(1, anyRequestedFor(anyUrl()));
    assertThat(asVariables(result)).containsOnlyKeys("sysId", "number", "record", "created");
  }

  @Test
  void acceptsThePayloadAsJsonTextAndSendsEveryOption() {
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    runJson(
        """
        {"operation":"create","payload":"{\\"short_description\\": \\"Printer on fire\\", \\"caller_id\\": \\"Abel Tuter\\"}",
         "displayValue":"all","excludeReferenceLink":false,"fields":" sys_id, number ,short_description,",
         "inputDisplayValue":true}\
        """);

    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TABLE))
            .withQueryParam("sysparm_display_value", equalTo("all"))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number,short_description"))
            .withQueryParam("sysparm_input_display_value", equalTo("true"))
            .withoutQueryParam("sysparm_exclude_reference_link")
            .withRequestBody(
                equalToJson(
                    "{\"short_description\":\"Printer on fire\",\"caller_id\":\"Abel Tuter\"}")));
  }

  @Test
  void readsSysIdAndNumberFromDisplayValueObjects() {
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        result(
                            """
                            {"sys_id":{"display_value":"46d44e2ba9fe1981009d6a8c4e2f7a76","value":"46d44e2ba9fe1981009d6a8c4e2f7a76"},
                             "number":{"display_value":"INC0010042","value":"INC0010042"},
                             "priority":{"display_value":"1 - Critical","value":"1"}}\
                            """))));

    IncidentResult incident =
        (IncidentResult)
            run(
                Map.of(
                    "operation",
                    "create",
                    "payload",
                    Map.of("short_description", "x"),
                    "displayValue",
                    "all"));

    assertThat(incident.sysId()).isEqualTo(SYS_ID);
    assertThat(incident.number()).isEqualTo("INC0010042");
    assertThat(incident.record().get("priority"))
        .isEqualTo(Map.of("display_value", "1 - Critical", "value", "1"));
  }

  @Test
  void correlationIdCreatesOnceAndReturnsTheExistingIncidentAfterwards() {
    String lookupQuery = "correlation_id=ALERT-42 disk&full+%";
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .inScenario("correlation")
            .whenScenarioStateIs(Scenario.STARTED)
            .withQueryParam("sysparm_query", equalTo(lookupQuery))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"result\":[]}")));
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .inScenario("correlation")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("created")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        result(
                            RECORD.replace(
                                "\"correlation_id\":\"\"",
                                "\"correlation_id\":\"ALERT-42 disk&full+%\"")))));
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .inScenario("correlation")
            .whenScenarioStateIs("created")
            .withQueryParam("sysparm_query", equalTo(lookupQuery))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"result\":["
                            + RECORD.replace(
                                "\"correlation_id\":\"\"",
                                "\"correlation_id\":\"ALERT-42 disk&full+%\"")
                            + "]}")));
    Map<String, Object> create =
        Map.of(
            "operation",
            "create",
            "correlationId",
            "ALERT-42 disk&full+%",
            "payload",
            Map.of("short_description", "Disk full on db01"));

    IncidentResult first = (IncidentResult) run(create);
    IncidentResult second = (IncidentResult) run(create);

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.sysId()).isEqualTo(first.sysId()).isEqualTo(SYS_ID);
    assertThat(second.record()).isEqualTo(first.record());
    assertThat(asVariables(second)).containsEntry("created", false);
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TABLE))
            .withRequestBody(
                equalToJson(
                    "{\"short_description\":\"Disk full on db01\",\"correlation_id\":\"ALERT-42"
                        + " disk&full+%\"}")));
    wm.verify(
        2,
        getRequestedFor(urlPathEqualTo(TABLE))
            .withQueryParam("sysparm_query", equalTo(lookupQuery))
            .withQueryParam("sysparm_limit", equalTo("1"))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withHeader("Authorization", equalTo(BASIC)));
    // encoded exactly once: the space, '&', '+', '%' and '=' survive as data
    assertThat(wm.getAllServeEvents())
        .filteredOn(event -> event.getRequest().getMethod().getName().equals("GET"))
        .hasSize(2)
        .allSatisfy(
            event ->
                assertThat(event.getRequest().getUrl())
                    .contains("sysparm_query=correlation_id%3DALERT-42%20disk%26full%2B%25&"));
  }

  @Test
  void correlationLookupAnswering404NoRecordFoundStillCreates() {
    // Table API v1 answers an empty query with 404 "No Record found"
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Records matching"
                            + " query not found. Check query parameter or offset"
                            + " parameter\"},\"status\":\"failure\"}")));
    wm.stubFor(
        post(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    IncidentResult incident =
        (IncidentResult)
            run(
                Map.of(
                    "operation",
                    "create",
                    "correlationId",
                    "ALERT-7",
                    "payload",
                    Map.of("short_description", "x", "correlation_id", "ALERT-7")));

    assertThat(incident.created()).isTrue();
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(TABLE))
            .withRequestBody(
                equalToJson("{\"short_description\":\"x\",\"correlation_id\":\"ALERT-7\"}")));
  }

  @Test
  void refusesACorrelationIdThatWouldAlterTheQuery() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "operation",
                        "create",
                        "correlationId",
                        "A^ORactive=true",
                        "payload",
                        Map.of("short_description", "x"))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Correlation ID must not contain '^'");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void refusesAPayloadWithADifferentCorrelationId() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "operation",
                        "create",
                        "correlationId",
                        "A-1",
                        "payload",
                        Map.of("short_description", "x", "correlation_id", "B-2"))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("correlation_id");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void refusesACorrelationIdServiceNowWouldTruncate() {
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "operation",
                        "create",
                        "correlationId",
                        "x".repeat(101),
                        "payload",
                        Map.of("short_description", "x"))))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("at most 100");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
