package io.github.sncamunda.servicenow.client;

import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.ANSWER;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.ANSWER_AS_DELETED;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.DEFER;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.FAIL_WITHOUT_JOB_RETRIES;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.FAIL_WITH_JOB_RETRIES;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.LOOK;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.RENEW;
import static io.github.sncamunda.servicenow.client.RetryPolicy.Action.RETRY;

import io.github.sncamunda.servicenow.client.RetryPolicy.Action;
import io.github.sncamunda.servicenow.client.RetryPolicy.Budget;
import io.github.sncamunda.servicenow.client.RetryPolicy.History;
import io.github.sncamunda.servicenow.client.RetryPolicy.Outcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * The write-safety rule written down as the expectation of {@link RetryPolicy#decide}: one row per
 * outcome (and condition), one column per {@link Replay}, each cell by budget. {@code
 * RetryDecisionTableTest} checks every combination against it and that ARCHITECTURE.md shows
 * exactly {@link #markdown()}.
 */
final class RetryDecisionTable {

  /** The expected action by budget: left, wait asked for longer than the budget, spent. */
  record Cell(Action left, Action waitTooLong, Action spent) {
    Action expected(Budget budget) {
      return switch (budget) {
        case LEFT -> left;
        case WAIT_TOO_LONG -> waitTooLong;
        case SPENT -> spent;
      };
    }

    String render() {
      if (left == waitTooLong && left == spent) {
        return name(left);
      }
      if (left == waitTooLong) {
        return "budget left: " + name(left) + "; spent: " + name(spent);
      }
      return "budget left: "
          + name(left)
          + "; longer wait asked: "
          + name(waitTooLong)
          + "; spent: "
          + name(spent);
    }

    private static String name(Action action) {
      return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** One row: the outcomes it covers, when it applies, and the cells for ANY … NEVER. */
  record Row(
      String outcome,
      Set<Outcome> outcomes,
      String when,
      BiPredicate<HttpMethod, History> applies,
      Cell any,
      Cell lookFirst,
      Cell byJobRetry,
      Cell never) {

    Cell cell(Replay replay) {
      return switch (replay) {
        case ANY -> any;
        case LOOK_FIRST -> lookFirst;
        case BY_JOB_RETRY -> byJobRetry;
        case NEVER -> never;
      };
    }
  }

  private static final BiPredicate<HttpMethod, History> ALWAYS = (method, history) -> true;

  private static Cell all(Action action) {
    return new Cell(action, action, action);
  }

  private static Cell byBudget(Action left, Action waitTooLong, Action spent) {
    return new Cell(left, waitTooLong, spent);
  }

  private static Row row(String outcome, Set<Outcome> outcomes, Cell same) {
    return new Row(outcome, outcomes, "", ALWAYS, same, same, same, same);
  }

  /** An outcome that leaves unknown whether ServiceNow did it: the replay column decides. */
  private static Row unknown(String outcome, Set<Outcome> outcomes, Cell any) {
    return new Row(
        outcome,
        outcomes,
        "",
        ALWAYS,
        any,
        all(LOOK),
        all(FAIL_WITH_JOB_RETRIES),
        all(FAIL_WITHOUT_JOB_RETRIES));
  }

  private static Row otherwise(String outcome, Outcome covered, Cell same) {
    return new Row(outcome, EnumSet.of(covered), "otherwise", ALWAYS, same, same, same, same);
  }

  private static final Cell RETRY_THEN_ANSWER = byBudget(RETRY, DEFER, ANSWER);
  private static final Cell RETRY_THEN_FAIL = byBudget(RETRY, RETRY, FAIL_WITH_JOB_RETRIES);

  /** First matching row wins. */
  static final List<Row> ROWS =
      List.of(
          row("2xx, body read", EnumSet.of(Outcome.SUCCESS), all(ANSWER)),
          unknown(
              "2xx, body unreadable",
              EnumSet.of(Outcome.UNREADABLE_SUCCESS),
              all(FAIL_WITH_JOB_RETRIES)),
          new Row(
              "401",
              EnumSet.of(Outcome.ANSWERED_401),
              "credential not renewed yet",
              (method, history) -> !history.renewed(),
              all(RENEW),
              all(RENEW),
              all(RENEW),
              all(RENEW)),
          otherwise("401", Outcome.ANSWERED_401, all(ANSWER)),
          new Row(
              "404",
              EnumSet.of(Outcome.ANSWERED_404),
              "DELETE after an earlier attempt's unknown outcome",
              (method, history) -> method == HttpMethod.DELETE && history.earlierUnknown(),
              all(ANSWER_AS_DELETED),
              all(ANSWER_AS_DELETED),
              all(ANSWER_AS_DELETED),
              all(ANSWER_AS_DELETED)),
          otherwise("404", Outcome.ANSWERED_404, all(ANSWER)),
          row("429, 503", EnumSet.of(Outcome.ANSWERED_429_503), RETRY_THEN_ANSWER),
          unknown("502, 504", EnumSet.of(Outcome.ANSWERED_502_504), RETRY_THEN_ANSWER),
          row("other status (400, 403, 500, …)", EnumSet.of(Outcome.ANSWERED_OTHER), all(ANSWER)),
          row(
              "no connection made, proxy refused the tunnel",
              EnumSet.of(Outcome.CONNECT_FAILED, Outcome.PROXY_REFUSED),
              RETRY_THEN_FAIL),
          unknown(
              "connection broke after sending (reset, empty reply)",
              EnumSet.of(Outcome.NO_RESPONSE),
              RETRY_THEN_FAIL),
          unknown(
              "response timeout, broken or oversized answer",
              EnumSet.of(Outcome.TIMEOUT, Outcome.BROKEN_RESPONSE, Outcome.TOO_LARGE),
              all(FAIL_WITH_JOB_RETRIES)),
          row(
              "streamed content over its limit",
              EnumSet.of(Outcome.CONTENT_TOO_LARGE),
              all(FAIL_WITHOUT_JOB_RETRIES)),
          row(
              "proxy authentication, TLS",
              EnumSet.of(Outcome.PROXY_AUTHENTICATION, Outcome.TLS),
              all(FAIL_WITH_JOB_RETRIES)),
          row("looked: found", EnumSet.of(Outcome.LOOKED_FOUND), all(ANSWER)),
          row("looked: not found", EnumSet.of(Outcome.LOOKED_NOT_FOUND), RETRY_THEN_FAIL),
          row(
              "the look itself failed; a retried job looks first (a create by its key)",
              EnumSet.of(Outcome.LOOK_FAILED),
              all(FAIL_WITH_JOB_RETRIES)),
          row(
              "the look itself failed; a retried job would not look (journal entry, order)",
              EnumSet.of(Outcome.LOOK_FAILED_NOT_LOOKED_AGAIN),
              all(FAIL_WITHOUT_JOB_RETRIES)),
          row(
              "looked: found something it cannot attribute",
              EnumSet.of(Outcome.LOOK_CANNOT_TELL),
              all(FAIL_WITHOUT_JOB_RETRIES)));

  private RetryDecisionTable() {}

  /** The first row for this case; fails when none covers it (the table must be complete). */
  static Row rowFor(Outcome outcome, HttpMethod method, History history) {
    return ROWS.stream()
        .filter(r -> r.outcomes().contains(outcome) && r.applies().test(method, history))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no row for " + outcome + " " + method + " " + history));
  }

  static final String BEGIN = "<!-- decision table: generated from RetryDecisionTable -->";
  static final String END = "<!-- end of decision table -->";

  /** The table as ARCHITECTURE.md shows it, between {@link #BEGIN} and {@link #END}. */
  static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append('\n');
    out.append("| outcome of the attempt | when | ")
        .append(
            EnumSet.allOf(Replay.class).stream()
                .map(replay -> "`" + replay.name() + "`")
                .collect(Collectors.joining(" | ")))
        .append(" |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Row row : ROWS) {
      out.append("| ").append(row.outcome()).append(" | ").append(row.when()).append(" | ");
      out.append(
          EnumSet.allOf(Replay.class).stream()
              .map(replay -> row.cell(replay).render())
              .collect(Collectors.joining(" | ")));
      out.append(" |\n");
    }
    out.append(END);
    return out.toString();
  }
}
