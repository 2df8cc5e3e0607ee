package io.github.sncamunda.servicenow.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized scale-out run: 200 instances of the load process at 20 per second on two connectors
 * runtime replicas (JVMs of their own) against one engine and the simulator, with the fault mix on
 * every API request, one replica killed with jobs in flight and restarted, and every access token
 * revoked mid-run. Asserts the invariants, not the speed (the figures are in docs/scaling.md, from
 * the full run).
 */
class ScaleOutTest {

  static final int INSTANCES = 200;

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
            Duration.ofSeconds(20),
            ScaleRun.Faults.all(10),
            1800,
            "TRACE",
            "DEBUG",
            18L,
            // C1 only: quicker start-up on a busy 2-core machine; the measured runs use the full
            // JIT
            List.of("-XX:TieredStopAtLevel=1"),
            Path.of("target", "scale"));
    try (ScaleRun run = new ScaleRun(settings, System.out::println).start()) {
      run.openLoop(INSTANCES, 20, Duration.ofSeconds(100));

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
