package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized scale-out run: 200 instances of the load process at 10 per second on two connectors
 * runtime replicas (JVMs of their own) against one engine and the simulator, with the fault mix on
 * every API request, one replica killed with jobs in flight and restarted, and every access token
 * revoked mid-run. Asserts the invariants, not the speed (the figures are in docs/scaling.md, from
 * the full run).
 *
 * <p>Sized for a busy machine (it passed at a load average of about 20 on 2 cores): the connector's
 * longest possible time per call stays below the job timeout, so a job outlives its timeout only
 * when its replica is killed; and the drain waits for the killed replica's jobs to time out.
 */
class ScaleOutTest {

  static final int INSTANCES = 200;

  /** The replicas' client limits (read from system properties like the runtime's environment). */
  static final int CONNECT_SECONDS = 2;

  static final int RESPONSE_SECONDS = 8;
  static final int SENDS_PER_EXCHANGE = 3;
  static final int RETRY_WAIT_SECONDS = 6;

  /**
   * The longest a call can take: the token exchange and the request, each at most {@code
   * SENDS_PER_EXCHANGE} sends of connect + response time plus the retry waits.
   */
  static final Duration LONGEST_CALL =
      Duration.ofSeconds(
          2L * (SENDS_PER_EXCHANGE * (CONNECT_SECONDS + RESPONSE_SECONDS) + RETRY_WAIT_SECONDS));

  static final Duration JOB_TIMEOUT = LONGEST_CALL.plusSeconds(18);

  @Test
  void twoReplicasUnderFaultsLoseNothingDuplicateNothingAndLeakNothing() {
    ScaleRun.Settings settings =
        new ScaleRun.Settings(
            "ci",
            ScaleRun.Connector.OURS,
            2,
            10,
            10,
            true,
            JOB_TIMEOUT,
            ScaleRun.Faults.all(10),
            1800,
            "TRACE",
            "DEBUG",
            18L,
            List.of(
                // C1 only: quicker start-up on a busy 2-core machine; the measured runs use the
                // full JIT
                "-XX:TieredStopAtLevel=1",
                "-DSERVICENOW_CONNECT_TIMEOUT_SECONDS=" + CONNECT_SECONDS,
                "-DSERVICENOW_RESPONSE_TIMEOUT_SECONDS=" + RESPONSE_SECONDS,
                "-DSERVICENOW_RETRY_MAX_ATTEMPTS=" + SENDS_PER_EXCHANGE,
                "-DSERVICENOW_RETRY_BUDGET_SECONDS=" + RETRY_WAIT_SECONDS),
            Path.of("target", "scale"));
    try (ScaleRun run = new ScaleRun(settings, System.out::println).start()) {
      // the killed replica's jobs come back after JOB_TIMEOUT; then the backlog drains
      run.openLoop(INSTANCES, 10, JOB_TIMEOUT.plusSeconds(210));

      RunChecker.Verdict verdict = RunChecker.check(run.facts());
      RunFigures figures = RunFigures.of(run, verdict);
      System.out.println(figures.summary());
      System.out.println("faults " + verdict.faultsInjected());
      System.out.println("in-call retries " + verdict.inCallRetries());
      System.out.println("Zeebe retries " + verdict.zeebeRetries());

      assertThat(run.backgroundFailures()).isEmpty();
      assertThat(verdict.violations()).isEmpty();
      assertThat(figures.started()).isEqualTo(INSTANCES);
      assertThat(figures.completed() + figures.incidents()).isEqualTo(INSTANCES);
      assertThat(verdict.incidentsExplained()).isEqualTo(figures.incidents());
      // the faults really happened, so the invariants were tested under them
      assertThat(figures.kills()).isEqualTo(1);
      assertThat(figures.revocations()).isEqualTo(1);
      assertThat(verdict.faultsInjected())
          .containsKeys(
              "429 Retry-After 1 s",
              "503 HTML page",
              "reset after processing",
              "reset before processing",
              "slow answer 1500 ms");
      assertThat(verdict.zeebeRetries()).containsKey("reset after processing");
      assertThat(figures.jobsByReplica())
          .allSatisfy((replica, jobs) -> assertThat(jobs).isPositive());
    }
  }
}
