package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write whose outcome is unknown (sent, then the connection broke or a gateway answered 504) is
 * not sent again by the client, and not by a retried job either unless the operation looks before
 * it writes: such failures carry no job retries. Reads and keyed creates keep the job's retries.
 */
class UnknownOutcomeTest extends RecordWireMockTest {

  private static final String INCIDENTS = "/api/now/table/incident";

  private static void assertNoJobRetries(Throwable thrown, String code) {
    assertThat(thrown)
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getRetries()).isZero();
              assertThat(e.getErrorCode()).isEqualTo(code);
              assertThat(e.getMessage()).contains("the job is not retried");
            });
  }

  private static void assertJobMayRetry(Throwable thrown, String code) {
    assertThat(thrown).isInstanceOf(ConnectorException.class);
    assertThat(thrown).isNotInstanceOf(ConnectorRetryException.class);
    assertThat(((ConnectorException) thrown).getErrorCode()).isEqualTo(code);
  }

  @Test
  void aWorkNoteWhoseAnswerWasLostIsLookedUpInTheJournalAndNotSentAgain() {
    wm.stubFor(
        patch(urlPathEqualTo(INCIDENTS + "/" + SYS_ID))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        get(urlPathEqualTo("/api/now/table/sys_journal_field"))
            .willReturn(okJson(result("[{\"element\":\"work_notes\",\"value\":\"once\"}]"))));
    wm.stubFor(
        get(urlPathEqualTo(INCIDENTS + "/" + SYS_ID))
            .willReturn(okJson(result("{\"sys_id\":\"" + SYS_ID + "\"}"))));

    Object result =
        run(
            listed("incident"),
            Map.of("operation", "addWorkNote", "sysId", SYS_ID, "text", "once"));

    assertThat(asVariables(result)).containsEntry("sysId", SYS_ID);
    wm.verify(1, patchRequestedFor(urlPathEqualTo(INCIDENTS + "/" + SYS_ID)));
    wm.verify(
        getRequestedFor(urlPathEqualTo("/api/now/table/sys_journal_field"))
            .withQueryParam(
                "sysparm_query",
                matching("element_id=" + SYS_ID + "\\^sys_created_on>=.*\\^sys_created_by=.*")));
  }

  @Test
  void aCreateWithoutACorrelationIdAnsweredByAGateway504IsNotRetriedByTheJob() {
    wm.stubFor(post(urlPathEqualTo(INCIDENTS)).willReturn(aResponse().withStatus(504)));

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    listed("incident"),
                    Map.of("operation", "create", "payload", Map.of("short_description", "x"))));

    assertNoJobRetries(thrown, "504");
    wm.verify(1, postRequestedFor(urlPathEqualTo(INCIDENTS)));
  }

  @Test
  void aCreateWithACorrelationIdLooksBeforeEachResendAndThenKeepsTheJobsRetries() {
    wm.stubFor(get(urlPathEqualTo(INCIDENTS)).willReturn(okJson(result("[]"))));
    wm.stubFor(
        post(urlPathEqualTo(INCIDENTS))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    listed("incident"),
                    Map.of(
                        "operation",
                        "create",
                        "payload",
                        Map.of("short_description", "x"),
                        "correlationId",
                        "order-7")));

    assertJobMayRetry(thrown, ErrorCodes.CONNECTION_FAILED);
    assertThat(thrown).hasMessageContaining("ServiceNow did not do it (looked)");
    int posts = wm.findAll(postRequestedFor(urlPathEqualTo(INCIDENTS))).size();
    assertThat(posts).isGreaterThan(1);
    // one look-up before the first insert, one look after each lost answer
    wm.verify(posts + 1, getRequestedFor(urlPathEqualTo(INCIDENTS)));
  }

  @Test
  void aReadThatTimedOutKeepsTheJobsRetries() {
    wm.stubFor(
        get(urlPathEqualTo(INCIDENTS + "/" + SYS_ID))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable thrown =
        catchThrowable(() -> run(listed("incident"), Map.of("operation", "read", "sysId", SYS_ID)));

    assertJobMayRetry(thrown, ErrorCodes.CONNECTION_FAILED);
  }

  @Test
  void aDeleteResentAfterItsAnswerWasLostAndThenNotFoundHasDeletedTheRecord() {
    String record = INCIDENTS + "/" + SYS_ID;
    wm.stubFor(
        delete(urlPathEqualTo(record))
            .inScenario("delete")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("gone"));
    wm.stubFor(
        delete(urlPathEqualTo(record))
            .inScenario("delete")
            .whenScenarioStateIs("gone")
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record doesn't"
                        + " exist or ACL restricts the record retrieval\"},\"status\":\"failure\"}",
                    404)));

    Object result = run(listed("incident"), Map.of("operation", "delete", "sysId", SYS_ID));

    assertThat(asVariables(result)).containsEntry("deleted", true);
    wm.verify(2, deleteRequestedFor(urlPathEqualTo(record)));
  }

  @Test
  void aDeleteOfARecordThatWasNeverThereIsStillNotFound() {
    wm.stubFor(
        delete(urlPathEqualTo(INCIDENTS + "/" + SYS_ID))
            .willReturn(jsonResponse("{\"error\":{\"message\":\"No Record found\"}}", 404)));

    Throwable thrown =
        catchThrowable(
            () -> run(listed("incident"), Map.of("operation", "delete", "sysId", SYS_ID)));

    assertJobMayRetry(thrown, "404");
  }

  @Test
  void anOrderWhoseItemsCouldNotBeReadIsNotPlacedAgainByARetriedJob() {
    String item = "060f3afa3731300054b6a3549dbe5d3e";
    String orderNow = "/api/sn_sc/servicecatalog/items/" + item + "/order_now";
    wm.stubFor(
        post(urlPathEqualTo(orderNow))
            .willReturn(
                okJson(
                    result(
                        "{\"sys_id\":\"b8f7d0a1c3a0a010e5e2b8d4e0d3e4f1\","
                            + "\"number\":\"REQ0010042\"}"))));
    wm.stubFor(get(urlPathEqualTo("/api/now/table/sc_req_item")).willReturn(serverError()));

    Throwable thrown =
        catchThrowable(() -> run(null, Map.of("operation", "orderCatalogItem", "itemSysId", item)));

    assertNoJobRetries(thrown, "500");
    assertThat(thrown).hasMessageContaining("ordered request 'REQ0010042'");
    wm.verify(1, postRequestedFor(urlPathEqualTo(orderNow)));
  }

  @Test
  void aSecondUploadThatFailsDoesNotLetTheJobAttachTheFirstAgain() {
    String upload = "/api/now/attachment/file";
    wm.stubFor(
        post(urlPathEqualTo(upload))
            .inScenario("uploads")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                jsonResponse(
                    result(
                        "{\"sys_id\":\"att1\",\"file_name\":\"a.txt\",\"size_bytes\":\"1\","
                            + "\"content_type\":\"text/plain\"}"),
                    201))
            .willSetStateTo("second"));
    wm.stubFor(
        post(urlPathEqualTo(upload))
            .inScenario("uploads")
            .whenScenarioStateIs("second")
            .willReturn(serverError()));
    byte[] one = "a".getBytes(StandardCharsets.UTF_8);

    Throwable thrown =
        catchThrowable(
            () ->
                run(
                    listed("incident"),
                    Map.of(
                        "operation",
                        "uploadAttachments",
                        "sysId",
                        SYS_ID,
                        "skipExisting",
                        false,
                        "documents",
                        List.of(
                            Documents.reference(Documents.create(one, "a.txt", "text/plain")),
                            Documents.reference(Documents.create(one, "b.txt", "text/plain"))))));

    assertNoJobRetries(thrown, "500");
    assertThat(thrown).hasMessageContaining("attached 'a.txt'");
    wm.verify(2, postRequestedFor(urlPathEqualTo(upload)));
  }
}
