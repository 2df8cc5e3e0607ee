package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.protocol.record.Record;
import io.github.sncamunda.servicenow.security.SecretScan;
import io.github.sncamunda.servicenow.simulator.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs Basic, OAuth and failing calls through the runtime, then looks for the secret values (and
 * the OAuth access tokens ServiceNow issued) in every engine record and in the runtime's log.
 */
class SecretsInRuntimeE2ETest extends RuntimeTestSupport {

  @Test
  void noSecretReachesTheEngineOrTheLog() throws Exception {
    deploy("examples-bpmn", "change-approval-notes");
    deploy("e2e-bpmn", "e2e-oauth-secrets");
    deploy("e2e-bpmn", "e2e-read-retries");
    deploy("e2e-bpmn", "e2e-read-missing");
    runToCompletion(
        "servicenow-change-approval-notes",
        Map.of("host", "secret-scan", "version", "1", "approver", "CAB"));
    runToCompletion("e2e-oauth-secrets", Map.of("run", 1));
    runToCompletion("e2e-read-missing", Map.of("sysId", "missing"));
    SERVICENOW.failNext(10, "GET", "/api/now/table/incident", Fault.serverError());
    long failing = start("e2e-read-retries", Map.of("sysId", "abc"));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> incidentOf(failing).isPresent());
    List<String> issuedTokens = new ArrayList<>(SERVICENOW.activeAccessTokens());
    assertThat(issuedTokens).isNotEmpty();

    String engine = records().stream().map(Record::toJson).collect(Collectors.joining("\n"));
    String log = Files.readString(Path.of("target", "unit-tests.log"));
    assertThat(engine)
        .contains("{{secrets.snPwd}}", "CHG0010001"); // the scan sees the real records
    assertThat(log).contains("io.camunda.connector"); // and the runtime's log
    // the runtime logs our loggers at TRACE and HttpClient's header/wire loggers at TRACE
    // (logback-test.xml): every form of every secret must still be absent
    SecretScan scan =
        new SecretScan().basic(USER, PASSWORD).secret(CLIENT_SECRET).secret(SCAN_CLIENT_SECRET);
    issuedTokens.forEach(scan::secret);
    assertThat(scan.findings(engine)).as("engine records").isEmpty();
    assertThat(scan.findings(log)).as("log").isEmpty();
  }
}
