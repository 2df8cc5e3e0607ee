package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.table.RecordPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Search, one page or all pages. ServiceNow applies sysparm_limit before ACLs, so pages can come
 * back short while a next page exists: only the Link header says where the end is.
 */
class RecordSearchTest extends RecordWireMockTest {

  private static final String CHANGES = table("change_request");
  private static final String QUERY = "active=true^short_descriptionLIKEdb & app+1%";

  /** A page at {@code offset} holding records {@code from..to-1}, linking to {@code next}. */
  private static void page(int offset, int from, int to, Integer next, int total) {
    page(offset, 3, from, to, next, total);
  }

  private static void page(int offset, int limit, int from, int to, Integer next, int total) {
    String records =
        String.join(
            ",",
            IntStream.range(from, to)
                .mapToObj(i -> "{\"sys_id\":\"s" + i + "\",\"number\":\"CHG00" + i + "\"}")
                .toList());
    String base =
        wm.baseUrl() + CHANGES + "?sysparm_limit=" + limit + "&sysparm_fields=sys_id,number";
    String link =
        "<"
            + base
            + "&sysparm_offset=0>;rel=\"first\""
            + (next == null ? "" : ",<" + base + "&sysparm_offset=" + next + ">;rel=\"next\"")
            + ",<"
            + base
            + "&sysparm_offset="
            + (total - 1) / 3 * 3
            + ">;rel=\"last\"";
    wm.stubFor(
        get(urlPathEqualTo(CHANGES))
            .withQueryParam("sysparm_offset", equalTo(String.valueOf(offset)))
            .withQueryParam("sysparm_limit", equalTo(String.valueOf(limit)))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", String.valueOf(total))
                    .withHeader("Link", link)
                    .withBody(result("[" + records + "]"))));
  }

  @Test
  void allPagesFollowsNextLinksAcrossShortPagesUpToTheCap() {
    // 11 matches; ACLs hide one row on page 2, so it comes back short although page 3 exists
    page(0, 0, 3, 3, 11);
    page(3, 3, 5, 6, 11);
    page(6, 6, 9, 9, 11);
    page(9, 9, 11, null, 11);

    RecordPage all =
        (RecordPage)
            run(
                listed("change_request"),
                Map.of(
                    "operation",
                    "search",
                    "query",
                    QUERY,
                    "limit",
                    3,
                    "allPages",
                    true,
                    "maxRecords",
                    100),
                Map.of("fields", "sys_id,number"));

    assertThat(all.records())
        .extracting(r -> r.get("sys_id"))
        .containsExactly("s0", "s1", "s2", "s3", "s4", "s6", "s7", "s8", "s9", "s10");
    assertThat(all.count()).isEqualTo(10);
    assertThat(all.total()).isEqualTo(11L);
    assertThat(all.truncated()).isFalse();
    assertThat(all.nextOffset()).isNull();
    wm.verify(4, getRequestedFor(urlPathEqualTo(CHANGES)));
    // the query reaches every page intact, encoded once
    wm.verify(
        4,
        getRequestedFor(urlPathEqualTo(CHANGES)).withQueryParam("sysparm_query", equalTo(QUERY)));
  }

  @Test
  void theCapStopsTheSearchAndSaysWhereToContinue() {
    page(0, 0, 3, 3, 11);
    page(3, 3, 6, 6, 11);
    page(6, 1, 6, 7, 7, 11); // the cap leaves room for one: ServiceNow links on to offset 7

    RecordPage capped =
        (RecordPage)
            run(
                listed("change_request"),
                Map.of("operation", "search", "limit", 3, "allPages", true, "maxRecords", 7));

    assertThat(capped.count()).isEqualTo(7);
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.nextOffset()).isEqualTo(7);
    List<String> offsets = new ArrayList<>();
    wm.getAllServeEvents()
        .forEach(e -> offsets.add(e.getRequest().queryParameter("sysparm_offset").firstValue()));
    // the last page asks only for what the cap leaves (the stub matches sysparm_limit=1 only)
    assertThat(offsets).containsExactlyInAnyOrder("0", "3", "6");
  }

  @Test
  void onePageSaysWhetherMoreMatched() {
    page(3, 3, 6, 6, 11);

    RecordPage one =
        (RecordPage)
            run(
                listed("change_request"),
                Map.of(
                    "operation",
                    "search",
                    "limit",
                    3,
                    "offset",
                    3,
                    "orderBy",
                    "number",
                    "orderDirection",
                    "descending"));

    assertThat(one.count()).isEqualTo(3);
    assertThat(one.truncated()).isTrue();
    assertThat(one.nextOffset()).isEqualTo(6);
    assertThat(asVariables(one))
        .containsKeys("records", "total", "count", "truncated", "nextOffset");
    wm.verify(
        getRequestedFor(urlPathEqualTo(CHANGES))
            .withQueryParam("sysparm_query", equalTo("ORDERBYDESCnumber")));
  }

  @Test
  void withoutLinksTheTotalCountDecides() {
    wm.stubFor(
        get(urlPathEqualTo(table("cmdb_ci")))
            .withQueryParam("sysparm_offset", equalTo("0"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", "3")
                    .withBody(result("[{\"sys_id\":\"a\"},{\"sys_id\":\"b\"}]"))));
    wm.stubFor(
        get(urlPathEqualTo(table("cmdb_ci")))
            .withQueryParam("sysparm_offset", equalTo("2"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Total-Count", "3")
                    .withBody(result("[{\"sys_id\":\"c\"}]"))));

    RecordPage all =
        (RecordPage)
            run(listed("cmdb_ci"), Map.of("operation", "search", "limit", 2, "allPages", true));

    assertThat(all.records()).extracting(r -> r.get("sys_id")).containsExactly("a", "b", "c");
    assertThat(all.truncated()).isFalse();
  }

  @Test
  void noMatchIsAnEmptyResultOnEitherApiVersion() {
    wm.stubFor(
        get(urlPathEqualTo(table("sc_task")))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Records matching"
                            + " query not found\"},\"status\":\"failure\"}")));

    RecordPage none =
        (RecordPage)
            run(
                listed("sc_task"),
                Map.of("operation", "search", "query", "active=false", "allPages", true));

    assertThat(none).isEqualTo(new RecordPage(List.of(), 0L, 0, false, null));
  }

  @Test
  void aQueryEndingInASeparatorIsRefusedBeforeOrderByTurnsItIntoALiteralCaret() {
    // "active=true^" + "^ORDERBYnumber" would be "active=true^^ORDERBYnumber": '^^' is a literal
    for (String query : List.of("active=true^", "active=true^^^", "^")) {
      assertThatThrownBy(
              () ->
                  run(
                      listed("change_request"),
                      Map.of("operation", "search", "query", query, "orderBy", "number")))
          .as(query)
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageStartingWith("Query ends with '^'");
    }
    nothingSent();
  }

  @Test
  void anEscapedTrailingCaretIsKeptWhenOrderByIsAppended() {
    page(0, 3, 0, 1, null, 1);

    run(
        listed("change_request"),
        Map.of(
            "operation",
            "search",
            "query",
            "short_descriptionLIKEa^^",
            "orderBy",
            "number",
            "limit",
            3));

    wm.verify(
        getRequestedFor(urlPathEqualTo(CHANGES))
            .withQueryParam("sysparm_query", equalTo("short_descriptionLIKEa^^^ORDERBYnumber")));
  }
}
