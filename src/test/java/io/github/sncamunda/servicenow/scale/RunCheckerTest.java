package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sncamunda.servicenow.simulator.Fault;
import io.github.sncamunda.servicenow.simulator.LogEntry;
import io.github.sncamunda.servicenow.simulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The invariant check fed runs that never happened: a careful client passes, and each deliberately
 * broken variant (a POST re-sent after a reset, a PATCH re-sent after a committed but slow answer,
 * a second incident for a Correlation ID, a lost job, an incident nothing explains, a job timing
 * out on a live replica, too many token requests, a leaked secret) fails with its reason.
 */
class RunCheckerTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final String KEY = "order-1";
  private static final String SYS_ID = "0123456789abcdef0123456789abcdef";
  private static final String CREATE_BODY =
      "{\"short_description\":\"Scale order-1\",\"correlation_id\":\"order-1\"}";

  private final List<LogEntry> log = new ArrayList<>();
  private final Map<Step.Target, List<Instant>> ends = new HashMap<>();
  private final Map<Step.Target, List<Instant>> starts = new HashMap<>();
  private final Map<String, RunFacts.Outcome> outcomes = new HashMap<>(Map.of(KEY, done()));
  private final Map<String, Long> records = new HashMap<>(Map.of(KEY, 1L));
  private final Map<String, String> keyOfIncident = new HashMap<>(Map.of(SYS_ID, KEY));
  private final List<Instant> timeouts = new ArrayList<>();
  private final Map<String, Integer> rejected = new HashMap<>();
  private long tokenRequests = 1;
  private List<String> leaked = List.of();

  private static RunFacts.Outcome done() {
    return RunFacts.Outcome.completed();
  }

  private LogEntry request(
      long millis,
      String method,
      String path,
      Map<String, String> query,
      String body,
      Fault fault,
      LogEntry.Outcome outcome,
      int status) {
    Instant at = T0.plusMillis(millis);
    LogEntry e =
        new LogEntry(
            log.size() + 1,
            at,
            "admin",
            fault,
            outcome,
            status,
            !(fault instanceof Fault.Status) && !(fault instanceof Fault.DropBeforeProcessing),
            body.length(),
            at.plusMillis(5),
            new RecordedRequest(method, path, query, Map.of(), body, "127.0.0.1:50000", at));
    log.add(e);
    return e;
  }

  private void post(long millis, Fault fault, LogEntry.Outcome outcome, int status) {
    request(millis, "POST", Step.INCIDENTS, Map.of(), CREATE_BODY, fault, outcome, status);
  }

  private void lookup(long millis, int found) {
    request(
        millis,
        "GET",
        Step.INCIDENTS,
        Map.of("sysparm_query", "correlation_id=" + KEY, "sysparm_limit", "1"),
        "",
        null,
        LogEntry.Outcome.ANSWERED,
        200);
  }

  private void attemptEnded(Step step, long millis) {
    ends.computeIfAbsent(new Step.Target(KEY, step), t -> new ArrayList<>())
        .add(T0.plusMillis(millis));
  }

  private RunChecker.Verdict check() {
    return RunChecker.check(facts());
  }

  private RunFacts facts() {
    return (new RunFacts(
        log,
        keyOfIncident,
        records,
        outcomes,
        ends,
        starts,
        timeouts,
        rejected,
        tokenRequests,
        new RunFacts.TokenBound(2, "two replicas, one token lifetime"),
        Map.of("replica-1-1.log", leaked)));
  }

  @Test
  void aWriteDoneTwiceIsPutDownToAReplicaKillOnlyWhenAJobTimeoutLiesBetweenTheTwoSends() {
    lookup(0, 0);
    post(10, null, LogEntry.Outcome.ANSWERED, 201);
    String note = "{\"work_notes\":\"note\"}";
    String path = Step.INCIDENTS + "/" + SYS_ID;
    request(100, "PATCH", path, Map.of(), note, null, LogEntry.Outcome.ANSWERED, 200);
    request(200, "PATCH", path, Map.of(), note, null, LogEntry.Outcome.ANSWERED, 200);

    assertThat(RunFigures.writtenTwiceAcrossTimeout(facts())).isEmpty();

    timeouts.add(T0.plusMillis(150)); // the first sender was killed; the job timed out
    assertThat(RunFigures.writtenTwiceAcrossTimeout(facts())).containsExactly(Map.entry("note", 1));
  }

  @Test
  void aCarefulClientLooksTheCorrelationIdUpAfterAResetInsteadOfPostingAgain() {
    lookup(0, 0);
    post(10, Fault.dropAfterProcessing(), LogEntry.Outcome.DROPPED, -1);
    attemptEnded(Step.CREATE, 50); // the connector failed the job: CONNECTION_FAILED
    lookup(3_050, 1); // Zeebe's retry after PT3S finds the record
    request(
        3_100,
        "PATCH",
        Step.INCIDENTS + "/" + SYS_ID,
        Map.of(),
        "{\"work_notes\":\"note\"}",
        null,
        LogEntry.Outcome.ANSWERED,
        200);

    RunChecker.Verdict verdict = check();

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.zeebeRetries()).containsEntry("reset after processing", 1);
    assertThat(verdict.inCallRetries()).isEmpty();
  }

  @Test
  void aPostSentAgainAfterAResetInTheSameAttemptFailsTheCheck() {
    lookup(0, 0);
    post(10, Fault.dropAfterProcessing(), LogEntry.Outcome.DROPPED, -1);
    post(60, null, LogEntry.Outcome.ANSWERED, 201); // the broken client: "just send it again"
    records.put(KEY, 2L);

    RunChecker.Verdict verdict = check();

    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.resentAfterAmbiguity()).isEqualTo(1);
    assertThat(verdict.duplicateKeys()).isEqualTo(1);
    assertThat(verdict.violations())
        .anySatisfy(
            v ->
                assertThat(v)
                    .contains(
                        "POST /api/now/table/incident for order-1 was sent again (request #3)",
                        "request #2, reset after processing, DROPPED"))
        .anySatisfy(v -> assertThat(v).isEqualTo("2 incidents carry correlation_id order-1"));
  }

  @Test
  void aWriteSentAgainAfterAResetBeforeProcessingIsNotDoneTwice() {
    post(10, Fault.dropBeforeProcessing(), LogEntry.Outcome.DROPPED, -1);
    lookup(30, 0); // the connector looked and found nothing
    post(60, null, LogEntry.Outcome.ANSWERED, 201);

    assertThat(check().resentAfterAmbiguity()).isZero();
  }

  @Test
  void aPatchSentAgainAfterASlowButSuccessfulAnswerFailsTheCheck() {
    for (int i = 0; i < 2; i++) {
      request(
          100 + i * 1600,
          "PATCH",
          Step.INCIDENTS + "/" + SYS_ID,
          Map.of(),
          "{\"work_notes\":\"note\"}",
          i == 0 ? Fault.delay(Duration.ofMillis(1500)) : null,
          LogEntry.Outcome.ANSWERED,
          200);
    }

    assertThat(check().violations())
        .singleElement()
        .asString()
        .contains("PATCH", "slow answer 1500 ms, ANSWERED 200");
  }

  @Test
  void answersThatProveNothingWasWrittenMaySendAgainInTheSameAttempt() {
    post(10, Fault.tooManyRequests(1), LogEntry.Outcome.ANSWERED, 429);
    post(1_020, Fault.serviceUnavailableHtml(), LogEntry.Outcome.ANSWERED, 503);
    post(1_500, null, LogEntry.Outcome.ANSWERED, 401); // a revoked token, renewed once
    post(1_520, null, LogEntry.Outcome.ANSWERED, 201);

    RunChecker.Verdict verdict = check();

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.inCallRetries())
        .containsEntry("429 Retry-After 1 s", 1)
        .containsEntry("503 HTML page", 1);
  }

  private void attemptStarted(Step step, long millis) {
    starts
        .computeIfAbsent(new Step.Target(KEY, step), t -> new ArrayList<>())
        .add(T0.plusMillis(millis));
  }

  @Test
  void aSendOfAWorkerThatOutlivedItsJobTimeoutAndTheNextActivationsSendAreTwoAttempts() {
    // activated at 0; timed out at 20 s while the worker was still busy; the late worker then
    // posts (reset after processing) and the job's next activation, on another replica, posts too
    attemptStarted(Step.CREATE, 0);
    attemptEnded(Step.CREATE, 20_000);
    timeouts.add(T0.plusMillis(20_000));
    post(21_000, Fault.dropAfterProcessing(), LogEntry.Outcome.DROPPED, -1);
    attemptStarted(Step.CREATE, 22_000);
    post(22_100, null, LogEntry.Outcome.ANSWERED, 201);

    assertThat(check().violations()).isEmpty();

    // without the second activation between them, the two sends are one attempt: a violation
    starts.clear();
    attemptStarted(Step.CREATE, 0);
    assertThat(check().violations())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("was sent again (request #2) in the same job attempt");
  }

  @Test
  void aPostSentAgainAfterTheEngineEndedTheAttemptIsAZeebeRetryNotAViolation() {
    post(10, Fault.dropBeforeProcessing(), LogEntry.Outcome.DROPPED, -1);
    attemptEnded(Step.CREATE, 40);
    post(3_040, null, LogEntry.Outcome.ANSWERED, 201);

    RunChecker.Verdict verdict = check();

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.zeebeRetries()).containsEntry("reset before processing", 1);
  }

  @Test
  void aLostJobFailsTheCheck() {
    outcomes.put(KEY, RunFacts.Outcome.unfinished());

    assertThat(check().violations()).containsExactly("order-1 never finished: a job was lost");
    assertThat(check().lost()).isEqualTo(1);
  }

  @Test
  void anIncidentIsExplainedOnlyWhenEveryFailedAttemptMetAFault() {
    outcomes.put(KEY, RunFacts.Outcome.incident(Step.CREATE, "JOB_NO_RETRIES: 429 …"));
    records.remove(KEY);
    for (int i = 0; i < 3; i++) {
      post(i * 20_000L, Fault.tooManyRequests(20), LogEntry.Outcome.ANSWERED, 429);
      attemptEnded(Step.CREATE, i * 20_000L + 10);
    }
    assertThat(check().violations()).isEmpty();
    assertThat(check().incidentsExplained()).isEqualTo(1);

    attemptEnded(Step.CREATE, 70_000); // a fourth failure with no fault behind it
    assertThat(check().violations())
        .singleElement()
        .asString()
        .contains("raised an incident that no injected fault explains");
  }

  @Test
  void aNotesJournalLookAndTheReadAfterItCountAsTheNoteTasksRequests() {
    String path = Step.INCIDENTS + "/" + SYS_ID;
    LogEntry look =
        request(
            0,
            "GET",
            Step.JOURNAL,
            Map.of(
                "sysparm_query", "element_id=" + SYS_ID + "^sys_created_on>=2026-11-29 09:59:00"),
            "",
            null,
            LogEntry.Outcome.ANSWERED,
            200);
    LogEntry read = request(10, "GET", path, Map.of(), "", null, LogEntry.Outcome.ANSWERED, 200);
    LogEntry elsewhere =
        request(
            20,
            "GET",
            Step.JOURNAL,
            Map.of("sysparm_query", "element_id=fedcba9876543210fedcba9876543210"),
            "",
            null,
            LogEntry.Outcome.ANSWERED,
            200);

    Step.Target note = new Step.Target(KEY, Step.NOTE);
    assertThat(Step.of(look, keyOfIncident)).isEqualTo(note);
    assertThat(Step.of(read, keyOfIncident)).isEqualTo(note);
    assertThat(Step.of(elsewhere, keyOfIncident)).isNull();
    assertThat(Step.write(look)).isFalse();
  }

  @Test
  void aCompletedInstanceWithoutItsRecordFailsTheCheck() {
    records.remove(KEY);

    assertThat(check().violations())
        .containsExactly("order-1 completed without an incident carrying its correlation_id");
  }

  @Test
  void anIncidentWithoutACorrelationIdFailsTheCheck() {
    keyOfIncident.put("fedcba9876543210fedcba9876543210", "");

    assertThat(check().violations())
        .containsExactly(
            "incident fedcba9876543210fedcba9876543210 carries no correlation_id: the load never"
                + " creates one");
  }

  @Test
  void aJobTimedOutAfterAKillIsAZeebeRetryButAJobWorkedOnTwiceFailsTheCheck() {
    lookup(0, 0); // the killed replica's attempt: no fault, never answered to the engine
    attemptEnded(Step.CREATE, 30_000);
    timeouts.add(T0.plusMillis(30_000));
    lookup(30_100, 0);
    post(30_120, null, LogEntry.Outcome.ANSWERED, 201);
    assertThat(check().violations()).isEmpty();
    assertThat(check().zeebeRetries()).containsEntry("replica killed (job timed out)", 1);

    rejected.put("JOB/COMPLETE INVALID_STATE", 1); // a live replica answered too late
    assertThat(check().violations())
        .singleElement()
        .asString()
        .contains("1 job command(s) rejected (JOB/COMPLETE INVALID_STATE)");
  }

  @Test
  void tooManyTokenRequestsAndLeakedSecretsFailTheCheck() {
    tokenRequests = 3;
    leaked = List.of("a secret form of 20 characters");

    assertThat(check().violations())
        .containsExactly(
            "3 token requests, more than the bound of 2 (two replicas, one token lifetime)",
            "1 secret form(s) in replica-1-1.log (values not repeated here)");
  }
}
