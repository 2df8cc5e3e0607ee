package io.github.sncamunda.servicenow.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.github.sncamunda.servicenow.common.ErrorCodes;
import io.github.sncamunda.servicenow.table.JournalEntries;
import io.github.sncamunda.servicenow.table.JournalEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work notes and comments: appended by a PATCH, read from sys_journal_field. */
class JournalTest extends RecordWireMockTest {

  private static final String CHANGE = table("change_request") + "/" + SYS_ID;

  @Test
  void addsAWorkNoteAsAPatchOfWorkNotes() {
    wm.stubFor(
        patch(urlPathEqualTo(CHANGE))
            .willReturn(
                okJson(
                    result(
                        "{\"sys_id\":\""
                            + SYS_ID
                            + "\",\"number\":\"CHG0030001\",\"work_notes\":\"\"}"))));

    Object result =
        run(
            listed("change_request"),
            Map.of(
                "operation", "addWorkNote", "sysId", SYS_ID, "text", "CAB approved\nby Camunda"));

    assertThat(asVariables(result)).containsEntry("number", "CHG0030001");
    wm.verify(
        patchRequestedFor(urlPathEqualTo(CHANGE))
            .withRequestBody(equalToJson("{\"work_notes\":\"CAB approved\\nby Camunda\"}")));
  }

  @Test
  void addsACommentAsAPatchOfComments() {
    wm.stubFor(
        patch(urlPathEqualTo(table("incident") + "/" + SYS_ID))
            .willReturn(okJson(result("{\"sys_id\":\"" + SYS_ID + "\"}"))));

    run(listed("incident"), Map.of("operation", "addComment", "sysId", SYS_ID, "text", "On it"));

    wm.verify(
        patchRequestedFor(urlPathEqualTo(table("incident") + "/" + SYS_ID))
            .withRequestBody(equalToJson("{\"comments\":\"On it\"}")));
  }

  @Test
  void aJournalWriteIsNotSentAgainAfterTheConnectionBrokeMidRequest() {
    // the reset comes after ServiceNow may have appended the entry: a second PATCH would append
    // twice
    wm.stubFor(
        patch(urlPathEqualTo(CHANGE))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                run(
                    listed("change_request"),
                    Map.of("operation", "addWorkNote", "sysId", SYS_ID, "text", "once")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CONNECTION_FAILED);
              assertThat(e.getMessage()).contains("not sent again");
            });
    wm.verify(1, patchRequestedFor(urlPathEqualTo(CHANGE)));
  }

  @Test
  void anEmptyJournalTextIsRefusedBeforeAnythingIsSent() {
    for (String empty : new String[] {"", "   "}) {
      assertThatThrownBy(
              () ->
                  run(
                      listed("change_request"),
                      Map.of("operation", "addComment", "sysId", SYS_ID, "text", empty)))
          .isInstanceOf(ConnectorInputException.class)
          .hasMessageContaining("Comment text is required");
    }
    assertThatThrownBy(
            () ->
                run(listed("change_request"), Map.of("operation", "addWorkNote", "sysId", SYS_ID)))
        .isInstanceOf(ConnectorInputException.class)
        .hasMessageContaining("Work note text is required");
    nothingSent();
  }

  @Test
  void readsTheJournalNewestFirst() {
    wm.stubFor(
        get(urlPathEqualTo(table("sys_journal_field")))
            .willReturn(
                okJson(
                    result(
                        """
                        [{"sys_id":"j2","element":"comments","value":"Second","sys_created_by":"admin","sys_created_on":"2026-11-29 10:05:00"},
                         {"sys_id":"j1","element":"work_notes","value":"First","sys_created_by":"camunda.integration","sys_created_on":"2026-11-29 10:00:00"}]\
                        """))));

    JournalEntries journal =
        (JournalEntries)
            run(
                listed("change_request"),
                Map.of("operation", "readJournal", "sysId", SYS_ID, "limit", 20));

    assertThat(journal.count()).isEqualTo(2);
    assertThat(journal.entries())
        .containsExactly(
            new JournalEntry("j2", "comments", "Second", "admin", "2026-11-29 10:05:00"),
            new JournalEntry(
                "j1", "work_notes", "First", "camunda.integration", "2026-11-29 10:00:00"));
    wm.verify(
        getRequestedFor(urlPathEqualTo(table("sys_journal_field")))
            .withQueryParam(
                "sysparm_query",
                equalTo(
                    "element_id="
                        + SYS_ID
                        + "^element=work_notes^ORelement=comments^ORDERBYDESCsys_created_on"))
            .withQueryParam("sysparm_limit", equalTo("20")));
  }

  @Test
  void readsOnlyWorkNotesWhenAsked() {
    wm.stubFor(get(urlPathEqualTo(table("sys_journal_field"))).willReturn(okJson(result("[]"))));

    JournalEntries journal =
        (JournalEntries)
            run(
                listed("incident"),
                Map.of("operation", "readJournal", "sysId", SYS_ID, "journal", "work_notes"));

    assertThat(journal.entries()).isEmpty();
    wm.verify(
        getRequestedFor(urlPathEqualTo(table("sys_journal_field")))
            .withQueryParam(
                "sysparm_query",
                equalTo("element_id=" + SYS_ID + "^element=work_notes^ORDERBYDESCsys_created_on")));
  }

  @Test
  void readsTheJournalOfARecordReadThroughAParentTable() {
    // a cmdb_ci_server's entries carry name=cmdb_ci_server, not the chosen cmdb_ci
    wm.stubFor(
        get(urlPathEqualTo(table("sys_journal_field")))
            .withQueryParam(
                "sysparm_query",
                equalTo(
                    "element_id="
                        + SYS_ID
                        + "^element=work_notes^ORelement=comments^ORDERBYDESCsys_created_on"))
            .willReturn(
                okJson(
                    result(
                        """
                        [{"sys_id":"j1","element":"work_notes","value":"Rebooted","sys_created_by":"admin","sys_created_on":"2026-11-29 10:00:00"}]\
                        """))));

    JournalEntries journal =
        (JournalEntries)
            run(listed("cmdb_ci"), Map.of("operation", "readJournal", "sysId", SYS_ID));

    assertThat(journal.entries())
        .containsExactly(
            new JournalEntry("j1", "work_notes", "Rebooted", "admin", "2026-11-29 10:00:00"));
  }
}
