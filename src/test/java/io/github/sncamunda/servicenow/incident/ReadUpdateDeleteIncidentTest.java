package io.github.sncamunda.servicenow.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadUpdateDeleteIncidentTest extends IncidentWireMockTest {

  @Test
  void readGetsTheRecordBySysId() {
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody(result(RECORD))));

    Object result = runJson("{\"operation\":\"read\",\"sysId\":\"" + SYS_ID + "\"}");

    IncidentResult incident = (IncidentResult) result;
    assertThat(incident.sysId()).isEqualTo(SYS_ID);
    assertThat(incident.number()).isEqualTo("INC0010042");
    assertThat(incident.record())
        .containsEntry("short_description", "Disk full on db01")
        .containsEntry("assignment_group", "");
    assertThat(asVariables(result)).containsOnlyKeys("sysId", "number", "record");
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .withHeader("Authorization", equalTo(BASIC))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withoutQueryParam("sysparm_display_value")
            .withoutQueryParam("sysparm_fields"));
  }

  @Test
  void readSendsItsOptionsAndAcceptsNonHexSysIds() {
    // sys_ids are any short identifier, e.g. "glide.maint" in ServiceNow's own examples
    wm.stubFor(
        get(urlPathEqualTo(TABLE + "/glide.maint-1_a"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        result("{\"number\":{\"display_value\":\"INC0000001\",\"link\":\"x\"}}"))));

    IncidentResult incident =
        (IncidentResult)
            run(
                Map.of(
                    "operation",
                    "read",
                    "sysId",
                    "glide.maint-1_a",
                    "displayValue",
                    "true",
                    "excludeReferenceLink",
                    false,
                    "fields",
                    "number"));

    // sys_id is asked for too; when ServiceNow leaves it out, the given one is reported
    assertThat(incident.sysId()).isEqualTo("glide.maint-1_a");
    assertThat(incident.number()).isEqualTo("INC0000001");
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(TABLE + "/glide.maint-1_a"))
            .withQueryParam("sysparm_display_value", equalTo("true"))
            .withQueryParam("sysparm_fields", equalTo("number,sys_id"))
            .withoutQueryParam("sysparm_exclude_reference_link"));
  }

  @Test
  void updatePatchesOnlyThePayloadFields() {
    wm.stubFor(
        patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD.replace("\"priority\":\"1\"", "\"priority\":\"2\"")))));

    Object result =
        run(
            Map.of(
                "operation",
                "update",
                "sysId",
                SYS_ID,
                "payload",
                Map.of("priority", "2"),
                "inputDisplayValue",
                true,
                "fields",
                "sys_id,number,priority"));

    IncidentResult incident = (IncidentResult) result;
    assertThat(incident.sysId()).isEqualTo(SYS_ID);
    assertThat(incident.record()).containsEntry("priority", "2");
    assertThat(incident.created()).isNull();
    assertThat(asVariables(result)).doesNotContainKey("created");
    wm.verify(
        1,
        patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .withHeader("Authorization", equalTo(BASIC))
            .withQueryParam("sysparm_input_display_value", equalTo("true"))
            .withQueryParam("sysparm_fields", equalTo("sys_id,number,priority"))
            .withQueryParam("sysparm_exclude_reference_link", equalTo("true"))
            .withRequestBody(equalToJson("{\"priority\":\"2\"}")));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void updateAcceptsJsonTextAsTheSeedExampleShows() {
    wm.stubFor(
        patch(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(result(RECORD))));

    run(
        Map.of(
            "operation",
            "update",
            "sysId",
            SYS_ID,
            "payload",
            "{\"priority\": \"2\", \"work_notes\": \"from Camunda\"}"));

    wm.verify(
        1,
        patchRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .withRequestBody(equalToJson("{\"priority\":\"2\",\"work_notes\":\"from Camunda\"}")));
  }

  @Test
  void deleteSendsDeleteAndReportsTheSysId() {
    wm.stubFor(
        delete(urlPathEqualTo(TABLE + "/" + SYS_ID)).willReturn(aResponse().withStatus(204)));

    Object result = runJson("{\"operation\":\"delete\",\"sysId\":\"" + SYS_ID + "\"}");

    assertThat(result).isEqualTo(new DeletedIncident(SYS_ID, true));
    assertThat(asVariables(result)).isEqualTo(Map.of("sysId", SYS_ID, "deleted", true));
    wm.verify(
        1,
        deleteRequestedFor(urlPathEqualTo(TABLE + "/" + SYS_ID))
            .withHeader("Authorization", equalTo(BASIC)));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }
}
