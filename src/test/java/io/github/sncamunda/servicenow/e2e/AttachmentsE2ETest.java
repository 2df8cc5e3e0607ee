package io.github.sncamunda.servicenow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.connector.runtime.core.document.CamundaDocumentReferenceImpl;
import io.camunda.connector.runtime.core.document.DocumentMetadataImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.github.sncamunda.servicenow.simulator.Attachment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attachments as Camunda documents in the real runtime, with the runtime's in-memory document
 * store: a task produces a report document, later tasks attach it to a new incident, list it and
 * download it back into a document whose bytes are compared with the original.
 */
class AttachmentsE2ETest extends RuntimeTestSupport {

  @Test
  @SuppressWarnings("unchecked")
  void aReportFromOneTaskIsAttachedListedAndDownloadedByLaterTasks() {
    deploy("e2e-bpmn", "e2e-attachments");

    Map<String, Object> result =
        runToCompletion(
            "e2e-attachments",
            Map.of("failedStep", "nightly-export", "failureReason", "disk full"));

    byte[] expected = FailureReportConnector.report("nightly-export", "disk full");
    String incident = (String) result.get("incidentSysId");
    assertThat(SERVICENOW.attachmentsOf("incident", incident))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fileName()).isEqualTo("failure-report.txt");
              assertThat(a.contentType()).startsWith("text/plain");
              assertThat(a.bytes()).isEqualTo(expected);
            });
    assertThat(result)
        .containsEntry("listed", List.of("failure-report.txt"))
        .containsEntry("listedCount", 1);
    assertThat(result).containsEntry("downloadedNames", List.of("failure-report.txt"));
    List<Map<String, Object>> downloaded = (List<Map<String, Object>>) result.get("downloaded");
    assertThat(downloaded).hasSize(1);
    assertThat(bytesOf(downloaded.get(0))).isEqualTo(expected);
    Map<String, Object> metadata = (Map<String, Object>) downloaded.get(0).get("metadata");
    assertThat(metadata).containsEntry("fileName", "failure-report.txt");
    assertThat((String) metadata.get("contentType")).startsWith("text/plain");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theExampleAttachesAReportStartedWithTheProcess() {
    deploy("examples-bpmn", "attach-failure-report");
    byte[] report = "stack trace …\n".repeat(50).getBytes(StandardCharsets.UTF_8);

    Map<String, Object> result =
        runToCompletion(
            "servicenow-attach-failure-report",
            Map.of(
                "failedStep",
                "billing",
                "failureReason",
                "timeout",
                "runId",
                42,
                "failureReport",
                StartDocuments.reference(report, "run-42.txt", "text/plain")));

    assertThat(result).containsEntry("attachmentNames", List.of("run-42.txt"));
    List<Map<String, Object>> evidence = (List<Map<String, Object>>) result.get("evidence");
    assertThat(bytesOf(evidence.get(0))).isEqualTo(report);
    List<Attachment> attached = SERVICENOW.attachments();
    assertThat(attached).singleElement().satisfies(a -> assertThat(a.bytes()).isEqualTo(report));
  }

  @Test
  void aReportOverTheExamplesLimitIsCaughtAndNotedOnTheIncidentInsteadOfAttached() {
    deploy("examples-bpmn", "attach-failure-report");

    long instance =
        start(
            "servicenow-attach-failure-report",
            Map.of(
                "failedStep",
                "billing",
                "failureReason",
                "out of memory",
                "runId",
                43,
                "failureReport",
                StartDocuments.reference(
                    new byte[6 * 1024 * 1024], "run-43.hprof", "application/octet-stream")));

    awaitElementCompleted(instance, "DocumentedWithoutReport");
    var incident = SERVICENOW.incidentsWhere("correlation_id", "failure-billing-43");
    assertThat(incident).hasSize(1);
    assertThat(SERVICENOW.attachments()).isEmpty();
    assertThat(SERVICENOW.journal(incident.get(0).get("sys_id")))
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.field()).isEqualTo("work_notes");
              assertThat(note.value())
                  .startsWith("The failure report of run 43 was not attached: ")
                  .contains("5 MB");
            });
  }

  @SuppressWarnings("unchecked")
  private static byte[] bytesOf(Map<String, Object> reference) {
    Map<String, Object> metadata = (Map<String, Object>) reference.get("metadata");
    try (var content =
        InMemoryDocumentStore.INSTANCE.getDocumentContent(
            new CamundaDocumentReferenceImpl(
                (String) reference.get("storeId"),
                (String) reference.get("documentId"),
                (String) reference.get("contentHash"),
                new DocumentMetadataImpl(
                    (String) metadata.get("contentType"),
                    null,
                    null,
                    (String) metadata.get("fileName"),
                    null,
                    null,
                    Map.of())))) {
      return content.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
