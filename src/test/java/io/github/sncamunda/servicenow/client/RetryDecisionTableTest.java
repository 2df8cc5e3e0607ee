package io.github.sncamunda.servicenow.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.client.RetryPolicy.Budget;
import io.github.sncamunda.servicenow.client.RetryPolicy.History;
import io.github.sncamunda.servicenow.client.RetryPolicy.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of outcome × method × replay × history × budget against the written-down rule
 * in {@link RetryDecisionTable}, without a server; and ARCHITECTURE.md shows that table. {@code
 * -Ddecisions.write=true} rewrites the section in ARCHITECTURE.md from the table.
 */
class RetryDecisionTableTest {

  private static final Path ARCHITECTURE = Path.of("ARCHITECTURE.md");

  static Stream<Arguments> outcomes() {
    return Stream.of(Outcome.values()).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void everyMethodReplayHistoryAndBudgetDecidesAsTheTableSays(Outcome outcome) {
    List<String> wrong = new ArrayList<>();
    int cases = 0;
    for (HttpMethod method : HttpMethod.values()) {
      for (Replay replay : Replay.values()) {
        for (History history : History.values()) {
          for (Budget budget : Budget.values()) {
            RetryPolicy.Action expected =
                RetryDecisionTable.rowFor(outcome, method, history).cell(replay).expected(budget);
            RetryPolicy.Action actual =
                RetryPolicy.decide(outcome, method, replay, history, budget);
            cases++;
            if (actual != expected) {
              wrong.add(
                  method
                      + " "
                      + replay
                      + " "
                      + history
                      + " "
                      + budget
                      + ": "
                      + actual
                      + " instead of "
                      + expected);
            }
          }
        }
      }
    }
    assertThat(cases)
        .isEqualTo(
            HttpMethod.values().length
                * Replay.values().length
                * History.values().length
                * Budget.values().length);
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyRowOfTheTableIsReachedByAnOutcome() {
    for (RetryDecisionTable.Row row : RetryDecisionTable.ROWS) {
      boolean reached = false;
      for (Outcome outcome : row.outcomes()) {
        for (HttpMethod method : HttpMethod.values()) {
          for (History history : History.values()) {
            reached |= RetryDecisionTable.rowFor(outcome, method, history) == row;
          }
        }
      }
      assertThat(reached).as(row.outcome() + " " + row.when()).isTrue();
    }
  }

  @Test
  void onlyAnUnknownOutcomeMakesARequestThatNeverRepeatsFailWithoutJobRetries() {
    for (Outcome outcome : Outcome.values()) {
      RetryPolicy.Action never =
          RetryPolicy.decide(outcome, HttpMethod.POST, Replay.NEVER, History.NONE, Budget.LEFT);
      boolean finalFailure = never == RetryPolicy.Action.FAIL_WITHOUT_JOB_RETRIES;
      assertThat(finalFailure)
          .as(outcome.name())
          .isEqualTo(
              outcome.unknown()
                  || outcome == Outcome.CONTENT_TOO_LARGE
                  || outcome == Outcome.LOOK_CANNOT_TELL
                  || outcome == Outcome.LOOK_FAILED_NOT_LOOKED_AGAIN);
    }
  }

  @Test
  void architectureShowsTheTable() throws IOException {
    String document = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
    int begin = document.indexOf(RetryDecisionTable.BEGIN);
    int end = document.indexOf(RetryDecisionTable.END);
    String table = RetryDecisionTable.markdown();
    if (Boolean.getBoolean("decisions.write") && begin >= 0 && end > begin) {
      document =
          document.substring(0, begin)
              + table
              + document.substring(end + RetryDecisionTable.END.length());
      Files.writeString(ARCHITECTURE, document, StandardCharsets.UTF_8);
      end = document.indexOf(RetryDecisionTable.END);
    }
    assertThat(begin).as("ARCHITECTURE.md has the decision table markers").isNotNegative();
    assertThat(document.substring(begin, end + RetryDecisionTable.END.length()))
        .as("ARCHITECTURE.md shows the current decision table; rerun with -Ddecisions.write=true")
        .isEqualTo(table);
  }
}
