package io.github.sncamunda.servicenow.scale;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;

/**
 * The load process done with Camunda's REST connector ({@code io.camunda:http-json:1}), configured
 * the way Camunda's ServiceNow element templates configure it: Basic authentication from secrets,
 * {@code skipEncoding}, 20 s connection and read timeouts, 3 retries; the URL is the simulator's
 * base URL where those templates write {@code https://<instance>.service-now.com}. The same three
 * calls as our load process (create the incident with its {@code correlation_id}, start the flow,
 * add the work note); the REST connector has no correlation look-up, so the create is a plain POST.
 * Retry backoff PT3S as in our load process (the templates' PT30S would only stretch the run).
 *
 * <p>Written here with the BPMN model API; nothing is taken from Camunda's template files.
 */
final class RestConnectorProcess {

  static final String JOB_TYPE = "io.camunda:http-json:1";

  private RestConnectorProcess() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(ScaleRun.Connector.REST.processId)
        .name("Scale-out load: incident, flow, work note (REST connector)")
        .startEvent("Started")
        .serviceTask(
            "CreateIncident",
            t ->
                call(t, "Create incident (REST)")
                    .zeebeInput("POST", "method")
                    .zeebeInput("=snBaseUrl + \"/api/now/table/incident\"", "url")
                    .zeebeInput(
                        "={\"short_description\": \"Scale \" + key, \"correlation_id\": key}",
                        "body")
                    .zeebeTaskHeader(
                        "resultExpression", "={incidentSysId: response.body.result.sys_id}"))
        .serviceTask(
            "StartFlow",
            t ->
                call(t, "Start flow (REST)")
                    .zeebeInput("POST", "method")
                    .zeebeInput("=snBaseUrl + \"/api/x_acme/scale/start\"", "url")
                    .zeebeInput("={\"correlationValue\": key, \"incident\": incidentSysId}", "body")
                    .zeebeTaskHeader(
                        "resultExpression", "={flowExecutionId: response.body.result.executionId}"))
        .serviceTask(
            "AddWorkNote",
            t ->
                call(t, "Add work note (REST)")
                    .zeebeInput("PATCH", "method")
                    .zeebeInput("=snBaseUrl + \"/api/now/table/incident/\" + incidentSysId", "url")
                    .zeebeInput(
                        "={\"work_notes\": \"Flow \" + flowExecutionId + \" started for \" + key}",
                        "body")
                    .zeebeTaskHeader(
                        "resultExpression",
                        "={noteAdded: response.body.result.sys_id = incidentSysId}"))
        .endEvent("Completed")
        .done();
  }

  private static ServiceTaskBuilder call(ServiceTaskBuilder task, String name) {
    return task.name(name)
        .zeebeJobType(JOB_TYPE)
        .zeebeJobRetries(Integer.toString(ScaleRun.RETRIES))
        .zeebeInput("basic", "authentication.type")
        .zeebeInput("{{secrets.snUser}}", "authentication.username")
        .zeebeInput("{{secrets.snPwd}}", "authentication.password")
        .zeebeInput("true", "skipEncoding")
        .zeebeInput("20", "connectionTimeoutInSeconds")
        .zeebeInput("20", "readTimeoutInSeconds")
        .zeebeTaskHeader("retryBackoff", "PT3S");
  }
}
