package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The connector's INFO lines about looks, as the replica logs carry them, counted per task. */
class LookLineTest {

  private static final String PREFIX =
      "05:01:02.345 [pool-1] INFO  io.github.sncamunda.servicenow.client.Sender - ";

  @Test
  void readsEachKindOfLookPerTask() {
    assertThat(
            LookLine.of(
                PREFIX
                    + "POST /api/now/table/incident: the answer was lost; looked and found incident"
                    + " with correlation_id 'faults-ours-000001': done, not sent again"))
        .isEqualTo("create found");
    assertThat(
            LookLine.of(
                PREFIX
                    + "PATCH /api/now/table/incident/abc: the answer was lost; looked and did not"
                    + " find incident abc (journal entry): sent again"))
        .isEqualTo("note sent again");
    assertThat(
            LookLine.of(
                PREFIX
                    + "PATCH /api/now/table/incident/abc: the answer was lost; looked and did not"
                    + " find incident abc (journal entry): the job sends it again"))
        .isEqualTo("note sent again by the job");
    assertThat(
            LookLine.of(
                PREFIX
                    + "POST /api/sn_sc/servicecatalog/items/x/order_now: the answer was lost;"
                    + " looked for sc_req_item of catalog item x and cannot tell whether it was"
                    + " done"))
        .isEqualTo("flow cannot tell");
    assertThat(LookLine.of(PREFIX + "Started connector runtime")).isNull();
  }
}
