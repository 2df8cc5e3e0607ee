package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fault-only run renews the fault section and bullets of a full report, nothing else. */
class PartialReportTest {

  private static String report(String capacity, String faults, String bullet) {
    return "# Scaling\n\n## The answers\n\n- **One replica** "
        + capacity
        + "\n"
        + ScaleReport.FAULTS_ANSWER
        + " "
        + bullet
        + "\n\n## Capacity (closed loop, no faults)\n\n"
        + capacity
        + "\n\n## Under faults: side by side\n\n"
        + faults
        + "\n\n## Where the limit is\n\nramp\n";
  }

  @Test
  void replacesOnlyTheFaultPartsAndAddsTheNote() {
    String existing = report("61/s", "old table", "92 incidents");
    String fresh = report("", "new table", "12 incidents");

    String out = PartialReport.splice(existing, fresh, "_fault-only run_");

    assertThat(out)
        .contains("61/s")
        .contains("new table")
        .doesNotContain("old table")
        .contains("12 incidents")
        .doesNotContain("92 incidents")
        .contains("## Under faults: side by side\n\n_fault-only run_\n\nnew table")
        .endsWith("## Where the limit is\n\nramp\n");
  }

  @Test
  void everyAnswerWrittenFromTheFaultRunsIsRenewed() {
    for (String bullet : ScaleReport.FAULT_ANSWERS) {
      String existing =
          "# Scaling\n\n## The answers\n\n" + bullet + ": old figure\n\n## Under faults\n\nold\n";
      String fresh =
          "# Scaling\n\n## The answers\n\n" + bullet + ": new figure\n\n## Under faults\n\nnew\n";

      assertThat(PartialReport.splice(existing, fresh, "_note_"))
          .as(bullet)
          .contains(bullet + ": new figure")
          .doesNotContain("old figure");
    }
    assertThat(ScaleReport.FAULT_ANSWERS).contains(ScaleReport.TOKENS_ANSWER);
  }

  @Test
  void aFullRunKeepsTheSectionsMeasuredByTestsBeforeTheMethodNotes() {
    String inbound = "## Inbound: requests to ServiceNow\n\n| N | M | K |\n";
    String existing =
        report("61/s", "old", "92") + "\n" + inbound + "\n" + PartialReport.LAST + "\n";
    String fresh = report("70/s", "new", "12") + "\n" + PartialReport.LAST + "\nhow\n";

    String out = PartialReport.carryOver(existing, fresh);

    assertThat(out)
        .contains("70/s")
        .doesNotContain("61/s")
        .contains(inbound + "\n" + PartialReport.LAST + "\nhow\n")
        .startsWith(fresh.substring(0, fresh.indexOf(PartialReport.LAST)));
    assertThat(PartialReport.carryOver(out, out)).isEqualTo(out);
  }
}
