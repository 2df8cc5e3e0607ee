package io.github.sncamunda.servicenow.scale;

import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.LogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The invariants every scale-out run must keep, checked from {@link RunFacts} alone:
 *
 * <ol>
 *   <li>every process instance completed, or ended in an incident that injected faults explain
 *       (each failed attempt of that task met a fault); none is left unfinished (no lost job);
 *   <li>no Correlation ID has more than one incident, and every completed instance has one;
 *   <li>no write (POST, PATCH) is sent again with the same body within the same job attempt after
 *       an ambiguous failure (a connection that broke before an answer, or any answer but 401, 429
 *       and 503) when ServiceNow had committed it: the connector looks first and sends again only
 *       what was not done; a job attempt ends with the engine's FAILED or TIMED_OUT event for that
 *       task, and the next one starts with the job's next ACTIVATED event;
 *   <li>no job is worked on by two replicas: the engine rejects no job completion or failure (a
 *       replica that held a job past its timeout, while another replica got it, answers for a job
 *       it no longer holds; a killed replica never answers);
 *   <li>token requests stay within the bound;
 *   <li>no secret in any log, engine record or result.
 * </ol>
 *
 * It also sorts the retries by the fault that caused them: a request sent again within the same
 * attempt is an in-call retry; an attempt the engine ended is a Zeebe-level retry (or the
 * incident).
 */
final class RunChecker {

  private RunChecker() {}

  /** What the check found: the violations (none for a good run) and the retry accounting. */
  record Verdict(
      List<String> violations,
      Map<String, Integer> faultsInjected,
      Map<String, Integer> inCallRetries,
      Map<String, Integer> zeebeRetries,
      int incidentsExplained,
      int duplicateKeys,
      int resentAfterAmbiguity,
      int lost) {

    boolean ok() {
      return violations.isEmpty();
    }
  }

  static Verdict check(RunFacts facts) {
    List<String> violations = new ArrayList<>();
    Map<Step.Target, List<LogEntry>> byTarget = new LinkedHashMap<>();
    Map<String, Integer> injected = new TreeMap<>();
    for (LogEntry e : facts.requests()) {
      if (e.fault() != null) {
        injected.merge(faultName(e.fault()), 1, Integer::sum);
      }
      Step.Target target = Step.of(e, facts.keyOfIncident());
      if (target != null) {
        byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(e);
      }
    }
    byTarget.values().forEach(l -> l.sort(Comparator.comparingLong(LogEntry::sequence)));

    // 3: no write re-sent within one attempt after an ambiguous failure; in-call retries. An
    // attempt ends with FAILED or TIMED_OUT, and a new one starts with each ACTIVATED: a worker
    // that outlives its job's timeout may still send after the engine ended its attempt, while
    // the job's next activation (often on another replica) sends for the new attempt
    Map<String, Integer> inCall = new TreeMap<>();
    int resent = 0;
    for (Map.Entry<Step.Target, List<LogEntry>> t : byTarget.entrySet()) {
      List<Instant> ends = facts.attemptEnds().getOrDefault(t.getKey(), List.of());
      List<Instant> starts = facts.attemptStarts().getOrDefault(t.getKey(), List.of());
      List<LogEntry> requests = t.getValue();
      for (int i = 0; i < requests.size(); i++) {
        LogEntry first = requests.get(i);
        LogEntry again = nextSame(requests, i);
        if (again == null
            || endsBetween(ends, first.receivedAt(), again.receivedAt())
            || endsBetween(starts, first.receivedAt(), again.receivedAt())) {
          continue;
        }
        if (first.fault() != null) {
          inCall.merge(faultName(first.fault()), 1, Integer::sum);
        }
        // sending again after a lost answer is right when ServiceNow had not done it (the
        // connector looked first); after ServiceNow had done it, the write is done twice
        if (Step.write(first) && mayHaveBeenCommitted(first) && first.processed()) {
          resent++;
          violations.add(
              first.method()
                  + " "
                  + first.path()
                  + " for "
                  + t.getKey().key()
                  + " was sent again (request #"
                  + again.sequence()
                  + ") in the same job attempt after a send that ServiceNow had committed (request"
                  + " #"
                  + first.sequence()
                  + ", "
                  + faultName(first.fault())
                  + ", "
                  + first.outcome()
                  + (first.status() > 0 ? " " + first.status() : "")
                  + "; sent at "
                  + first.receivedAt()
                  + " and "
                  + again.receivedAt()
                  + ", the engine ended attempts of this task at "
                  + ends
                  + ")");
        }
      }
    }

    // Zeebe-level retries: each attempt the engine ended, by the last fault it met
    Map<String, Integer> zeebe = new TreeMap<>();
    Map<Step.Target, Boolean> everyEndExplained = new LinkedHashMap<>();
    for (Map.Entry<Step.Target, List<Instant>> t : facts.attemptEnds().entrySet()) {
      List<LogEntry> requests = byTarget.getOrDefault(t.getKey(), List.of());
      List<Instant> ends = t.getValue().stream().sorted().toList();
      Instant previous = Instant.MIN;
      boolean explained = true;
      for (Instant end : ends) {
        Fault cause = lastFault(requests, previous, end);
        String name =
            cause != null
                ? faultName(cause)
                : facts.timeouts().contains(end) ? "replica killed (job timed out)" : "no fault";
        if (cause == null && !facts.timeouts().contains(end)) {
          explained = false;
        }
        zeebe.merge(name, 1, Integer::sum);
        previous = end;
      }
      everyEndExplained.put(t.getKey(), explained);
    }

    // 1: outcomes
    int explainedIncidents = 0;
    int lost = 0;
    for (Map.Entry<String, RunFacts.Outcome> o : facts.outcomes().entrySet()) {
      RunFacts.Outcome outcome = o.getValue();
      switch (outcome.kind()) {
        case UNFINISHED -> {
          lost++;
          violations.add(o.getKey() + " never finished: a job was lost");
        }
        case INCIDENT -> {
          Step.Target target = new Step.Target(o.getKey(), outcome.step());
          boolean failed = !facts.attemptEnds().getOrDefault(target, List.of()).isEmpty();
          if (outcome.step() != null && failed && everyEndExplained.getOrDefault(target, false)) {
            explainedIncidents++;
          } else {
            violations.add(
                o.getKey()
                    + " raised an incident that no injected fault explains: "
                    + outcome.message());
          }
        }
        case COMPLETED -> {}
      }
    }

    // 2: one record per correlation id
    int duplicates = 0;
    for (Map.Entry<String, Long> r : facts.recordsPerKey().entrySet()) {
      if (r.getValue() > 1) {
        duplicates++;
        violations.add(r.getValue() + " incidents carry correlation_id " + r.getKey());
      }
    }
    facts
        .keyOfIncident()
        .forEach(
            (sysId, key) -> {
              if (key == null || key.isEmpty()) {
                violations.add(
                    "incident " + sysId + " carries no correlation_id: the load never creates one");
              }
            });
    for (Map.Entry<String, RunFacts.Outcome> o : facts.outcomes().entrySet()) {
      if (o.getValue().kind() == RunFacts.Kind.COMPLETED
          && facts.recordsPerKey().getOrDefault(o.getKey(), 0L) == 0) {
        violations.add(o.getKey() + " completed without an incident carrying its correlation_id");
      }
    }

    // 4: no job worked on by two replicas
    facts
        .rejectedJobCommands()
        .forEach(
            (command, count) ->
                violations.add(
                    count
                        + " job command(s) rejected ("
                        + command
                        + "): a job was worked on after its timeout gave it to another replica"
                        + " (raise the job timeout)"));

    // 5: tokens
    if (facts.tokenRequests() > facts.tokenBound().value()) {
      violations.add(
          facts.tokenRequests()
              + " token requests, more than the bound of "
              + facts.tokenBound().value()
              + " ("
              + facts.tokenBound().explanation()
              + ")");
    }

    // 6: secrets
    facts
        .secretFindings()
        .forEach(
            (where, forms) -> {
              if (!forms.isEmpty()) {
                violations.add(
                    forms.size() + " secret form(s) in " + where + " (values not repeated here)");
              }
            });

    return new Verdict(
        List.copyOf(violations),
        injected,
        inCall,
        zeebe,
        explainedIncidents,
        duplicates,
        resent,
        lost);
  }

  /**
   * Whether the client could not know that a write did not happen: the connection broke (before or
   * after ServiceNow processed it: the client cannot tell which), or an answer came that does not
   * prove nothing was done. Only 401 (the token was refused), 429 and 503 prove that; after them a
   * write may be sent again within the same attempt.
   */
  static boolean mayHaveBeenCommitted(LogEntry e) {
    if (e.outcome() != LogEntry.Outcome.ANSWERED) {
      return true;
    }
    return e.status() != 401 && e.status() != 429 && e.status() != 503;
  }

  /** The next request after index {@code i} with the same method, path, query and body. */
  private static LogEntry nextSame(List<LogEntry> requests, int i) {
    LogEntry first = requests.get(i);
    for (int j = i + 1; j < requests.size(); j++) {
      LogEntry e = requests.get(j);
      if (e.method().equals(first.method())
          && e.path().equals(first.path())
          && e.query().equals(first.query())
          && Objects.equals(e.request().body(), first.request().body())) {
        return e;
      }
    }
    return null;
  }

  private static boolean endsBetween(List<Instant> ends, Instant from, Instant to) {
    return ends.stream().anyMatch(end -> end.isAfter(from) && end.isBefore(to));
  }

  private static Fault lastFault(List<LogEntry> requests, Instant after, Instant upTo) {
    Fault last = null;
    for (LogEntry e : requests) {
      if (e.fault() != null && e.receivedAt().isAfter(after) && !e.receivedAt().isAfter(upTo)) {
        last = e.fault();
      }
    }
    return last;
  }

  /** A short, stable name for a fault, as the report shows it. */
  static String faultName(Fault fault) {
    return switch (fault) {
      case null -> "none";
      case Fault.Status s when s.status() == 429 ->
          "429 Retry-After " + s.headers().get("Retry-After") + " s";
      case Fault.Status s when s.contentType().startsWith("text/html") -> s.status() + " HTML page";
      case Fault.Status s -> Integer.toString(s.status());
      case Fault.DropBeforeProcessing d -> "reset before processing";
      case Fault.DropAfterProcessing d -> "reset after processing";
      case Fault.Delay d -> "slow answer " + d.delay().toMillis() + " ms";
      case Fault.AnswerLate a -> "late answer " + a.delay().toMillis() + " ms";
    };
  }
}
