package io.github.sncamunda.servicenow.scale;

import io.github.sncamunda.servicenow.simulator.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the invariant check reads after a run, gathered from the simulator (its request log
 * and records), the engine's record stream and the replicas' logs; plain data, so a test can feed
 * the checker a run that never happened.
 *
 * @param requests the simulator's request log, in arrival order
 * @param keyOfIncident incident sys_id → its correlation_id
 * @param recordsPerKey how many incidents carry each correlation_id
 * @param outcomes business key → how its process instance ended
 * @param attemptEnds per task of an instance, when the engine ended a job attempt without success
 *     (FAILED or TIMED_OUT events)
 * @param attemptStarts per task of an instance, when the engine handed its job to a worker
 *     (ACTIVATED events): a job that outlived its timeout and was activated again is worked in a
 *     new attempt, possibly by another replica, even while the old worker still sends
 * @param timeouts when jobs timed out (TIMED_OUT events)
 * @param rejectedJobCommands job commands (complete, fail, throw error) the engine rejected, by
 *     command and reason: a worker answering for a job it no longer held
 * @param tokenRequests calls to the OAuth token endpoint
 * @param tokenBound the most token requests the fleet may make (see {@link TokenBound})
 * @param secretFindings where a known secret (or an encoded form) was found → which forms
 */
record RunFacts(
    List<LogEntry> requests,
    Map<String, String> keyOfIncident,
    Map<String, Long> recordsPerKey,
    Map<String, Outcome> outcomes,
    Map<Step.Target, List<Instant>> attemptEnds,
    Map<Step.Target, List<Instant>> attemptStarts,
    List<Instant> timeouts,
    Map<String, Integer> rejectedJobCommands,
    long tokenRequests,
    TokenBound tokenBound,
    Map<String, List<String>> secretFindings) {

  enum Kind {
    COMPLETED,
    INCIDENT,
    UNFINISHED
  }

  /** How one process instance ended; {@code step} and {@code message} only for an incident. */
  record Outcome(Kind kind, Step step, String message) {
    static Outcome completed() {
      return new Outcome(Kind.COMPLETED, null, null);
    }

    static Outcome incident(Step step, String message) {
      return new Outcome(Kind.INCIDENT, step, message);
    }

    static Outcome unfinished() {
      return new Outcome(Kind.UNFINISHED, null, null);
    }
  }

  /**
   * The token requests the fleet may make: each replica JVM one per token lifetime it was alive
   * (rounded up; the client renews 60 s before expiry, so the lifetime counted is {@code expires_in
   * - 60 s}), plus one per replica alive at each revocation (the 401 renews once).
   */
  record TokenBound(long value, String explanation) {}
}
