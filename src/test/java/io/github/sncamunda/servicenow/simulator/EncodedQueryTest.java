package io.github.sncamunda.servicenow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The encoded query subset on its own: journal queries, escapes, ignored parts. */
class EncodedQueryTest {

  private static final Set<String> FIELDS =
      Set.of("element_id", "element", "value", "sys_created_on");

  private static Map<String, String> row(String element, String value, String createdOn) {
    return Map.of(
        "element_id", "r1", "element", element, "value", value, "sys_created_on", createdOn);
  }

  @Test
  void theJournalQueryOrsElementsAndOrdersNewestFirst() {
    List<Map<String, String>> rows =
        List.of(
            row("work_notes", "a", "2026-05-01 10:00:00"),
            row("comments", "b", "2026-05-01 10:00:02"),
            row("approval_history", "c", "2026-05-01 10:00:03"),
            row("work_notes", "d", "2026-05-01 10:00:01"));
    List<Map<String, String>> selected =
        EncodedQuery.parse(
                "element_id=r1^element=work_notes^ORelement=comments^ORDERBYDESCsys_created_on",
                FIELDS)
            .select(rows);
    assertThat(selected).extracting(r -> r.get("value")).containsExactly("b", "d", "a");
  }

  @Test
  void aDoubledCaretIsALiteralCaret() {
    List<Map<String, String>> rows =
        List.of(row("work_notes", "x^y", "t"), row("work_notes", "x", "t"));
    EncodedQuery query = EncodedQuery.parse("value=x^^y^element=work_notes", FIELDS);
    assertThat(query.select(rows)).extracting(r -> r.get("value")).containsExactly("x^y");
    assertThat(query.ignored()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredAndListed() {
    EncodedQuery query = EncodedQuery.parse("bogus=1^element=comments^ORDERBYnope", FIELDS);
    assertThat(query.ignored()).containsExactly("bogus=1", "ORDERBYnope");
    assertThat(query.matches(row("comments", "v", "t"))).isTrue();
  }
}
