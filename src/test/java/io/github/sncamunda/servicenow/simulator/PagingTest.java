package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging as ServiceNow does it, including pages cut short by ACLs. */
class PagingTest {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>;rel=\"(\\w+)\"");

  private ServiceNowSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim = new ServiceNowSimulator().start();
    http = new SimHttp(sim);
    for (int i = 1; i <= 25; i++) {
      sim.seedIncident(Map.of("short_description", "item " + i, "u_index", Integer.toString(i)));
    }
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static Map<String, String> links(SimHttp.Answer answer) {
    Map<String, String> links = new LinkedHashMap<>();
    String header = answer.header("Link");
    if (header != null) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        links.put(m.group(2), m.group(1));
      }
    }
    return links;
  }

  @Test
  void linkHeaderCarriesAbsoluteUrlsWithTheRequestParameters() {
    SimHttp.Answer page =
        http.get(
            "/api/now/table/incident?sysparm_query=ORDERBYnumber&sysparm_limit=10&sysparm_offset=10");

    String base = sim.baseUrl() + "/api/now/table/incident?sysparm_query=ORDERBYnumber";
    assertThat(page.header("X-Total-Count")).isEqualTo("25");
    assertThat(page.result()).hasSize(10);
    assertThat(page.header("Link"))
        .isEqualTo(
            "<"
                + base
                + "&sysparm_limit=10&sysparm_offset=0>;rel=\"first\","
                + "<"
                + base
                + "&sysparm_limit=10&sysparm_offset=0>;rel=\"prev\","
                + "<"
                + base
                + "&sysparm_limit=10&sysparm_offset=20>;rel=\"next\","
                + "<"
                + base
                + "&sysparm_limit=10&sysparm_offset=20>;rel=\"last\"");

    // no sysparm_limit given: ServiceNow appends offset, then the default limit
    assertThat(links(http.get("/api/now/table/incident")).get("first"))
        .isEqualTo(sim.baseUrl() + "/api/now/table/incident?sysparm_offset=0&sysparm_limit=10000");
    assertThat(
            http.get(
                    "/api/now/table/incident?sysparm_limit=5&sysparm_suppress_pagination_header=true")
                .header("Link"))
        .isNull();
  }

  @Test
  void followingNextVisitsEveryRecordOnce() {
    List<String> seen = new ArrayList<>();
    String next = sim.baseUrl() + "/api/now/table/incident?sysparm_limit=7&sysparm_fields=number";
    int pages = 0;
    while (next != null) {
      SimHttp.Answer page = http.getUrl(next);
      page.result().forEach(r -> seen.add(r.get("number").asText()));
      next = links(page).get("next");
      pages++;
    }
    assertThat(pages).isEqualTo(4);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void aclHiddenRowsLeaveShortPagesButNextStays() {
    sim.aclHides("incident", r -> Integer.parseInt(r.get("u_index")) % 3 == 0);

    SimHttp.Answer first = http.get("/api/now/table/incident?sysparm_limit=10");
    assertThat(first.result()).hasSize(7); // 3, 6 and 9 hidden after the limit was applied
    assertThat(first.header("X-Total-Count")).isEqualTo("25");
    assertThat(links(first)).containsKey("next");

    List<String> visible = new ArrayList<>();
    first.result().forEach(r -> visible.add(r.get("u_index").asText()));
    String next = links(first).get("next");
    while (next != null) {
      SimHttp.Answer page = http.getUrl(next);
      page.result().forEach(r -> visible.add(r.get("u_index").asText()));
      next = links(page).get("next");
    }
    assertThat(visible).hasSize(17).noneMatch(i -> Integer.parseInt(i) % 3 == 0);

    String hiddenId = sim.incidentsWhere("u_index", "3").get(0).get("sys_id");
    assertThat(http.get("/api/now/table/incident/" + hiddenId).status()).isEqualTo(404);
  }
}
