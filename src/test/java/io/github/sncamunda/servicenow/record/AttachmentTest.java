package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.sncamunda.servicenow.attachment.AttachmentPage;
import io.github.sncamunda.servicenow.attachment.DeletedAttachment;
import io.github.sncamunda.servicenow.attachment.DownloadedAttachments;
import io.github.sncamunda.servicenow.attachment.UploadedAttachments;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attachments as Camunda documents, through the SDK binding with the runtime's document store. */
class AttachmentTest extends RecordWireMockTest {

  private static final String UPLOAD = "/api/now/attachment/file";
  private static final String LIST = "/api/now/attachment";
  private static final byte[] REPORT =
      "Step 3 failed: disk full on db01\n\u00e9\u00e8 and binary \u0000\u0001 bytes"
          .getBytes(StandardCharsets.UTF_8);

  private static String attachment(String sysId, String name, long size, String type) {
    return "{\"sys_id\":\""
        + sysId
        + "\",\"file_name\":\""
        + name
        + "\",\"size_bytes\":\""
        + size
        + "\",\"content_type\":\""
        + type
        + "\",\"table_name\":\"incident\",\"table_sys_id\":\""
        + SYS_ID
        + "\"}";
  }

  private Object upload(List<Document> documents, Map<String, Object> more) {
    Map<String, Object> operation = new java.util.HashMap<>(more);
    operation.put("operation", "uploadAttachments");
    operation.put("sysId", SYS_ID);
    operation.put("documents", documents.stream().map(Documents::reference).toList());
    return run(listed("incident"), operation);
  }

  @Test
  void uploadStreamsTheExactBytesWithTheDocumentsContentType() {
    wm.stubFor(get(urlPathEqualTo(LIST)).willReturn(okJson(result("[]"))));
    wm.stubFor(
        post(urlPathEqualTo(UPLOAD))
            .willReturn(
                jsonResponse(
                    result(attachment("att1", "failure-report.txt", REPORT.length, "text/plain")),
                    201)));
    Document report = Documents.create(REPORT, "failure-report.txt", "text/plain");

    UploadedAttachments uploaded = (UploadedAttachments) upload(List.of(report), Map.of());

    assertThat(uploaded.count()).isEqualTo(1);
    assertThat(uploaded.attachments().get(0).sysId()).isEqualTo("att1");
    assertThat(uploaded.attachments().get(0).skipped()).isNull();
    wm.verify(
        postRequestedFor(urlPathEqualTo(UPLOAD))
            .withQueryParam("table_name", equalTo("incident"))
            .withQueryParam("table_sys_id", equalTo(SYS_ID))
            .withQueryParam("file_name", equalTo("failure-report.txt"))
            .withHeader("Content-Type", equalTo("text/plain"))
            .withHeader("Content-Length", equalTo(String.valueOf(REPORT.length)))
            .withHeader("Authorization", equalTo(BASIC))
            .withRequestBody(binaryEqualTo(REPORT)));
  }

  @Test
  void aFileWithTheSameNameAndSizeIsNotAttachedTwice() {
    wm.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                okJson(
                    result(
                        "["
                            + attachment("att1", "failure-report.txt", REPORT.length, "text/plain")
                            + "]"))));
    Document report = Documents.create(REPORT, "failure-report.txt", "text/plain");

    UploadedAttachments again = (UploadedAttachments) upload(List.of(report), Map.of());

    assertThat(again.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.sysId()).isEqualTo("att1");
              assertThat(a.skipped()).isTrue();
            });
    wm.verify(0, postRequestedFor(urlPathEqualTo(UPLOAD)));
    wm.verify(
        getRequestedFor(urlPathEqualTo(LIST))
            .withQueryParam(
                "sysparm_query",
                equalTo(
                    "table_name=incident^table_sys_id="
                        + SYS_ID
                        + "^file_name=failure-report.txt^ORDERBYsys_created_on")));
  }

  @Test
  void anUploadIsNotSentAgainAfterTheConnectionBrokeMidRequest() {
    wm.stubFor(
        post(urlPathEqualTo(UPLOAD))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Document report = Documents.create(REPORT, "failure-report.txt", "text/plain");

    assertThatThrownBy(() -> upload(List.of(report), Map.of("skipExisting", false)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED));
    wm.verify(1, postRequestedFor(urlPathEqualTo(UPLOAD)));
  }

  @Test
  void aDocumentOverTheLimitIsRefusedBeforeAnythingIsSent() {
    Document small = Documents.create(REPORT, "small.txt", "text/plain");
    Document big =
        Documents.create(new byte[2 * 1024 * 1024 + 1], "big.bin", "application/octet-stream");

    assertThatThrownBy(
            () -> upload(List.of(small, big), Map.of("maxSizeMb", 2, "skipExisting", false)))
        .isInstanceOfSatisfying(
            ConnectorRetryException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTACHMENT_TOO_LARGE);
              assertThat(e.getRetries()).isZero();
              assertThat(e.getMessage()).contains("'big.bin'", "2 MB (2097152 bytes)");
            });
    nothingSent();
  }

  @Test
  void aTaskCannotRaiseTheRuntimesLimit() {
    Document small = Documents.create(REPORT, "small.txt", "text/plain");

    assertThatThrownBy(() -> upload(List.of(small), Map.of("maxSizeMb", 51)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Maximum size must be between 1 and 50 MB");
    nothingSent();
  }

  @Test
  void fileNamesLoseDirectoriesAndInvisibleCharacters() {
    wm.stubFor(
        post(urlPathEqualTo(UPLOAD))
            .willReturn(jsonResponse(result(attachment("att9", "x", 1, "text/plain")), 201)));
    Document sneaky = Documents.create(REPORT, "..\\..//etc/pass\u202Ewd\u0000.txt", "text/plain");

    upload(List.of(sneaky), Map.of("skipExisting", false));

    wm.verify(
        postRequestedFor(urlPathEqualTo(UPLOAD))
            .withQueryParam("file_name", equalTo("passwd.txt")));
  }

  @Test
  void aFileNameOverrideNeedsExactlyOneDocument() {
    Document a = Documents.create(REPORT, "a.txt", "text/plain");
    Document b = Documents.create(REPORT, "b.txt", "text/plain");

    assertThatThrownBy(() -> upload(List.of(a, b), Map.of("fileName", "x.txt")))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("only be set when uploading one document");
    assertThatThrownBy(() -> upload(List.of(), Map.of()))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Documents is required");
    nothingSent();
  }

  @Test
  void listsAttachmentsPagedLikeSearch() {
    wm.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("sysparm_offset", equalTo("0"))
            .willReturn(
                okJson(result("[" + attachment("a1", "one.log", 10, "text/plain") + "]"))
                    .withHeader("X-Total-Count", "2")
                    .withHeader(
                        "Link",
                        "<"
                            + wm.baseUrl()
                            + LIST
                            + "?sysparm_limit=1&sysparm_offset=1>;rel=\"next\"")));
    wm.stubFor(
        get(urlPathEqualTo(LIST))
            .withQueryParam("sysparm_offset", equalTo("1"))
            .willReturn(
                okJson(result("[" + attachment("a2", "two.png", 20, "image/png") + "]"))
                    .withHeader("X-Total-Count", "2")));

    AttachmentPage page =
        (AttachmentPage)
            run(
                listed("incident"),
                Map.of(
                    "operation", "listAttachments", "sysId", SYS_ID, "limit", 1, "allPages", true));

    assertThat(page.attachments())
        .extracting(a -> a.fileName())
        .containsExactly("one.log", "two.png");
    assertThat(page.attachments().get(1).sizeBytes()).isEqualTo(20L);
    assertThat(page.truncated()).isFalse();
  }

  @Test
  void downloadsAnAttachmentIntoADocumentKeepingNameAndType() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo(LIST + "/att1"))
            .willReturn(
                okJson(result(attachment("att1", "evidence.log", REPORT.length, "text/x-log")))));
    wm.stubFor(
        get(urlPathEqualTo(LIST + "/att1/file"))
            .willReturn(aResponse().withHeader("Content-Type", "text/x-log").withBody(REPORT)));

    DownloadedAttachments downloaded =
        (DownloadedAttachments)
            run(
                null,
                Map.of(
                    "operation",
                    "downloadAttachments",
                    "source",
                    "attachment",
                    "attachmentSysId",
                    "att1"));

    Document document = downloaded.documents().get(0);
    assertThat(document.asByteArray()).isEqualTo(REPORT);
    assertThat(document.metadata().getFileName()).isEqualTo("evidence.log");
    assertThat(document.metadata().getContentType()).isEqualTo("text/x-log");
    assertThat(downloaded.attachments().get(0).sysId()).isEqualTo("att1");
    // the result holds document references a later task can bind again
    assertThat(Documents.MAPPER.writeValueAsString(downloaded)).contains("camunda.document.type");
  }

  @Test
  void downloadsTheAttachmentsOfARecordWhoseNamesMatch() {
    wm.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                okJson(
                    result(
                        "["
                            + attachment("a1", "app.LOG", 3, "text/plain")
                            + ","
                            + attachment("a2", "shot.png", 3, "image/png")
                            + ","
                            + attachment("a3", "db.log", 3, "text/plain")
                            + "]"))));
    for (String id : List.of("a1", "a3")) {
      wm.stubFor(
          get(urlPathEqualTo(LIST + "/" + id + "/file"))
              .willReturn(aResponse().withBody(id + "!")));
    }

    DownloadedAttachments logs =
        (DownloadedAttachments)
            run(
                listed("incident"),
                Map.of(
                    "operation",
                    "downloadAttachments",
                    "sysId",
                    SYS_ID,
                    "fileNamePattern",
                    "*.log"));

    assertThat(logs.attachments()).extracting(a -> a.sysId()).containsExactly("a1", "a3");
    assertThat(logs.documents())
        .extracting(d -> new String(d.asByteArray(), StandardCharsets.UTF_8))
        .containsExactly("a1!", "a3!");
    wm.verify(0, getRequestedFor(urlPathEqualTo(LIST + "/a2/file")));
    assertThat(logs.truncated()).isFalse();
  }

  @Test
  void downloadSaysWhenMoreAttachmentsMatchedThanMaximumFiles() {
    wm.stubFor(
        get(urlPathEqualTo(LIST))
            .willReturn(
                okJson(
                    result(
                        "["
                            + attachment("a1", "app.log", 3, "text/plain")
                            + ","
                            + attachment("a3", "db.log", 3, "text/plain")
                            + "]"))));
    wm.stubFor(get(urlPathEqualTo(LIST + "/a1/file")).willReturn(aResponse().withBody("a1!")));

    DownloadedAttachments first =
        (DownloadedAttachments)
            run(
                listed("incident"),
                Map.of(
                    "operation",
                    "downloadAttachments",
                    "sysId",
                    SYS_ID,
                    "fileNamePattern",
                    "*.log",
                    "maxFiles",
                    1));

    assertThat(first.attachments()).extracting(a -> a.sysId()).containsExactly("a1");
    assertThat(first.truncated()).isTrue();
    wm.verify(0, getRequestedFor(urlPathEqualTo(LIST + "/a3/file")));
  }

  @Test
  void anAttachmentOverTheLimitIsRefusedFromItsMetadataBeforeItsContentMoves() {
    wm.stubFor(
        get(urlPathEqualTo(LIST + "/huge"))
            .willReturn(
                okJson(
                    result(
                        attachment(
                            "huge", "dump.bin", 3L * 1024 * 1024, "application/octet-stream")))));

    assertThatThrownBy(
            () ->
                run(
                    null,
                    Map.of(
                        "operation",
                        "downloadAttachments",
                        "source",
                        "attachment",
                        "attachmentSysId",
                        "huge",
                        "maxSizeMb",
                        1)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTACHMENT_TOO_LARGE));
    wm.verify(0, getRequestedFor(urlPathEqualTo(LIST + "/huge/file")));
  }

  @Test
  void deletesAnAttachment() {
    wm.stubFor(delete(urlPathEqualTo(LIST + "/att1")).willReturn(aResponse().withStatus(204)));

    Object deleted = run(null, Map.of("operation", "deleteAttachment", "attachmentSysId", "att1"));

    assertThat(deleted).isEqualTo(new DeletedAttachment("att1", true));
    wm.verify(deleteRequestedFor(urlPathEqualTo(LIST + "/att1")));
  }
}
