package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchIncidentsTest extends IncidentWireMockTest {

  private static final String QUERY = "short_descriptionLIKEdisk full & slow^priority=1";

  @Test
  void sendsTheEncodedQueryIntactAndReturnsRecordsWithTheTotal() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", "57")
                    .withBody(
                        "{\"result\":["
                            + RECORD
                            + ","
                            + RECORD.replace("INC0010042", "INC0010043")
                            + "]}")));

    Object result = run(Map.of("operation", "search", "query", QUERY));

    IncidentSearchResult search = (IncidentSearchResult) result;
    assertThat(search.total()).isEqualTo(57L);
    assertThat(search.count()).isEqualTo(2);
    assertThat(search.records())
        .extracting(r -> r.get("number"))
        .containsExactly("INC0010042", "INC0010043");
    assertThat(asVariables(result)).containsOnlyKeys("records", "total", "count");
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(TABLE))
            .withHeader("Authorization", equalTo(BASIC))
            .withQueryParam("sysparm_query", equalTo(QUERY))
            .withQueryParam("sysparm_limit", equalTo("10"))
            .withQueryParam("sysparm_offset", equalTo("0"))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true")));
    String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
    assertThat(url)
        .contains("sysparm_query=short_descriptionLIKEdisk%20full%20%26%20slow%5Epriority%3D1&")
        .doesNotContain("+")
        .doesNotContain("%25");
  }

  @Test
  void appendsTheOrderAndSendsPagingAndOptions() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", "0")
                    .withBody("{\"result\":[]}")));

    IncidentSearchResult search =
        (IncidentSearchResult)
            runJson(
                """
                {"operation":"search","query":"active=true","orderBy":"sys_created_on","orderDirection":"descending",
                 "limit":"250","offset":"500","displayValue":"all","excludeReferenceLink":false,"fields":"sys_id,number"}\
                """);

    assertThat(search).isEqualTo(new IncidentSearchResult(List.of(), 0L, 0));
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(TABLE))
            .withQueryParam("sysparm_query", equalTo("active=true^ORDERBYDESCsys_created_on"))
            .withQueryParam("sysparm_limit", equalTo("250"))
            .withQueryParam("sysparm_offset", equalTo("500"))
            .withQueryParam("sysparm_display_value", equalTo("all"))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number"))
            .withoutQueryParam("sysparm_exclude_reference_link"));
  }

  @Test
  void ordersWithoutAQueryAndLeavesTotalEmptyWithoutTheHeader() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"result\":[" + RECORD + "]}")));

    IncidentSearchResult search =
        (IncidentSearchResult) run(Map.of("operation", "search", "orderBy", "number"));

    assertThat(search.total()).isNull();
    assertThat(search.count()).isEqualTo(1);
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(TABLE))
            .withQueryParam("sysparm_query", equalTo("ORDERBYnumber")));
  }

  @Test
  void noQueryMeansNoSysparmQuery() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"result\":[]}")));

    run(Map.of("operation", "search", "query", "  "));

    wm.verify(1, getRequestedFor(urlPathEqualTo(TABLE)).withoutQueryParam("sysparm_query"));
  }

  @Test
  void v1NoRecordFoundIsAnEmptyResult() {
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

    IncidentSearchResult search =
        (IncidentSearchResult) run(Map.of("operation", "search", "query", "number=INC404"));

    assertThat(search).isEqualTo(new IncidentSearchResult(List.of(), 0L, 0));
  }

  @Test
  void anyOther404StaysAnError() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid table"
                            + " incident\",\"detail\":null},\"status\":\"failure\"}")));

    assertThatThrownBy(() -> run(Map.of("operation", "search")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.getErrorCode()).isEqualTo("404"))
        .hasMessageContaining("Invalid table incident");
  }

  @Test
  void aResultThatIsNotAListIsAnInvalidResponse() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    assertThatThrownBy(() -> run(Map.of("operation", "search")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("INVALID_RESPONSE"));
  }
}
